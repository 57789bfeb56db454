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
 * A block job's {@code <mirror>} (destination of a copy or active commit).
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"formatElement", "source", "backingStore", "extra"})
public class DiskMirrorDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "file") private String file;
    @XmlAttribute(name = "format") private String format;
    @XmlAttribute(name = "job") private String job;
    @XmlAttribute(name = "ready") private String ready;
    @XmlAttribute(name = "shallow") private String shallow;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "format") private DiskFormatDef formatElement;
    @XmlElement(name = "source") private DiskSourceDef source;
    @XmlElement(name = "backingStore") private BackingStoreDef backingStore;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DiskMirrorDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public DiskMirrorDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code file} attribute as written, or {@code null}. */
    public String file() {
        return file;
    }

    /** Sets (or with {@code null} removes) the {@code file} attribute. */
    public DiskMirrorDef file(String v) {
        file = v;
        return this;
    }

    /** The {@code format} attribute as written, or {@code null}. */
    public String format() {
        return format;
    }

    /** Sets (or with {@code null} removes) the {@code format} attribute. */
    public DiskMirrorDef format(String v) {
        format = v;
        return this;
    }

    /** The {@code job} attribute as written, or {@code null}. */
    public String job() {
        return job;
    }

    /** Sets (or with {@code null} removes) the {@code job} attribute. */
    public DiskMirrorDef job(String v) {
        job = v;
        return this;
    }

    /** The {@code ready} attribute as written, or {@code null}. */
    public String ready() {
        return ready;
    }

    /** Sets (or with {@code null} removes) the {@code ready} attribute. */
    public DiskMirrorDef ready(String v) {
        ready = v;
        return this;
    }

    /** The {@code shallow} attribute as written, or {@code null}. */
    public String shallow() {
        return shallow;
    }

    /** Sets (or with {@code null} removes) the {@code shallow} attribute. */
    public DiskMirrorDef shallow(String v) {
        shallow = v;
        return this;
    }

    /** The {@code <format>} element, or {@code null}. */
    public DiskFormatDef formatElement() {
        return formatElement;
    }

    /** Sets (or with {@code null} removes) the {@code <format>} element. */
    public DiskMirrorDef formatElement(DiskFormatDef v) {
        formatElement = v;
        return this;
    }

    /** The {@code <source>} element, or {@code null}. */
    public DiskSourceDef source() {
        return source;
    }

    /** Sets (or with {@code null} removes) the {@code <source>} element. */
    public DiskMirrorDef source(DiskSourceDef v) {
        source = v;
        return this;
    }

    /** The {@code <backingStore>} element, or {@code null}. */
    public BackingStoreDef backingStore() {
        return backingStore;
    }

    /** Sets (or with {@code null} removes) the {@code <backingStore>} element. */
    public DiskMirrorDef backingStore(BackingStoreDef v) {
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
