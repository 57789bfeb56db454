package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Parse and format network XML as libvirt's {@code network_conf.c}: forward mode {@code nat} by default,
 * a forward {@code dev} becomes its first {@code <interface>} (and is written back from it), bridge
 * {@code stp='on' delay='0'} for the modes that own their bridge, MAC addresses in lower case,
 * {@code ipv6} written only when {@code yes}, {@code <ip>} and {@code <dhcp>} written open-and-close,
 * libvirt's attribute order, the dnsmasq namespace declared on the root.
 */
public final class NetworkXml {
    /** libvirt's namespace for dnsmasq options. */
    public static final String DNSMASQ_NS = "http://libvirt.org/schemas/network/dnsmasq/1.0";
    private static final Set<String> FORWARD_MODES = Set.of("nat", "route", "open", "bridge", "private", "vepa",
            "passthrough", "hostdev");
    private static final Set<String> NEVER_SELF_CLOSE = Set.of("/network/ip", "/network/ip/dhcp");
    private static final Map<String, Map<String, Integer>> ORDERS = Map.ofEntries(
            Map.entry("network", CanonicalXmlWriter.order("connections", "ipv6", "trustGuestRxFilters")),
            Map.entry("forward", CanonicalXmlWriter.order("dev", "mode", "managed")),
            Map.entry("interface", CanonicalXmlWriter.order("dev", "connections")),
            Map.entry("pf", CanonicalXmlWriter.order("dev")),
            Map.entry("address", CanonicalXmlWriter.order("type", "domain", "bus", "slot", "function", "start", "end")),
            Map.entry("port", CanonicalXmlWriter.order("isolated", "start", "end")),
            Map.entry("bridge", CanonicalXmlWriter.order("name", "zone", "stp", "delay", "macTableManager")),
            Map.entry("ip", CanonicalXmlWriter.order("family", "address", "netmask", "prefix", "localPtr")),
            Map.entry("range", CanonicalXmlWriter.order("start", "end")),
            Map.entry("host", CanonicalXmlWriter.order("mac", "id", "name", "ip")),
            Map.entry("lease", CanonicalXmlWriter.order("expiry", "unit")),
            Map.entry("bootp", CanonicalXmlWriter.order("file", "server")),
            Map.entry("dns", CanonicalXmlWriter.order("enable", "forwardPlainNames")),
            Map.entry("forwarder", CanonicalXmlWriter.order("domain", "addr")),
            Map.entry("txt", CanonicalXmlWriter.order("name", "value")),
            Map.entry("srv", CanonicalXmlWriter.order("service", "protocol", "domain", "target", "port", "priority",
                    "weight")),
            Map.entry("route", CanonicalXmlWriter.order("family", "address", "netmask", "prefix", "gateway", "metric")),
            Map.entry("portgroup", CanonicalXmlWriter.order("name", "default", "trustGuestRxFilters")),
            Map.entry("tag", CanonicalXmlWriter.order("id", "nativeMode")),
            Map.entry("parameters", CanonicalXmlWriter.order("managerid", "typeid", "typeidversion", "instanceid",
                    "interfaceid", "profileid")),
            Map.entry("domain", CanonicalXmlWriter.order("name", "localOnly", "register")),
            Map.entry("inbound", CanonicalXmlWriter.order("average", "peak", "burst", "floor")),
            Map.entry("outbound", CanonicalXmlWriter.order("average", "peak", "burst", "floor")));

    private NetworkXml() {
    }

    /** Parses network XML, generating a UUID when absent. */
    public static NetworkDef parse(String xml) {
        NetworkDef n = SafeXml.unmarshal(xml, NetworkDef.class, "network", "network_definition", ErrorDomain.NETWORK);
        postParse(n);
        return n;
    }

