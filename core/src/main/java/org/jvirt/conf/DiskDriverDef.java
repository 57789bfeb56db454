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
 * A disk's {@code <driver>}: format, cache and I/O modes, error policies, discard, iothread, queues and virtio options.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"metadataCache", "iothreads", "extra"})
public class DiskDriverDef implements DeclaredOrder {
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "cache") private String cache;
    @XmlAttribute(name = "error_policy") private String errorPolicy;
    @XmlAttribute(name = "rerror_policy") private String rerrorPolicy;
    @XmlAttribute(name = "io") private String io;
    @XmlAttribute(name = "ioeventfd") private String ioeventfd;
    @XmlAttribute(name = "event_idx") private String eventIdx;
    @XmlAttribute(name = "copy_on_read") private String copyOnRead;
    @XmlAttribute(name = "discard") private String discard;
    @XmlAttribute(name = "iothread") private String iothread;
    @XmlAttribute(name = "detect_zeroes") private String detectZeroes;
    @XmlAttribute(name = "queues") private String queues;
    @XmlAttribute(name = "queue_size") private String queueSize;
    @XmlAttribute(name = "iommu") private String iommu;
    @XmlAttribute(name = "ats") private String ats;
    @XmlAttribute(name = "packed") private String packed;
    @XmlAttribute(name = "page_per_vq") private String pagePerVq;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "metadata_cache") private Generic metadataCache;
    @XmlElement(name = "iothreads") private Generic iothreads;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DiskDriverDef() {
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public DiskDriverDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public DiskDriverDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code cache} attribute as written, or {@code null}. */
    public String cache() {
        return cache;
    }

    /** Sets (or with {@code null} removes) the {@code cache} attribute. */
    public DiskDriverDef cache(String v) {
        cache = v;
        return this;
    }

    /** The {@code error_policy} attribute as written, or {@code null}. */
    public String errorPolicy() {
        return errorPolicy;
    }

    /** Sets (or with {@code null} removes) the {@code error_policy} attribute. */
    public DiskDriverDef errorPolicy(String v) {
        errorPolicy = v;
        return this;
    }

    /** The {@code rerror_policy} attribute as written, or {@code null}. */
    public String rerrorPolicy() {
        return rerrorPolicy;
    }

    /** Sets (or with {@code null} removes) the {@code rerror_policy} attribute. */
    public DiskDriverDef rerrorPolicy(String v) {
        rerrorPolicy = v;
        return this;
    }

    /** The {@code io} attribute as written, or {@code null}. */
    public String io() {
        return io;
    }

    /** Sets (or with {@code null} removes) the {@code io} attribute. */
    public DiskDriverDef io(String v) {
        io = v;
        return this;
    }

    /** The {@code ioeventfd} attribute as written, or {@code null}. */
    public String ioeventfd() {
        return ioeventfd;
    }

    /** Sets (or with {@code null} removes) the {@code ioeventfd} attribute. */
    public DiskDriverDef ioeventfd(String v) {
        ioeventfd = v;
        return this;
    }

    /** The {@code event_idx} attribute as written, or {@code null}. */
    public String eventIdx() {
        return eventIdx;
    }

    /** Sets (or with {@code null} removes) the {@code event_idx} attribute. */
    public DiskDriverDef eventIdx(String v) {
        eventIdx = v;
        return this;
    }

    /** The {@code copy_on_read} attribute as written, or {@code null}. */
    public String copyOnRead() {
        return copyOnRead;
    }

    /** Sets (or with {@code null} removes) the {@code copy_on_read} attribute. */
    public DiskDriverDef copyOnRead(String v) {
        copyOnRead = v;
        return this;
    }

    /** The {@code discard} attribute as written, or {@code null}. */
    public String discard() {
        return discard;
    }

    /** Sets (or with {@code null} removes) the {@code discard} attribute. */
    public DiskDriverDef discard(String v) {
        discard = v;
        return this;
    }

    /** The {@code iothread} attribute as written, or {@code null}. */
    public String iothread() {
        return iothread;
    }

    /** Sets (or with {@code null} removes) the {@code iothread} attribute. */
    public DiskDriverDef iothread(String v) {
        iothread = v;
        return this;
    }

    /** The {@code detect_zeroes} attribute as written, or {@code null}. */
    public String detectZeroes() {
        return detectZeroes;
    }

    /** Sets (or with {@code null} removes) the {@code detect_zeroes} attribute. */
    public DiskDriverDef detectZeroes(String v) {
        detectZeroes = v;
        return this;
    }

    /** The {@code queues} attribute as written, or {@code null}. */
    public String queues() {
        return queues;
    }

    /** Sets (or with {@code null} removes) the {@code queues} attribute. */
    public DiskDriverDef queues(String v) {
        queues = v;
        return this;
    }

    /** The {@code queue_size} attribute as written, or {@code null}. */
    public String queueSize() {
        return queueSize;
    }

    /** Sets (or with {@code null} removes) the {@code queue_size} attribute. */
    public DiskDriverDef queueSize(String v) {
        queueSize = v;
        return this;
    }

    /** The {@code iommu} attribute as written, or {@code null}. */
    public String iommu() {
        return iommu;
    }

    /** Sets (or with {@code null} removes) the {@code iommu} attribute. */
    public DiskDriverDef iommu(String v) {
        iommu = v;
        return this;
    }

    /** The {@code ats} attribute as written, or {@code null}. */
    public String ats() {
        return ats;
    }

    /** Sets (or with {@code null} removes) the {@code ats} attribute. */
    public DiskDriverDef ats(String v) {
        ats = v;
        return this;
    }

    /** The {@code packed} attribute as written, or {@code null}. */
    public String packed() {
        return packed;
    }

    /** Sets (or with {@code null} removes) the {@code packed} attribute. */
    public DiskDriverDef packed(String v) {
        packed = v;
        return this;
    }

    /** The {@code page_per_vq} attribute as written, or {@code null}. */
    public String pagePerVq() {
        return pagePerVq;
    }

    /** Sets (or with {@code null} removes) the {@code page_per_vq} attribute. */
    public DiskDriverDef pagePerVq(String v) {
        pagePerVq = v;
        return this;
    }

    /** The {@code <metadata_cache>} element, or {@code null}. */
    public Generic metadataCache() {
        return metadataCache;
    }

    /** Sets (or with {@code null} removes) the {@code <metadata_cache>} element. */
    public DiskDriverDef metadataCache(Generic v) {
        metadataCache = v;
        return this;
    }

    /** The {@code <iothreads>} element, or {@code null}. */
    public Generic iothreads() {
        return iothreads;
    }

    /** Sets (or with {@code null} removes) the {@code <iothreads>} element. */
    public DiskDriverDef iothreads(Generic v) {
        iothreads = v;
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
