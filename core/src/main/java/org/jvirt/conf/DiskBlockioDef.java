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
 * {@code <blockio logical_block_size= physical_block_size= discard_granularity=/>}.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class DiskBlockioDef implements DeclaredOrder {
    @XmlAttribute(name = "logical_block_size") private String logicalBlockSize;
    @XmlAttribute(name = "physical_block_size") private String physicalBlockSize;
    @XmlAttribute(name = "discard_granularity") private String discardGranularity;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DiskBlockioDef() {
    }

    /** The {@code logical_block_size} attribute as written, or {@code null}. */
    public String logicalBlockSize() {
        return logicalBlockSize;
    }

    /** Sets (or with {@code null} removes) the {@code logical_block_size} attribute. */
    public DiskBlockioDef logicalBlockSize(String v) {
        logicalBlockSize = v;
        return this;
    }

    /** The {@code physical_block_size} attribute as written, or {@code null}. */
    public String physicalBlockSize() {
        return physicalBlockSize;
    }

    /** Sets (or with {@code null} removes) the {@code physical_block_size} attribute. */
    public DiskBlockioDef physicalBlockSize(String v) {
        physicalBlockSize = v;
        return this;
    }

    /** The {@code discard_granularity} attribute as written, or {@code null}. */
    public String discardGranularity() {
        return discardGranularity;
    }

    /** Sets (or with {@code null} removes) the {@code discard_granularity} attribute. */
    public DiskBlockioDef discardGranularity(String v) {
        discardGranularity = v;
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
