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
 * {@code <parameters>} of a virtual port (802.1Qbg, 802.1Qbh, openvswitch, midonet).
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class VirtualPortParamsDef implements DeclaredOrder {
    @XmlAttribute(name = "managerid") private String managerid;
    @XmlAttribute(name = "typeid") private String typeid;
    @XmlAttribute(name = "typeidversion") private String typeidversion;
    @XmlAttribute(name = "instanceid") private String instanceid;
    @XmlAttribute(name = "interfaceid") private String interfaceid;
    @XmlAttribute(name = "profileid") private String profileid;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public VirtualPortParamsDef() {
    }

    /** The {@code managerid} attribute as written, or {@code null}. */
    public String managerid() {
        return managerid;
    }

    /** Sets (or with {@code null} removes) the {@code managerid} attribute. */
    public VirtualPortParamsDef managerid(String v) {
        managerid = v;
        return this;
    }

    /** The {@code typeid} attribute as written, or {@code null}. */
    public String typeid() {
        return typeid;
    }

    /** Sets (or with {@code null} removes) the {@code typeid} attribute. */
    public VirtualPortParamsDef typeid(String v) {
        typeid = v;
        return this;
    }

    /** The {@code typeidversion} attribute as written, or {@code null}. */
    public String typeidversion() {
        return typeidversion;
    }

    /** Sets (or with {@code null} removes) the {@code typeidversion} attribute. */
    public VirtualPortParamsDef typeidversion(String v) {
        typeidversion = v;
        return this;
    }

    /** The {@code instanceid} attribute as written, or {@code null}. */
    public String instanceid() {
        return instanceid;
    }

    /** Sets (or with {@code null} removes) the {@code instanceid} attribute. */
    public VirtualPortParamsDef instanceid(String v) {
        instanceid = v;
        return this;
    }

    /** The {@code interfaceid} attribute as written, or {@code null}. */
    public String interfaceid() {
        return interfaceid;
    }

    /** Sets (or with {@code null} removes) the {@code interfaceid} attribute. */
    public VirtualPortParamsDef interfaceid(String v) {
        interfaceid = v;
        return this;
    }

    /** The {@code profileid} attribute as written, or {@code null}. */
    public String profileid() {
        return profileid;
    }

    /** Sets (or with {@code null} removes) the {@code profileid} attribute. */
    public VirtualPortParamsDef profileid(String v) {
        profileid = v;
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
