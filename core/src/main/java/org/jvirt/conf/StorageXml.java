package org.jvirt.conf;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Parse and format storage pool and volume XML as libvirt's {@code storage_conf.c}: sizes reset on
 * pools and in bytes on volumes, per-type defaults (source format, logical/zfs source name and target
 * path, volume type and format from the pool), sanitized target paths, permissions as libvirt writes
 * them, libvirt's attribute order, foreign namespaces declared on the root.
 */
public final class StorageXml {
    private static final Set<String> POOL_TYPES = Set.of("dir", "fs", "netfs", "logical", "disk", "iscsi",
            "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage");
    /** Pool types libvirt formats without a {@code <target>}. */
    private static final Set<String> NO_TARGET = Set.of("rbd", "sheepdog", "gluster", "iscsi-direct");
    /** Pool types whose source has a name (libvirt's VIR_STORAGE_POOL_SOURCE_NAME). */
    private static final Set<String> SOURCE_NAMED = Set.of("logical", "rbd", "sheepdog", "gluster", "zfs",
            "vstorage");
    /** Default source format per pool type (written even when absent). */
    private static final Map<String, String> SOURCE_FORMAT = Map.of("fs", "auto", "netfs", "auto", "disk", "unknown",
            "logical", "lvm2");
    /** Namespaces libvirt's pool formatter knows. */
    private static final Map<String, String> POOL_NS = Map.of(
            "http://libvirt.org/schemas/storagepool/fs/1.0", "fs",
            "http://libvirt.org/schemas/storagepool/rbd/1.0", "rbd");
    private static final Set<String> POOL_NEVER_SELF_CLOSE = Set.of("/pool/source");
    private static final Map<String, Map<String, Integer>> ORDERS = Map.ofEntries(
            Map.entry("pool", CanonicalXmlWriter.order("type")),
            Map.entry("volume", CanonicalXmlWriter.order("type", "allocation")),
            Map.entry("host", CanonicalXmlWriter.order("name", "port")),
            Map.entry("device", CanonicalXmlWriter.order("path", "part_separator")),
            Map.entry("adapter", CanonicalXmlWriter.order("type", "name", "parent", "parent_wwnn", "parent_wwpn",
                    "parent_fabric_wwn", "managed", "wwnn", "wwpn")),
            Map.entry("parentaddr", CanonicalXmlWriter.order("unique_id")),
            Map.entry("address", CanonicalXmlWriter.order("domain", "bus", "slot", "function")),
            Map.entry("auth", CanonicalXmlWriter.order("type", "username")),
            Map.entry("secret", CanonicalXmlWriter.order("type", "uuid", "usage")),
            Map.entry("cipher", CanonicalXmlWriter.order("name", "size", "mode", "hash")),
            Map.entry("ivgen", CanonicalXmlWriter.order("name", "hash")),
            Map.entry("encryption", CanonicalXmlWriter.order("format")),
            Map.entry("capacity", CanonicalXmlWriter.order("unit")),
            Map.entry("allocation", CanonicalXmlWriter.order("unit")),
            Map.entry("available", CanonicalXmlWriter.order("unit")),
            Map.entry("physical", CanonicalXmlWriter.order("unit")),
            Map.entry("clusterSize", CanonicalXmlWriter.order("unit")));

    private StorageXml() {
    }

    /** Parses pool XML, generating a UUID when absent. */
    public static StoragePoolDef parsePool(String xml) {
        StoragePoolDef p = SafeXml.unmarshal(xml, StoragePoolDef.class, "pool", "storage_pool_definition",
                ErrorDomain.STORAGE);
        postParse(p);
        return p;
    }

