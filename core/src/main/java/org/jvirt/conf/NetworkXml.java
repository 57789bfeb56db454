package org.jvirt.conf;

import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** Parse and format network XML as libvirt (bridge {@code stp='on' delay='0'} defaults). */
public final class NetworkXml {
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

    /** Formats network XML. */
    public static String format(NetworkDef n) {
        return XmlFormat.format(n, NetworkDef.class, "network", Set.of(), true, 0);
    }
}
