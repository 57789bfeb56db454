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
 * A memory device's {@code <target>}: size, node, label (nvdimm), block, requested and current (virtio-mem), readonly (nvdimm), and the address (virtio-mem base).
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"size", "node", "label", "block", "requested", "current", "readonly", "address", "extra"})
public class MemoryTargetDef implements DeclaredOrder {
    @XmlAttribute(name = "dynamicMemslots") private String dynamicMemslots;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "size") private ScaledValue size;
    @XmlElement(name = "node") private String node;
    @XmlElement(name = "label") private MemoryLabelDef label;
    @XmlElement(name = "block") private ScaledValue block;
    @XmlElement(name = "requested") private ScaledValue requested;
    @XmlElement(name = "current") private ScaledValue current;
    @XmlElement(name = "readonly") private Generic readonly;
    @XmlElement(name = "address") private Generic address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public MemoryTargetDef() {
    }

    /** The {@code dynamicMemslots} attribute as written, or {@code null}. */
    public String dynamicMemslots() {
        return dynamicMemslots;
    }

    /** Sets (or with {@code null} removes) the {@code dynamicMemslots} attribute. */
    public MemoryTargetDef dynamicMemslots(String v) {
        dynamicMemslots = v;
        return this;
    }

    /** The {@code <size>} element, or {@code null}. */
    public ScaledValue size() {
        return size;
    }

    /** Sets (or with {@code null} removes) the {@code <size>} element. */
    public MemoryTargetDef size(ScaledValue v) {
        size = v;
        return this;
    }

    /** The {@code <node>} element, or {@code null}. */
    public String node() {
        return node;
    }

    /** Sets (or with {@code null} removes) the {@code <node>} element. */
    public MemoryTargetDef node(String v) {
        node = v;
        return this;
    }

    /** The {@code <label>} element, or {@code null}. */
    public MemoryLabelDef label() {
        return label;
    }

    /** Sets (or with {@code null} removes) the {@code <label>} element. */
    public MemoryTargetDef label(MemoryLabelDef v) {
        label = v;
        return this;
    }

    /** The {@code <block>} element, or {@code null}. */
    public ScaledValue block() {
        return block;
    }

    /** Sets (or with {@code null} removes) the {@code <block>} element. */
    public MemoryTargetDef block(ScaledValue v) {
        block = v;
        return this;
    }

    /** The {@code <requested>} element, or {@code null}. */
    public ScaledValue requested() {
        return requested;
    }

    /** Sets (or with {@code null} removes) the {@code <requested>} element. */
    public MemoryTargetDef requested(ScaledValue v) {
        requested = v;
        return this;
    }

    /** The {@code <current>} element, or {@code null}. */
    public ScaledValue current() {
        return current;
    }

    /** Sets (or with {@code null} removes) the {@code <current>} element. */
    public MemoryTargetDef current(ScaledValue v) {
        current = v;
        return this;
    }

    /** The {@code <readonly>} element, or {@code null}. */
    public Generic readonly() {
        return readonly;
    }

    /** Sets (or with {@code null} removes) the {@code <readonly>} element. */
    public MemoryTargetDef readonly(Generic v) {
        readonly = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public Generic address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public MemoryTargetDef address(Generic v) {
        address = v;
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
