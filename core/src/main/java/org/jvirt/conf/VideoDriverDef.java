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
 * A video {@code <driver>}: virtio options, then name (qemu, vhostuser) and vgaconf.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class VideoDriverDef implements DeclaredOrder {
    @XmlAttribute(name = "iommu") private String iommu;
    @XmlAttribute(name = "ats") private String ats;
    @XmlAttribute(name = "packed") private String packed;
    @XmlAttribute(name = "page_per_vq") private String pagePerVq;
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "vgaconf") private String vgaconf;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public VideoDriverDef() {
    }

    /** The {@code iommu} attribute as written, or {@code null}. */
    public String iommu() {
        return iommu;
    }

    /** Sets (or with {@code null} removes) the {@code iommu} attribute. */
    public VideoDriverDef iommu(String v) {
        iommu = v;
        return this;
    }

    /** The {@code ats} attribute as written, or {@code null}. */
    public String ats() {
        return ats;
    }

    /** Sets (or with {@code null} removes) the {@code ats} attribute. */
    public VideoDriverDef ats(String v) {
        ats = v;
        return this;
    }

    /** The {@code packed} attribute as written, or {@code null}. */
    public String packed() {
        return packed;
    }

    /** Sets (or with {@code null} removes) the {@code packed} attribute. */
    public VideoDriverDef packed(String v) {
        packed = v;
        return this;
    }

    /** The {@code page_per_vq} attribute as written, or {@code null}. */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** Sets (or with {@code null} removes) the {@code page_per_vq} attribute. */
    public VideoDriverDef pagePerVq(String v) {
        pagePerVq = v;
        return this;
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public VideoDriverDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code vgaconf} attribute as written, or {@code null}. */
    public String vgaconf() {
        return vgaconf;
    }

    /** Sets (or with {@code null} removes) the {@code vgaconf} attribute. */
    public VideoDriverDef vgaconf(String v) {
        vgaconf = v;
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
