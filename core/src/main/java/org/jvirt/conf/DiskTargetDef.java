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
import jakarta.xml.bind.annotation.XmlType;

/**
 * A disk's {@code <target dev= bus= tray= removable= rotation_rate=/>}.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class DiskTargetDef implements DeclaredOrder {
    @XmlAttribute(name = "dev") private String dev;
    @XmlAttribute(name = "bus") private String bus;
    @XmlAttribute(name = "tray") private String tray;
    @XmlAttribute(name = "removable") private String removable;
    @XmlAttribute(name = "rotation_rate") private String rotationRate;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DiskTargetDef() {
    }

    /** The {@code dev} attribute as written, or {@code null}. */
    public String dev() {
        return dev;
    }

    /** Sets (or with {@code null} removes) the {@code dev} attribute. */
    public DiskTargetDef dev(String v) {
        dev = v;
        return this;
    }

    /** The {@code bus} attribute as written, or {@code null}. */
    public String bus() {
        return bus;
    }

    /** Sets (or with {@code null} removes) the {@code bus} attribute. */
    public DiskTargetDef bus(String v) {
        bus = v;
        return this;
    }

    /** The {@code tray} attribute as written, or {@code null}. */
    public String tray() {
        return tray;
    }

    /** Sets (or with {@code null} removes) the {@code tray} attribute. */
    public DiskTargetDef tray(String v) {
        tray = v;
        return this;
    }

    /** The {@code removable} attribute as written, or {@code null}. */
    public String removable() {
        return removable;
    }

    /** Sets (or with {@code null} removes) the {@code removable} attribute. */
    public DiskTargetDef removable(String v) {
        removable = v;
        return this;
    }

    /** The {@code rotation_rate} attribute as written, or {@code null}. */
    public String rotationRate() {
        return rotationRate;
    }

    /** Sets (or with {@code null} removes) the {@code rotation_rate} attribute. */
    public DiskTargetDef rotationRate(String v) {
        rotationRate = v;
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
