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
 * {@code <rom bar= file= enabled=/>}: a PCI device's option ROM.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class RomDef implements DeclaredOrder {
    @XmlAttribute(name = "enabled") private String enabled;
    @XmlAttribute(name = "bar") private String bar;
    @XmlAttribute(name = "file") private String file;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public RomDef() {
    }

    /** The {@code enabled} attribute as written, or {@code null}. */
    public String enabled() {
        return enabled;
    }

    /** Sets (or with {@code null} removes) the {@code enabled} attribute. */
    public RomDef enabled(String v) {
        enabled = v;
        return this;
    }

    /** The {@code bar} attribute as written, or {@code null}. */
    public String bar() {
        return bar;
    }

    /** Sets (or with {@code null} removes) the {@code bar} attribute. */
    public RomDef bar(String v) {
        bar = v;
        return this;
    }

    /** The {@code file} attribute as written, or {@code null}. */
    public String file() {
        return file;
    }

    /** Sets (or with {@code null} removes) the {@code file} attribute. */
    public RomDef file(String v) {
        file = v;
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
