package org.jvirt.conf;

import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorDomain;

/**
 * Parse and format capabilities XML as libvirt's {@code virCapabilitiesFormatXML}: libvirt's element
 * and attribute order, {@code <doi>} written open-and-close even when empty, and the blank lines
 * libvirt puts around {@code <host>} and each {@code <guest>}.
 */
public final class CapabilitiesXml {
    private static final Set<String> NEVER_SELF_CLOSE = Set.of();
    private static final Map<String, Map<String, Integer>> ORDERS = Map.ofEntries(
            Map.entry("pages", CanonicalXmlWriter.order("unit", "size")),
            Map.entry("memory", CanonicalXmlWriter.order("unit")),
            Map.entry("cpu", CanonicalXmlWriter.order("id", "socket_id", "die_id", "core_id", "siblings")),
            Map.entry("machine", CanonicalXmlWriter.order("maxCpus", "deprecated", "canonical")),
            Map.entry("counter", CanonicalXmlWriter.order("name", "frequency", "scaling")),
            Map.entry("topology", CanonicalXmlWriter.order("sockets", "dies", "cores", "threads")),
            Map.entry("sibling", CanonicalXmlWriter.order("id", "value")),
            Map.entry("bank", CanonicalXmlWriter.order("id", "level", "type", "size", "unit", "cpus")));

    private CapabilitiesXml() {
    }

    /** Parses capabilities XML. */
    public static CapabilitiesDef parse(String xml) {
        return SafeXml.unmarshal(xml, CapabilitiesDef.class, "capabilities", "capabilities", ErrorDomain.CAPABILITIES);
    }

    /** Formats capabilities XML as libvirt does. */
    public static String format(CapabilitiesDef caps) {
        String out = XmlFormat.format(caps, CapabilitiesDef.class, "capabilities", NEVER_SELF_CLOSE, true, ORDERS);
        StringBuilder b = new StringBuilder(out.length() + 64);
        String[] lines = out.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (i == 1 && !l.isEmpty()) {
                b.append('\n');
            }
            if (l.equals("</capabilities>") && i > 0) {
                b.append('\n');
            }
            b.append(l.endsWith("<doi/>") ? l.substring(0, l.length() - 6) + "<doi></doi>" : l).append('\n');
            if (l.equals("  </host>") || l.equals("  </guest>") || l.equals("  <host/>")) {
                if (i + 1 < lines.length && !lines[i + 1].equals("</capabilities>")) {
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }
}
