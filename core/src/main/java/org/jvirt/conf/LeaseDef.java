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
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A {@code <lease>}: lockspace, key, target path/offset.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"lockspace", "key", "target", "extra"})
public class LeaseDef implements DeclaredOrder {
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "lockspace") private String lockspace;
    @XmlElement(name = "key") private String key;
    @XmlElement(name = "target") private Generic target;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public LeaseDef() {
    }

    /** The {@code <lockspace>} element, or {@code null}. */
    public String lockspace() {
        return lockspace;
    }

    /** Sets (or with {@code null} removes) the {@code <lockspace>} element. */
    public LeaseDef lockspace(String v) {
        lockspace = v;
        return this;
    }

    /** The {@code <key>} element, or {@code null}. */
    public String key() {
        return key;
    }

    /** Sets (or with {@code null} removes) the {@code <key>} element. */
    public LeaseDef key(String v) {
        key = v;
        return this;
    }

    /** The {@code <target>} element, or {@code null}. */
    public Generic target() {
        return target;
    }

    /** Sets (or with {@code null} removes) the {@code <target>} element. */
    public LeaseDef target(Generic v) {
        target = v;
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
