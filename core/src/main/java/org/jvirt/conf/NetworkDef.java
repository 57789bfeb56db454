package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** libvirt's network XML ({@code <network>}); see {@link NetworkXml}. */
@XmlRootElement(name = "network")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "uuid", "metadata", "forward", "port", "bridge", "mtu", "mac", "domain", "dns",
    "ip", "route", "extra"})
public class NetworkDef {
    @XmlAttribute private String connections;
    @XmlAttribute private String ipv6;
    private String name;
    private String uuid;
    private Generic metadata;
    private Generic forward;
    private Generic port;
    private Generic bridge;
    private Generic mtu;
    private Generic mac;
    private Generic domain;
    private Generic dns;
    private List<Generic> ip = new ArrayList<>();
    private List<Generic> route = new ArrayList<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** The name. */
    public String name() {
        return name;
    }

    /** The UUID. */
    public UUID uuid() {
        return UUID.fromString(uuid);
    }

    /** The bridge name, if any. */
    public String bridgeName() {
        return bridge == null ? null : bridge.attr("name");
    }

    /** The forward mode, if any. */
    public String forwardMode() {
        return forward == null ? null : forward.attr("mode");
    }

    String rawUuid() {
        return uuid;
    }

    void rawUuid(String u) {
        uuid = u;
    }

    Generic bridge() {
        return bridge;
    }

    void bridge(Generic b) {
        bridge = b;
    }

    Generic forward() {
        return forward;
    }
}
