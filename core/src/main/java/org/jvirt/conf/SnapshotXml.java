package org.jvirt.conf;

import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** Parse and format domain snapshot XML as libvirt. */
public final class SnapshotXml {
    private static final Set<String> NEVER_SELF_CLOSE = Set.of("/domainsnapshot/domain/devices",
            "/domainsnapshot/inactiveDomain/devices");
    private static final Set<String> DISK_MODES = Set.of("no", "internal", "external", "manual");
    private static final Set<String> STATES = Set.of("nostate", "running", "blocked", "paused", "shutdown",
            "shutoff", "crashed", "pmsuspended", "disk-snapshot");

    private static final java.util.Map<String, java.util.Map<String, Integer>> ORDERS = java.util.Map.of(
            "/domainsnapshot/disks/disk", CanonicalXmlWriter.order("name", "snapshot", "type"),
            "/domainsnapshot/memory", CanonicalXmlWriter.order("snapshot", "file"));

    private SnapshotXml() {
    }

    /**
     * Parses snapshot XML. A nested {@code <domain>} is parsed and validated as domain XML.
     *
     * @param xml the document ({@code <domainsnapshot/>} alone is valid)
     * @return the definition; name, state, parent and creation time as given (the driver fills them)
     */
    public static SnapshotDef parse(String xml) {
        SnapshotDef s = SafeXml.unmarshal(xml, SnapshotDef.class, "domainsnapshot", "domainsnapshot",
                ErrorDomain.DOMAIN_SNAPSHOT);
        if (s.state() != null && !STATES.contains(s.state().trim())) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "Invalid state '" + s.state() + "' in domain snapshot XML");
        }
        if (s.name() != null && s.name().indexOf('/') >= 0) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "name " + s.name() + " cannot contain '/'");
        }
        for (SnapshotDef.Disk d : s.disks()) {
            if (d.name() == null || d.name().isBlank()) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT, "missing name from disk snapshot element");
            }
            if (d.snapshot() != null && !DISK_MODES.contains(d.snapshot())) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                        "unknown disk snapshot setting '" + d.snapshot() + "'");
            }
        }
        if (s.inactiveDomain() != null) {
            s.inactiveDomain(DomainXml.reparse(s.inactiveDomain()));
        }
        if (s.domain() != null) {
            s.domain(DomainXml.reparse(s.domain()));
        }
        return s;
    }

    /** Formats snapshot XML; {@code secure} keeps passwords of the nested domain. */
    public static String format(SnapshotDef s, boolean secure) {
        return XmlFormat.format(s, SnapshotDef.class, "domainsnapshot", NEVER_SELF_CLOSE, secure, ORDERS);
    }
}
