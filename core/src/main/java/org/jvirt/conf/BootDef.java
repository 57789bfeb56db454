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
 * {@code <boot order= loadparm=/>}: per-device boot order.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {})
public class BootDef implements DeclaredOrder {
    @XmlAttribute(name = "order") private String order;
    @XmlAttribute(name = "loadparm") private String loadparm;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();

    /** An empty element, for JAXB and builders. */
    public BootDef() {
    }

    /** The {@code order} attribute as written, or {@code null}. */
    public String order() {
        return order;
    }

    /** Sets (or with {@code null} removes) the {@code order} attribute. */
    public BootDef order(String v) {
        order = v;
        return this;
    }

    /** The {@code loadparm} attribute as written, or {@code null}. */
    public String loadparm() {
        return loadparm;
    }

    /** Sets (or with {@code null} removes) the {@code loadparm} attribute. */
    public BootDef loadparm(String v) {
        loadparm = v;
        return this;
    }

    /** Attributes the model does not know, kept verbatim (live map). */
    public Map<QName, String> otherAttributes() {
        return otherAttributes;
    }

}
