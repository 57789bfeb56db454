package org.jvirt.conf;

import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** Parse and format storage pool and volume XML as libvirt. */
public final class StorageXml {
    private static final Set<String> POOL_TYPES = Set.of("dir", "fs", "netfs", "logical", "disk", "iscsi",
            "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage");

    private StorageXml() {
    }

    /** Parses pool XML, generating a UUID when absent; sizes become bytes. */
    public static StoragePoolDef parsePool(String xml) {
        StoragePoolDef p = SafeXml.unmarshal(xml, StoragePoolDef.class, "pool", "storage_pool_definition",
                ErrorDomain.STORAGE);
        postParse(p);
        return p;
    }

    static void postParse(StoragePoolDef p) {
        if (p.type() == null || !POOL_TYPES.contains(p.type())) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute 'type' in "
                    + "element 'pool': '" + (p.type() == null ? "(null)" : p.type()) + "'.");
        }
        if (p.name() == null || p.name().isBlank()) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing pool source name element");
        }
        if (p.name().indexOf('/') >= 0) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.STORAGE,
                    "name " + p.name() + " cannot contain '/'");
        }
        p.rawUuid(DomainXml.parseUuid(p.rawUuid(), ErrorDomain.STORAGE));
        if (p.targetPath() == null) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, "missing storage pool target path");
        }
        p.normalise();
    }

    /** Formats pool XML. */
    public static String format(StoragePoolDef p) {
        return XmlFormat.format(p, StoragePoolDef.class, "pool", Set.of("/pool/source"), true, 0);
    }

    /** Parses volume XML; sizes become bytes, type defaults to file, format to raw. */
    public static StorageVolDef parseVolume(String xml) {
        StorageVolDef v = SafeXml.unmarshal(xml, StorageVolDef.class, "volume", "storage_volume_definition",
                ErrorDomain.STORAGE);
        postParse(v);
        return v;
    }

    static void postParse(StorageVolDef v) {
        if (v.name() == null || v.name().isBlank()) {
            throw VirtException.of(ErrorCode.NO_NAME, ErrorDomain.STORAGE, null);
        }
        v.normalise();
    }

    /** Formats volume XML. */
    public static String format(StorageVolDef v) {
        return XmlFormat.format(v, StorageVolDef.class, "volume", Set.of(), true, 0);
    }
}
