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
 * A character device's {@code <target>}: type (serial: isa-serial, usb-serial, pci-serial, spapr-vio-serial, system-serial, sclp-serial, isa-debug; console: serial, virtio, xen, sclp...; channel: virtio, guestfwd, xen), port, name, address, state; model child.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"model", "extra"})
public class ChrTargetDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "state") private String state;
    @XmlAttribute(name = "address") private String address;
    @XmlAttribute(name = "port") private String port;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "model") private Generic model;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public ChrTargetDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public ChrTargetDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public ChrTargetDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code state} attribute as written, or {@code null}. */
    public String state() {
        return state;
    }

    /** Sets (or with {@code null} removes) the {@code state} attribute. */
    public ChrTargetDef state(String v) {
        state = v;
        return this;
    }

    /** The {@code address} attribute as written, or {@code null}. */
    public String address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code address} attribute. */
    public ChrTargetDef address(String v) {
        address = v;
        return this;
    }

    /** The {@code port} attribute as written, or {@code null}. */
    public String port() {
        return port;
    }

    /** Sets (or with {@code null} removes) the {@code port} attribute. */
    public ChrTargetDef port(String v) {
        port = v;
        return this;
    }

    /** The {@code <model>} element, or {@code null}. */
    public Generic model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code <model>} element. */
    public ChrTargetDef model(Generic v) {
        model = v;
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
