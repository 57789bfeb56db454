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
 * One link of a disk's backing chain: {@code <backingStore type= index=>} with format, source and the next link.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"format", "source", "backingStore", "extra"})
public class BackingStoreDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "index") private String index;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "format") private DiskFormatDef format;
    @XmlElement(name = "source") private DiskSourceDef source;
    @XmlElement(name = "backingStore") private BackingStoreDef backingStore;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public BackingStoreDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public BackingStoreDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code index} attribute as written, or {@code null}. */
    public String index() {
        return index;
    }

    /** Sets (or with {@code null} removes) the {@code index} attribute. */
    public BackingStoreDef index(String v) {
        index = v;
        return this;
    }

    /** The {@code <format>} element, or {@code null}. */
    public DiskFormatDef format() {
        return format;
    }

    /** Sets (or with {@code null} removes) the {@code <format>} element. */
    public BackingStoreDef format(DiskFormatDef v) {
        format = v;
        return this;
    }

    /** The {@code <source>} element, or {@code null}. */
    public DiskSourceDef source() {
        return source;
    }

    /** Sets (or with {@code null} removes) the {@code <source>} element. */
    public BackingStoreDef source(DiskSourceDef v) {
        source = v;
        return this;
    }

    /** The {@code <backingStore>} element, or {@code null}. */
    public BackingStoreDef backingStore() {
        return backingStore;
    }

    /** Sets (or with {@code null} removes) the {@code <backingStore>} element. */
    public BackingStoreDef backingStore(BackingStoreDef v) {
        backingStore = v;
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
