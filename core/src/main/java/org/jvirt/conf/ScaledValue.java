package org.jvirt.conf;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.namespace.QName;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * A scaled size element ({@code <size unit='KiB'>N</size>}) as written; memory devices keep KiB after parsing.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class ScaledValue implements DeclaredOrder {
    @XmlAttribute(name = "unit") private String unit;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlValue private String value;

    /** An empty element, for JAXB and builders. */
    public ScaledValue() {
    }

    /** The {@code unit} attribute as written, or {@code null}. */
    public String unit() {
        return unit;
    }

    /** Sets (or with {@code null} removes) the {@code unit} attribute. */
    public ScaledValue unit(String v) {
        unit = v;
        return this;
    }

    /** The text content as written, or {@code null}. */
    public String value() {
        return value;
    }

    /** Sets the text content. */
    public ScaledValue value(String v) {
        value = v;
        return this;
    }

    /** Attributes the model does not know, kept verbatim (live map). */
    public Map<QName, String> otherAttributes() {
        return otherAttributes;
    }

}
