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
@XmlType(propOrder = {"name", "uuid", "title", "description", "metadata", "forward", "bridge", "port", "mtu", "mac",
    "domain", "dns", "vlan", "bandwidth", "ip", "route", "virtualport", "portgroup", "extra"})
public class NetworkDef {
    @XmlAttribute private String connections;
    @XmlAttribute private String ipv6;
    @XmlAttribute private String trustGuestRxFilters;
    private String name;
    private String uuid;
    private String title;
    private String description;
    private Generic metadata;
    private Generic forward;
    private Generic bridge;
    private Generic port;
    private Generic mtu;
    private Generic mac;
    private Generic domain;
    private Generic dns;
    private Generic vlan;
    private Generic bandwidth;
    private List<Generic> ip = new ArrayList<>();
    private List<Generic> route = new ArrayList<>();
    private Generic virtualport;
    private List<Generic> portgroup = new ArrayList<>();
    /** Elements of other namespaces (dnsmasq options) and unknown ones. */
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

    /** Whether IPv6 between guests is allowed without an IPv6 address ({@code ipv6='yes'}). */
    public boolean ipv6() {
        return "yes".equals(ipv6);
    }

    String ipv6Raw() {
        return ipv6;
    }

    void ipv6(String v) {
        ipv6 = v;
    }

    /** The number of connections (live XML only), or {@code null}. */
    public String connections() {
        return connections;
    }

    /** Sets the live connection count ({@code null} to omit). */
    public void connections(String c) {
        connections = c;
    }

    /** The MAC address of the bridge, or {@code null}. */
    public String macAddress() {
        return mac == null ? null : mac.attr("address");
    }

    Generic mac() {
        return mac;
    }

    /** The {@code <ip>} elements, in order. */
    public List<Generic> ips() {
        return ip;
    }

    /** The {@code <route>} elements, in order. */
    public List<Generic> routes() {
        return route;
    }

    /** The {@code <portgroup>} elements, in order. */
    public List<Generic> portgroups() {
        return portgroup;
    }

    /** Foreign-namespace (dnsmasq) and unknown elements. */
    public List<Element> extra() {
        return extra;
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
