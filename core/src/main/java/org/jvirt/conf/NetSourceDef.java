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
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * An interface's {@code <source>} for every type: network (network, portgroup, portid, bridge), bridge, direct (dev, mode), udp/mcast/server/client (address, port, local), vhostuser (type, path, mode, reconnect), hostdev (PCI/USB address), user (dev), vdpa (dev), null/vds (switchid, portid, connectionid).
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"addressElement", "local", "reconnect", "extra"})
public class NetSourceDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "network") private String network;
    @XmlAttribute(name = "portgroup") private String portgroup;
    @XmlAttribute(name = "portid") private String portid;
    @XmlAttribute(name = "bridge") private String bridge;
    @XmlAttribute(name = "dev") private String dev;
    @XmlAttribute(name = "switchid") private String switchid;
    @XmlAttribute(name = "connectionid") private String connectionid;
    @XmlAttribute(name = "path") private String path;
    @XmlAttribute(name = "mode") private String mode;
    @XmlAttribute(name = "address") private String address;
    @XmlAttribute(name = "port") private String port;
    @XmlAttribute(name = "managed") private String managed;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "address") private DeviceAddress addressElement;
    @XmlElement(name = "local") private Generic local;
    @XmlElement(name = "reconnect") private Generic reconnect;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public NetSourceDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public NetSourceDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code network} attribute as written, or {@code null}. */
    public String network() {
        return network;
    }

    /** Sets (or with {@code null} removes) the {@code network} attribute. */
    public NetSourceDef network(String v) {
        network = v;
        return this;
    }

    /** The {@code portgroup} attribute as written, or {@code null}. */
    public String portgroup() {
        return portgroup;
    }

    /** Sets (or with {@code null} removes) the {@code portgroup} attribute. */
    public NetSourceDef portgroup(String v) {
        portgroup = v;
        return this;
    }

    /** The {@code portid} attribute as written, or {@code null}. */
    public String portid() {
        return portid;
    }

    /** Sets (or with {@code null} removes) the {@code portid} attribute. */
    public NetSourceDef portid(String v) {
        portid = v;
        return this;
    }

    /** The {@code bridge} attribute as written, or {@code null}. */
    public String bridge() {
        return bridge;
    }

    /** Sets (or with {@code null} removes) the {@code bridge} attribute. */
    public NetSourceDef bridge(String v) {
        bridge = v;
        return this;
    }

    /** The {@code dev} attribute as written, or {@code null}. */
    public String dev() {
        return dev;
    }

    /** Sets (or with {@code null} removes) the {@code dev} attribute. */
    public NetSourceDef dev(String v) {
        dev = v;
        return this;
    }

    /** The {@code switchid} attribute as written, or {@code null}. */
    public String switchid() {
        return switchid;
    }

    /** Sets (or with {@code null} removes) the {@code switchid} attribute. */
    public NetSourceDef switchid(String v) {
        switchid = v;
        return this;
    }

    /** The {@code connectionid} attribute as written, or {@code null}. */
    public String connectionid() {
        return connectionid;
    }

    /** Sets (or with {@code null} removes) the {@code connectionid} attribute. */
    public NetSourceDef connectionid(String v) {
        connectionid = v;
        return this;
    }

    /** The {@code path} attribute as written, or {@code null}. */
    public String path() {
        return path;
    }

    /** Sets (or with {@code null} removes) the {@code path} attribute. */
    public NetSourceDef path(String v) {
        path = v;
        return this;
    }

    /** The {@code mode} attribute as written, or {@code null}. */
    public String mode() {
        return mode;
    }

    /** Sets (or with {@code null} removes) the {@code mode} attribute. */
    public NetSourceDef mode(String v) {
        mode = v;
        return this;
    }

    /** The {@code address} attribute as written, or {@code null}. */
    public String address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code address} attribute. */
    public NetSourceDef address(String v) {
        address = v;
        return this;
    }

    /** The {@code port} attribute as written, or {@code null}. */
    public String port() {
        return port;
    }

    /** Sets (or with {@code null} removes) the {@code port} attribute. */
    public NetSourceDef port(String v) {
        port = v;
        return this;
    }

    /** The {@code managed} attribute as written, or {@code null}. */
    public String managed() {
        return managed;
    }

    /** Sets (or with {@code null} removes) the {@code managed} attribute. */
    public NetSourceDef managed(String v) {
        managed = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress addressElement() {
        return addressElement;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public NetSourceDef addressElement(DeviceAddress v) {
        addressElement = v;
        return this;
    }

    /** The {@code <local>} element, or {@code null}. */
    public Generic local() {
        return local;
    }

    /** Sets (or with {@code null} removes) the {@code <local>} element. */
    public NetSourceDef local(Generic v) {
        local = v;
        return this;
    }

    /** The {@code <reconnect>} element, or {@code null}. */
    public Generic reconnect() {
        return reconnect;
    }

    /** Sets (or with {@code null} removes) the {@code <reconnect>} element. */
    public NetSourceDef reconnect(Generic v) {
        reconnect = v;
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