    static void postParse(NetworkDef n) {
        if (n.name() == null || n.name().isBlank()) {
            throw VirtException.of(ErrorCode.NO_NAME, ErrorDomain.NETWORK, null);
        }
        if (n.name().indexOf('/') >= 0) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                    "name " + n.name() + " cannot contain '/'");
        }
        n.rawUuid(DomainXml.parseUuid(n.rawUuid(), ErrorDomain.NETWORK));
        if (!"yes".equals(n.ipv6Raw())) {
            n.ipv6(null);
        }
        if (n.mac() != null && n.mac().attr("address") != null) {
            n.mac().attr("address", n.mac().attr("address").toLowerCase(Locale.ROOT));
        }
        Generic fwd = n.forward();
        if (fwd != null) {
            forward(n, fwd);
        }
        String mode = n.forwardMode();
        if (mode == null || mode.equals("nat") || mode.equals("route") || mode.equals("open")) {
            Generic b = n.bridge() == null ? new Generic() : n.bridge();
            if (b.attr("stp") == null) {
                b.attr("stp", "on");
            }
            if (b.attr("delay") == null) {
                b.attr("delay", "0");
            }
            n.bridge(b);
        }
    }

    private static void forward(NetworkDef n, Generic fwd) {
        String mode = fwd.attr("mode");
        if (mode == null) {
            mode = "nat";
            fwd.attr("mode", mode);
        }
        if (!FORWARD_MODES.contains(mode)) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                    "unknown forwarding type '" + mode + "'");
        }
        List<Element> ifs = children(fwd, "interface");
        List<Element> pfs = children(fwd, "pf");
        List<Element> addrs = children(fwd, "address");
        String dev = fwd.attr("dev");
        if (pfs.size() > 1) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                    "Only one <pf> element is allowed in <forward> of network " + n.name());
        }
        if (mode.equals("open") && (dev != null || !ifs.isEmpty() || !pfs.isEmpty() || !addrs.isEmpty())) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                    "forward dev not allowed for network '" + n.name() + "' with forward mode='open'");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (Element e : ifs) {
            if (!seen.add(e.getAttribute("dev"))) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                        "forward interface dev '" + e.getAttribute("dev") + "' is used more than once in network '"
                                + n.name() + "'");
            }
        }
        if (dev != null && !ifs.isEmpty() && !dev.equals(ifs.get(0).getAttribute("dev"))) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.NETWORK,
                    "forward dev '" + dev + "' must match first interface element dev value '"
                            + ifs.get(0).getAttribute("dev") + "' in network '" + n.name() + "'");
        }
        if (dev != null && ifs.isEmpty() && pfs.isEmpty()) {
            fwd.addChild("interface", "dev", dev);
            ifs = children(fwd, "interface");
        }
        String first = pfs.isEmpty() && !ifs.isEmpty() ? ifs.get(0).getAttribute("dev") : null;
        fwd.attr("dev", first == null || first.isEmpty() ? null : first);
    }

    private static List<Element> children(Generic g, String name) {
        List<Element> out = new ArrayList<>();
        for (Object o : g.content()) {
            if (o instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Formats network XML (live: with the connection count when set). */
    public static String format(NetworkDef n) {
        return format(n, false);
    }

    /** Formats network XML, as inactive config ({@code VIR_NETWORK_XML_INACTIVE}) or live. */
    public static String format(NetworkDef n, boolean inactive) {
        String saved = n.connections();
        if (inactive && saved != null) {
            n.connections(null);
        }
        try {
            String out = XmlFormat.format(n, NetworkDef.class, "network", NEVER_SELF_CLOSE, true, ORDERS);
            for (Element e : n.extra()) {
                if (DNSMASQ_NS.equals(e.getNamespaceURI())) {
                    int end = out.indexOf('>');
                    int at = out.charAt(end - 1) == '/' ? end - 1 : end;
                    String prefix = e.getPrefix() == null ? "dnsmasq" : e.getPrefix();
                    out = out.substring(0, at) + " xmlns:" + prefix + "='" + DNSMASQ_NS + "'" + out.substring(at);
                    break;
                }
            }
            return out;
        } finally {
            n.connections(saved);
        }
    }
}
