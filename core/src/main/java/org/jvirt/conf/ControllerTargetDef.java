package org.jvirt.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A controller's {@code <target>}: PCI chassisNr, chassis, port, busNr, index, hotplug, memReserve; numaNode child.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"node", "extra"})
public class ControllerTargetDef implements DeclaredOrder {
    @XmlAttribute(name = "chassisNr") private String chassisNr;
    @XmlAttribute(name = "chassis") private String chassis;
    @XmlAttribute(name = "port") private String port;
    @XmlAttribute(name = "busNr") private String busNr;
    @XmlAttribute(name = "index") private String index;
    @XmlAttribute(name = "hotplug") private String hotplug;
    @XmlAttribute(name = "memReserve") private String memReserve;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "node") private Generic node;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public ControllerTargetDef() {
    }

    /** The {@code chassisNr} attribute as written, or {@code null}. */
    public String chassisNr() {
        return chassisNr;
    }

    /** Sets (or with {@code null} removes) the {@code chassisNr} attribute. */
    public ControllerTargetDef chassisNr(String v) {
        chassisNr = v;
        return this;
    }

    /** The {@code chassis} attribute as written, or {@code null}. */
    public String chassis() {
        return chassis;
    }

    /** Sets (or with {@code null} removes) the {@code chassis} attribute. */
    public ControllerTargetDef chassis(String v) {
        chassis = v;
        return this;
    }

    /** The {@code port} attribute as written, or {@code null}. */
    public String port() {
        return port;
    }

    /** Sets (or with {@code null} removes) the {@code port} attribute. */
    public ControllerTargetDef port(String v) {
        port = v;
        return this;
    }

    /** The {@code busNr} attribute as written, or {@code null}. */
    public String busNr() {
        return busNr;
    }

    /** Sets (or with {@code null} removes) the {@code busNr} attribute. */
    public ControllerTargetDef busNr(String v) {
        busNr = v;
        return this;
    }

    /** The {@code index} attribute as written, or {@code null}. */
    public String index() {
        return index;
    }

    /** Sets (or with {@code null} removes) the {@code index} attribute. */
    public ControllerTargetDef index(String v) {
        index = v;
        return this;
    }

    /** The {@code hotplug} attribute as written, or {@code null}. */
    public String hotplug() {
        return hotplug;
    }

    /** Sets (or with {@code null} removes) the {@code hotplug} attribute. */
    public ControllerTargetDef hotplug(String v) {
        hotplug = v;
        return this;
    }

    /** The {@code memReserve} attribute as written, or {@code null}. */
    public String memReserve() {
        return memReserve;
    }

    /** Sets (or with {@code null} removes) the {@code memReserve} attribute. */
    public ControllerTargetDef memReserve(String v) {
        memReserve = v;
        return this;
    }

    /** The {@code <node>} element, or {@code null}. */
    public Generic node() {
        return node;
    }

    /** Sets (or with {@code null} removes) the {@code <node>} element. */
    public ControllerTargetDef node(Generic v) {
        node = v;
        return this;
    }

    /** Child elements the model does not know, kept verbatim (live list). */
    public List<Element> extra() {
        return extra;
    }

    /** Attributes the model does not know, kept verbatim (live map). */
    public Map<QName, String> otherAttributes() {
        return otherAttributes;
    }

}
