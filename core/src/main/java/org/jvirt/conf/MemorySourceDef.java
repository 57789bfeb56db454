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
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A memory device's {@code <source>}: nodemask and pagesize (dimm, virtio-mem), path, alignsize and pmem (nvdimm, virtio-pmem).
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"nodemask", "pagesize", "path", "alignsize", "pmem", "extra"})
public class MemorySourceDef implements DeclaredOrder {
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "nodemask") private String nodemask;
    @XmlElement(name = "pagesize") private ScaledValue pagesize;
    @XmlElement(name = "path") private String path;
    @XmlElement(name = "alignsize") private ScaledValue alignsize;
    @XmlElement(name = "pmem") private Generic pmem;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public MemorySourceDef() {
    }

    /** The {@code <nodemask>} element, or {@code null}. */
    public String nodemask() {
        return nodemask;
    }

    /** Sets (or with {@code null} removes) the {@code <nodemask>} element. */
    public MemorySourceDef nodemask(String v) {
        nodemask = v;
        return this;
    }

    /** The {@code <pagesize>} element, or {@code null}. */
    public ScaledValue pagesize() {
        return pagesize;
    }

    /** Sets (or with {@code null} removes) the {@code <pagesize>} element. */
    public MemorySourceDef pagesize(ScaledValue v) {
        pagesize = v;
        return this;
    }

    /** The {@code <path>} element, or {@code null}. */
    public String path() {
        return path;
    }

    /** Sets (or with {@code null} removes) the {@code <path>} element. */
    public MemorySourceDef path(String v) {
        path = v;
        return this;
    }

    /** The {@code <alignsize>} element, or {@code null}. */
    public ScaledValue alignsize() {
        return alignsize;
    }

    /** Sets (or with {@code null} removes) the {@code <alignsize>} element. */
    public MemorySourceDef alignsize(ScaledValue v) {
        alignsize = v;
        return this;
    }

    /** The {@code <pmem>} element, or {@code null}. */
    public Generic pmem() {
        return pmem;
    }

    /** Sets (or with {@code null} removes) the {@code <pmem>} element. */
    public MemorySourceDef pmem(Generic v) {
        pmem = v;
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
