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
 * One USB redirection filter rule: {@code <usbdev class= vendor= product= version= allow=/>}.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class UsbdevRuleDef implements DeclaredOrder {
    @XmlAttribute(name = "class") private String classAttr;
    @XmlAttribute(name = "vendor") private String vendor;
    @XmlAttribute(name = "product") private String product;
    @XmlAttribute(name = "version") private String version;
    @XmlAttribute(name = "allow") private String allow;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public UsbdevRuleDef() {
    }

    /** The {@code class} attribute as written, or {@code null}. */
    public String classAttr() {
        return classAttr;
    }

    /** Sets (or with {@code null} removes) the {@code class} attribute. */
    public UsbdevRuleDef classAttr(String v) {
        classAttr = v;
        return this;
    }

    /** The {@code vendor} attribute as written, or {@code null}. */
    public String vendor() {
        return vendor;
    }

    /** Sets (or with {@code null} removes) the {@code vendor} attribute. */
    public UsbdevRuleDef vendor(String v) {
        vendor = v;
        return this;
    }

    /** The {@code product} attribute as written, or {@code null}. */
    public String product() {
        return product;
    }

    /** Sets (or with {@code null} removes) the {@code product} attribute. */
    public UsbdevRuleDef product(String v) {
        product = v;
        return this;
    }

    /** The {@code version} attribute as written, or {@code null}. */
    public String version() {
        return version;
    }

    /** Sets (or with {@code null} removes) the {@code version} attribute. */
    public UsbdevRuleDef version(String v) {
        version = v;
        return this;
    }

    /** The {@code allow} attribute as written, or {@code null}. */
    public String allow() {
        return allow;
    }

    /** Sets (or with {@code null} removes) the {@code allow} attribute. */
    public UsbdevRuleDef allow(String v) {
        allow = v;
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
