package org.jvirt.conf;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.namespace.QName;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <acpi index=/>}: the ACPI index of a PCI device.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class AcpiDef implements DeclaredOrder {
    @XmlAttribute(name = "index") private String index;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();

    /** An empty element, for JAXB and builders. */
    public AcpiDef() {
    }

    /** The {@code index} attribute as written, or {@code null}. */
    public String index() {
        return index;
    }

    /** Sets (or with {@code null} removes) the {@code index} attribute. */
    public AcpiDef index(String v) {
        index = v;
        return this;
    }

    /** Attributes the model does not know, kept verbatim (live map). */
    public Map<QName, String> otherAttributes() {
        return otherAttributes;
    }

}
