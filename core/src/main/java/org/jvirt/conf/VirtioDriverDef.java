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
 * A device's {@code <driver>} with libvirt's virtio options (iommu, ats, packed, page_per_vq) and the per-device extras (name, queues, rx/tx queue sizes, ...).
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class VirtioDriverDef implements DeclaredOrder {
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "queues") private String queues;
    @XmlAttribute(name = "rx_queue_size") private String rxQueueSize;
    @XmlAttribute(name = "tx_queue_size") private String txQueueSize;
    @XmlAttribute(name = "txmode") private String txmode;
    @XmlAttribute(name = "ioeventfd") private String ioeventfd;
    @XmlAttribute(name = "event_idx") private String eventIdx;
    @XmlAttribute(name = "wrpolicy") private String wrpolicy;
    @XmlAttribute(name = "iommu") private String iommu;
    @XmlAttribute(name = "ats") private String ats;
    @XmlAttribute(name = "packed") private String packed;
    @XmlAttribute(name = "page_per_vq") private String pagePerVq;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public VirtioDriverDef() {
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public VirtioDriverDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public VirtioDriverDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code queues} attribute as written, or {@code null}. */
    public String queues() {
        return queues;
    }

    /** Sets (or with {@code null} removes) the {@code queues} attribute. */
    public VirtioDriverDef queues(String v) {
        queues = v;
        return this;
    }

    /** The {@code rx_queue_size} attribute as written, or {@code null}. */
    public String rxQueueSize() {
        return rxQueueSize;
    }

    /** Sets (or with {@code null} removes) the {@code rx_queue_size} attribute. */
    public VirtioDriverDef rxQueueSize(String v) {
        rxQueueSize = v;
        return this;
    }

    /** The {@code tx_queue_size} attribute as written, or {@code null}. */
    public String txQueueSize() {
        return txQueueSize;
    }

    /** Sets (or with {@code null} removes) the {@code tx_queue_size} attribute. */
    public VirtioDriverDef txQueueSize(String v) {
        txQueueSize = v;
        return this;
    }

    /** The {@code txmode} attribute as written, or {@code null}. */
    public String txmode() {
        return txmode;
    }

    /** Sets (or with {@code null} removes) the {@code txmode} attribute. */
    public VirtioDriverDef txmode(String v) {
        txmode = v;
        return this;
    }

    /** The {@code ioeventfd} attribute as written, or {@code null}. */
    public String ioeventfd() {
        return ioeventfd;
    }

    /** Sets (or with {@code null} removes) the {@code ioeventfd} attribute. */
    public VirtioDriverDef ioeventfd(String v) {
        ioeventfd = v;
        return this;
    }

    /** The {@code event_idx} attribute as written, or {@code null}. */
    public String eventIdx() {
        return eventIdx;
    }

    /** Sets (or with {@code null} removes) the {@code event_idx} attribute. */
    public VirtioDriverDef eventIdx(String v) {
        eventIdx = v;
        return this;
    }

    /** The {@code wrpolicy} attribute as written, or {@code null}. */
    public String wrpolicy() {
        return wrpolicy;
    }

    /** Sets (or with {@code null} removes) the {@code wrpolicy} attribute. */
    public VirtioDriverDef wrpolicy(String v) {
        wrpolicy = v;
        return this;
    }

    /** The {@code iommu} attribute as written, or {@code null}. */
    public String iommu() {
        return iommu;
    }

    /** Sets (or with {@code null} removes) the {@code iommu} attribute. */
    public VirtioDriverDef iommu(String v) {
        iommu = v;
        return this;
    }

    /** The {@code ats} attribute as written, or {@code null}. */
    public String ats() {
        return ats;
    }

    /** Sets (or with {@code null} removes) the {@code ats} attribute. */
    public VirtioDriverDef ats(String v) {
        ats = v;
        return this;
    }

    /** The {@code packed} attribute as written, or {@code null}. */
    public String packed() {
        return packed;
    }

    /** Sets (or with {@code null} removes) the {@code packed} attribute. */
    public VirtioDriverDef packed(String v) {
        packed = v;
        return this;
    }

    /** The {@code page_per_vq} attribute as written, or {@code null}. */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** Sets (or with {@code null} removes) the {@code page_per_vq} attribute. */
    public VirtioDriverDef pagePerVq(String v) {
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
