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
 * {@code <geometry cyls= heads= secs= trans=/>}.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class DiskGeometryDef implements DeclaredOrder {
    @XmlAttribute(name = "cyls") private String cyls;
    @XmlAttribute(name = "heads") private String heads;
    @XmlAttribute(name = "secs") private String secs;
    @XmlAttribute(name = "trans") private String trans;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DiskGeometryDef() {
    }

    /** The {@code cyls} attribute as written, or {@code null}. */
    public String cyls() {
        return cyls;
    }

    /** Sets (or with {@code null} removes) the {@code cyls} attribute. */
    public DiskGeometryDef cyls(String v) {
        cyls = v;
        return this;
    }

    /** The {@code heads} attribute as written, or {@code null}. */
    public String heads() {
        return heads;
    }

    /** Sets (or with {@code null} removes) the {@code heads} attribute. */
    public DiskGeometryDef heads(String v) {
        heads = v;
        return this;
    }

    /** The {@code secs} attribute as written, or {@code null}. */
    public String secs() {
        return secs;
    }

    /** Sets (or with {@code null} removes) the {@code secs} attribute. */
    public DiskGeometryDef secs(String v) {
        secs = v;
        return this;
    }

    /** The {@code trans} attribute as written, or {@code null}. */
    public String trans() {
        return trans;
    }

    /** Sets (or with {@code null} removes) the {@code trans} attribute. */
    public DiskGeometryDef trans(String v) {
        trans = v;
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