    static void postParse(StoragePoolDef p) {
        String type = p.type();
        if (type == null || !POOL_TYPES.contains(type)) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute 'type' in "
                    + "element 'pool': '" + (type == null ? "(null)" : type) + "'.");
        }
        if ((p.name() == null || p.name().isBlank()) && SOURCE_NAMED.contains(type) && p.source() != null
                && p.source().name() != null) {
            // pools whose source is named take that name when they have none
            p.name(p.source().name());
        }
        if (p.name() == null || p.name().isBlank()) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing pool source name element");
        }
        if (p.name().indexOf('/') >= 0) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.STORAGE,
                    "name " + p.name() + " cannot contain '/'");
        }
        p.rawUuid(DomainXml.parseUuid(p.rawUuid(), ErrorDomain.STORAGE));
        p.normalise();
        StoragePoolDef.Source src = p.source();
        for (Generic d : src.devices()) {
            // free extents are run-time data libvirt does not read
            d.content().clear();
        }
        if ((type.equals("logical") || type.equals("zfs")) && src.name() == null) {
            src.name(p.name());
        }
        String fmt = SOURCE_FORMAT.get(type);
        if (fmt != null && (src.format() == null || src.format().attr("type") == null)) {
            src.format(new Generic().attr("type", fmt));
        }
        Generic adapter = src.adapter();
        if (adapter != null && adapter.attr("type") == null) {
            adapter.attr("type", adapter.attr("wwnn") != null || adapter.attr("wwpn") != null ? "fc_host"
                    : "scsi_host");
        }
        if (NO_TARGET.contains(type)) {
            p.target(null);
            if (src.name() == null && !type.equals("iscsi-direct")) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing pool source name element");
            }
            return;
        }
        if (type.equals("logical")) {
            p.targetOrNew().path("/dev/" + src.name());
        } else if (type.equals("zfs") && p.targetPath() == null) {
            p.targetOrNew().path("/dev/zvol/" + src.name());
        }
        if (p.targetPath() == null || p.targetPath().isEmpty()) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing storage pool target path");
        }
        p.target().path(sanitize(p.targetPath()));
    }

    /** libvirt's {@code virFileSanitizePath}: no repeated slashes, no trailing slash. */
    static String sanitize(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' && b.length() > 0 && b.charAt(b.length() - 1) == '/' && !(i == 1 && b.length() == 1
                    && path.length() > 2 && path.charAt(2) != '/')) {
                continue;
            }
            b.append(c);
        }
        if (b.length() > 1 && b.charAt(b.length() - 1) == '/') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    /** Formats pool XML. */
    public static String format(StoragePoolDef p) {
        String out = XmlFormat.format(p, StoragePoolDef.class, "pool", POOL_NEVER_SELF_CLOSE, true, ORDERS);
        for (Element e : p.extra()) {
            String prefix = POOL_NS.get(e.getNamespaceURI());
            if (prefix != null) {
                int at = out.indexOf('>');
                return out.substring(0, at) + " xmlns:" + prefix + "='" + e.getNamespaceURI() + "'"
                        + out.substring(at);
            }
        }
        return out;
    }

    /** Parses volume XML without a pool (as a volume of a directory pool). */
    public static StorageVolDef parseVolume(String xml) {
        StorageVolDef v = SafeXml.unmarshal(xml, StorageVolDef.class, "volume", "storage_volume_definition",
                ErrorDomain.STORAGE);
        postParse(v);
        return v;
    }

    /**
     * Parses volume XML in the context of its pool, as libvirt's {@code virStorageVolDefParseString}.
     *
     * @param xml the volume document
     * @param pool the pool it belongs to (its type decides the volume's defaults)
     * @param noCapacity {@code VIR_VOL_XML_PARSE_NO_CAPACITY}: a missing capacity is allowed
     * @return the volume
     */
    public static StorageVolDef parseVolume(String xml, StoragePoolDef pool, boolean noCapacity) {
        StorageVolDef v = SafeXml.unmarshal(xml, StorageVolDef.class, "volume", "storage_volume_definition",
                ErrorDomain.STORAGE);
        checkName(v);
        if (!noCapacity && !v.hasCapacity()) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing capacity element");
        }
        String t = pool == null ? "dir" : pool.type();
        String volType = switch (t) {
            case "dir", "fs", "netfs", "vstorage" -> "file";
            case "rbd", "sheepdog", "gluster" -> "network";
            default -> "block";
        };
        String fmt = switch (t) {
            case "dir", "fs", "netfs", "vstorage", "gluster" -> "raw";
            case "disk" -> "none";
            default -> null;
        };
        v.normalise(volType, fmt);
        return v;
    }

    private static void checkName(StorageVolDef v) {
        if (v.name() == null || v.name().isBlank()) {
            throw VirtException.of(ErrorCode.NO_NAME, ErrorDomain.STORAGE, null);
        }
    }

    static void postParse(StorageVolDef v) {
        checkName(v);
        v.normalise();
    }

    /** Formats volume XML. */
    public static String format(StorageVolDef v) {
        return XmlFormat.format(v, StorageVolDef.class, "volume", Set.of(), true, ORDERS);
    }

    /** Removes the inline volumes of a node-file pool (kept in {@link StoragePoolDef#extra()} by the binding). */
    static void dropInlineVolumes(StoragePoolDef p) {
        for (Iterator<Element> it = p.extra().iterator(); it.hasNext();) {
            if ("volume".equals(it.next().getLocalName())) {
                it.remove();
            }
        }
    }
}
