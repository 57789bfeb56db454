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
 * A controller's {@code <driver>}: queues, cmd_per_lun, max_sectors, ioeventfd, iothread and virtio options.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class ControllerDriverDef implements DeclaredOrder {
    @XmlAttribute(name = "queues") private String queues;
    @XmlAttribute(name = "cmd_per_lun") private String cmdPerLun;
    @XmlAttribute(name = "max_sectors") private String maxSectors;
    @XmlAttribute(name = "ioeventfd") private String ioeventfd;
    @XmlAttribute(name = "iothread") private String iothread;
    @XmlAttribute(name = "iommu") private String iommu;
    @XmlAttribute(name = "ats") private String ats;
    @XmlAttribute(name = "packed") private String packed;
    @XmlAttribute(name = "page_per_vq") private String pagePerVq;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public ControllerDriverDef() {
    }

    /** The {@code queues} attribute as written, or {@code null}. */
    public String queues() {
        return queues;
    }

    /** Sets (or with {@code null} removes) the {@code queues} attribute. */
    public ControllerDriverDef queues(String v) {
        queues = v;
        return this;
    }

    /** The {@code cmd_per_lun} attribute as written, or {@code null}. */
    public String cmdPerLun() {
        return cmdPerLun;
    }

    /** Sets (or with {@code null} removes) the {@code cmd_per_lun} attribute. */
    public ControllerDriverDef cmdPerLun(String v) {
        cmdPerLun = v;
        return this;
    }

    /** The {@code max_sectors} attribute as written, or {@code null}. */
    public String maxSectors() {
        return maxSectors;
    }

    /** Sets (or with {@code null} removes) the {@code max_sectors} attribute. */
    public ControllerDriverDef maxSectors(String v) {
        maxSectors = v;
        return this;
    }

    /** The {@code ioeventfd} attribute as written, or {@code null}. */
    public String ioeventfd() {
        return ioeventfd;
    }

    /** Sets (or with {@code null} removes) the {@code ioeventfd} attribute. */
    public ControllerDriverDef ioeventfd(String v) {
        ioeventfd = v;
        return this;
    }

    /** The {@code iothread} attribute as written, or {@code null}. */
    public String iothread() {
        return iothread;
    }

    /** Sets (or with {@code null} removes) the {@code iothread} attribute. */
    public ControllerDriverDef iothread(String v) {
        iothread = v;
        return this;
    }

    /** The {@code iommu} attribute as written, or {@code null}. */
    public String iommu() {
        return iommu;
    }

    /** Sets (or with {@code null} removes) the {@code iommu} attribute. */
    public ControllerDriverDef iommu(String v) {
        iommu = v;
        return this;
    }

    /** The {@code ats} attribute as written, or {@code null}. */
    public String ats() {
        return ats;
    }

    /** Sets (or with {@code null} removes) the {@code ats} attribute. */
    public ControllerDriverDef ats(String v) {
        ats = v;
        return this;
    }

    /** The {@code packed} attribute as written, or {@code null}. */
    public String packed() {
        return packed;
    }

    /** Sets (or with {@code null} removes) the {@code packed} attribute. */
    public ControllerDriverDef packed(String v) {
        packed = v;
        return this;
    }

    /** The {@code page_per_vq} attribute as written, or {@code null}. */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** Sets (or with {@code null} removes) the {@code page_per_vq} attribute. */
    public ControllerDriverDef pagePerVq(String v) {
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
