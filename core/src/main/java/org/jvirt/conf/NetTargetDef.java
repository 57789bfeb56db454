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
 * {@code <target dev= managed=/>} of an interface.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class NetTargetDef implements DeclaredOrder {
    @XmlAttribute(name = "dev") private String dev;
    @XmlAttribute(name = "managed") private String managed;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public NetTargetDef() {
    }

    /** The {@code dev} attribute as written, or {@code null}. */
    public String dev() {
        return dev;
    }

    /** Sets (or with {@code null} removes) the {@code dev} attribute. */
    public NetTargetDef dev(String v) {
        dev = v;
        return this;
    }

    /** The {@code managed} attribute as written, or {@code null}. */
    public String managed() {
        return managed;
    }

    /** Sets (or with {@code null} removes) the {@code managed} attribute. */
    public NetTargetDef managed(String v) {
        managed = v;
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
