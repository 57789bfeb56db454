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
 * A filesystem {@code <driver>}: type (path, handle, loop, nbd, ploop, virtiofs), format, queue, wrpolicy and virtio options.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class FsDriverDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "format") private String format;
    @XmlAttribute(name = "queue") private String queue;
    @XmlAttribute(name = "wrpolicy") private String wrpolicy;
    @XmlAttribute(name = "iommu") private String iommu;
    @XmlAttribute(name = "ats") private String ats;
    @XmlAttribute(name = "packed") private String packed;
    @XmlAttribute(name = "page_per_vq") private String pagePerVq;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public FsDriverDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public FsDriverDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code format} attribute as written, or {@code null}. */
    public String format() {
        return format;
    }

    /** Sets (or with {@code null} removes) the {@code format} attribute. */
    public FsDriverDef format(String v) {
        format = v;
        return this;
    }

    /** The {@code queue} attribute as written, or {@code null}. */
    public String queue() {
        return queue;
    }

    /** Sets (or with {@code null} removes) the {@code queue} attribute. */
    public FsDriverDef queue(String v) {
        queue = v;
        return this;
    }

    /** The {@code wrpolicy} attribute as written, or {@code null}. */
    public String wrpolicy() {
        return wrpolicy;
    }

    /** Sets (or with {@code null} removes) the {@code wrpolicy} attribute. */
    public FsDriverDef wrpolicy(String v) {
        wrpolicy = v;
        return this;
    }

    /** The {@code iommu} attribute as written, or {@code null}. */
    public String iommu() {
        return iommu;
    }

    /** Sets (or with {@code null} removes) the {@code iommu} attribute. */
    public FsDriverDef iommu(String v) {
        iommu = v;
        return this;
    }

    /** The {@code ats} attribute as written, or {@code null}. */
    public String ats() {
        return ats;
    }

    /** Sets (or with {@code null} removes) the {@code ats} attribute. */
    public FsDriverDef ats(String v) {
        ats = v;
        return this;
    }

    /** The {@code packed} attribute as written, or {@code null}. */
    public String packed() {
        return packed;
    }

    /** Sets (or with {@code null} removes) the {@code packed} attribute. */
    public FsDriverDef packed(String v) {
        packed = v;
        return this;
    }

    /** The {@code page_per_vq} attribute as written, or {@code null}. */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** Sets (or with {@code null} removes) the {@code page_per_vq} attribute. */
    public FsDriverDef pagePerVq(String v) {
        pagePerVq = v;
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
