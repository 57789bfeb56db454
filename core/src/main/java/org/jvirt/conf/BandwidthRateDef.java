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
 * A bandwidth limit: {@code <inbound|outbound average= peak= burst= floor=/>}.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class BandwidthRateDef implements DeclaredOrder {
    @XmlAttribute(name = "average") private String average;
    @XmlAttribute(name = "peak") private String peak;
    @XmlAttribute(name = "burst") private String burst;
    @XmlAttribute(name = "floor") private String floor;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public BandwidthRateDef() {
    }

    /** The {@code average} attribute as written, or {@code null}. */
    public String average() {
        return average;
    }

    /** Sets (or with {@code null} removes) the {@code average} attribute. */
    public BandwidthRateDef average(String v) {
        average = v;
        return this;
    }

    /** The {@code peak} attribute as written, or {@code null}. */
    public String peak() {
        return peak;
    }

    /** Sets (or with {@code null} removes) the {@code peak} attribute. */
    public BandwidthRateDef peak(String v) {
        peak = v;
        return this;
    }

    /** The {@code burst} attribute as written, or {@code null}. */
    public String burst() {
        return burst;
    }

    /** Sets (or with {@code null} removes) the {@code burst} attribute. */
    public BandwidthRateDef burst(String v) {
        burst = v;
        return this;
    }

    /** The {@code floor} attribute as written, or {@code null}. */
    public String floor() {
        return floor;
    }

    /** Sets (or with {@code null} removes) the {@code floor} attribute. */
    public BandwidthRateDef floor(String v) {
        floor = v;
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
