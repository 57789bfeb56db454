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
 * An interface's {@code <driver>}: name (qemu, vhost, vfio, kvm), txmode, ioeventfd, event_idx, queues, rx/tx queue sizes, virtio options; host and guest offloads.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"host", "guest", "extra"})
public class NetDriverDef implements DeclaredOrder {
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "txmode") private String txmode;
    @XmlAttribute(name = "ioeventfd") private String ioeventfd;
    @XmlAttribute(name = "event_idx") private String eventIdx;
    @XmlAttribute(name = "queues") private String queues;
    @XmlAttribute(name = "rx_queue_size") private String rxQueueSize;
    @XmlAttribute(name = "tx_queue_size") private String txQueueSize;
    @XmlAttribute(name = "rss") private String rss;
    @XmlAttribute(name = "rss_hash_report") private String rssHashReport;
    @XmlAttribute(name = "iommu") private String iommu;
    @XmlAttribute(name = "ats") private String ats;
    @XmlAttribute(name = "packed") private String packed;
    @XmlAttribute(name = "page_per_vq") private String pagePerVq;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "host") private Generic host;
    @XmlElement(name = "guest") private Generic guest;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public NetDriverDef() {
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public NetDriverDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code txmode} attribute as written, or {@code null}. */
    public String txmode() {
        return txmode;
    }

    /** Sets (or with {@code null} removes) the {@code txmode} attribute. */
    public NetDriverDef txmode(String v) {
        txmode = v;
        return this;
    }

    /** The {@code ioeventfd} attribute as written, or {@code null}. */
    public String ioeventfd() {
        return ioeventfd;
    }

    /** Sets (or with {@code null} removes) the {@code ioeventfd} attribute. */
    public NetDriverDef ioeventfd(String v) {
        ioeventfd = v;
        return this;
    }

    /** The {@code event_idx} attribute as written, or {@code null}. */
    public String eventIdx() {
        return eventIdx;
    }

    /** Sets (or with {@code null} removes) the {@code event_idx} attribute. */
    public NetDriverDef eventIdx(String v) {
        eventIdx = v;
        return this;
    }

    /** The {@code queues} attribute as written, or {@code null}. */
    public String queues() {
        return queues;
    }

    /** Sets (or with {@code null} removes) the {@code queues} attribute. */
    public NetDriverDef queues(String v) {
        queues = v;
        return this;
    }

    /** The {@code rx_queue_size} attribute as written, or {@code null}. */
    public String rxQueueSize() {
        return rxQueueSize;
    }

    /** Sets (or with {@code null} removes) the {@code rx_queue_size} attribute. */
    public NetDriverDef rxQueueSize(String v) {
        rxQueueSize = v;
        return this;
    }

    /** The {@code tx_queue_size} attribute as written, or {@code null}. */
    public String txQueueSize() {
        return txQueueSize;
    }

    /** Sets (or with {@code null} removes) the {@code tx_queue_size} attribute. */
    public NetDriverDef txQueueSize(String v) {
        txQueueSize = v;
        return this;
    }

    /** The {@code rss} attribute as written, or {@code null}. */
    public String rss() {
        return rss;
    }

    /** Sets (or with {@code null} removes) the {@code rss} attribute. */
    public NetDriverDef rss(String v) {
        rss = v;
        return this;
    }

    /** The {@code rss_hash_report} attribute as written, or {@code null}. */
    public String rssHashReport() {
        return rssHashReport;
    }

    /** Sets (or with {@code null} removes) the {@code rss_hash_report} attribute. */
    public NetDriverDef rssHashReport(String v) {
        rssHashReport = v;
        return this;
    }

    /** The {@code iommu} attribute as written, or {@code null}. */
    public String iommu() {
        return iommu;
    }

    /** Sets (or with {@code null} removes) the {@code iommu} attribute. */
    public NetDriverDef iommu(String v) {
        iommu = v;
        return this;
    }

    /** The {@code ats} attribute as written, or {@code null}. */
    public String ats() {
        return ats;
    }

    /** Sets (or with {@code null} removes) the {@code ats} attribute. */
    public NetDriverDef ats(String v) {
        ats = v;
        return this;
    }

    /** The {@code packed} attribute as written, or {@code null}. */
    public String packed() {
        return packed;
    }

    /** Sets (or with {@code null} removes) the {@code packed} attribute. */
    public NetDriverDef packed(String v) {
        packed = v;
        return this;
    }

    /** The {@code page_per_vq} attribute as written, or {@code null}. */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** Sets (or with {@code null} removes) the {@code page_per_vq} attribute. */
    public NetDriverDef pagePerVq(String v) {
        pagePerVq = v;
        return this;
    }

    /** The {@code <host>} element, or {@code null}. */
    public Generic host() {
        return host;
    }

    /** Sets (or with {@code null} removes) the {@code <host>} element. */
    public NetDriverDef host(Generic v) {
        host = v;
        return this;
    }

    /** The {@code <guest>} element, or {@code null}. */
    public Generic guest() {
        return guest;
    }

    /** Sets (or with {@code null} removes) the {@code <guest>} element. */
    public NetDriverDef guest(Generic v) {
        guest = v;
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
