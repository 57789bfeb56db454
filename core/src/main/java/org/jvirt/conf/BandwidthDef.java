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
 * An interface's {@code <bandwidth>} with inbound and outbound limits.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"inbound", "outbound", "extra"})
public class BandwidthDef implements DeclaredOrder {
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "inbound") private BandwidthRateDef inbound;
    @XmlElement(name = "outbound") private BandwidthRateDef outbound;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public BandwidthDef() {
    }

    /** The {@code <inbound>} element, or {@code null}. */
    public BandwidthRateDef inbound() {
        return inbound;
    }

    /** Sets (or with {@code null} removes) the {@code <inbound>} element. */
    public BandwidthDef inbound(BandwidthRateDef v) {
        inbound = v;
        return this;
    }

    /** The {@code <outbound>} element, or {@code null}. */
    public BandwidthRateDef outbound() {
        return outbound;
    }

    /** Sets (or with {@code null} removes) the {@code <outbound>} element. */
    public BandwidthDef outbound(BandwidthRateDef v) {
        outbound = v;
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
