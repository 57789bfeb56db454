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

/**
 * libvirt's storage pool XML ({@code <pool>}), elements in libvirt's formatting order. Sizes are
 * run-time figures: parsing resets them to 0 as libvirt does, drivers set them. See {@link StorageXml}.
 */
@XmlRootElement(name = "pool")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "uuid", "capacity", "allocation", "available", "features", "source", "target",
    "refresh", "extra"})
public class StoragePoolDef {
    @XmlAttribute private String type;
    private String name;
    private String uuid;
    private Scaled capacity;
    private Scaled allocation;
    private Scaled available;
    private Generic features;
    private Source source;
    private Target target;
    private Generic refresh;
    /** Foreign-namespace elements ({@code fs:mount_opts}, {@code rbd:config_opts}) and, in node files, inline volumes. */
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** {@code <source>} of a pool: hosts, devices, dir, adapter, name, initiator, format, auth, protocol, vendor, product. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"host", "device", "dir", "adapter", "name", "initiator", "format", "auth", "protocol",
        "vendor", "product", "extra"})
    public static class Source {
        private List<Generic> host = new ArrayList<>();
        private List<Generic> device = new ArrayList<>();
        private Generic dir;
        private Generic adapter;
        private String name;
        private Generic initiator;
        private Generic format;
        private Generic auth;
        private Generic protocol;
        private Generic vendor;
        private Generic product;
        @XmlAnyElement private List<Element> extra = new ArrayList<>();

        /** The source hosts ({@code name}, {@code port}). */
        public List<Generic> hosts() {
            return host;
        }

        /** The source devices ({@code path}, {@code part_separator}). */
        public List<Generic> devices() {
            return device;
        }

        /** The source directory element, or {@code null}. */
        public Generic dir() {
            return dir;
        }

        /** The SCSI adapter, or {@code null}. */
        public Generic adapter() {
            return adapter;
        }

        /** The source name (volume group, RBD pool, ...), or {@code null}. */
        public String name() {
            return name == null ? null : name.trim();
        }

        /** Sets the source name. */
        public void name(String n) {
            name = n;
        }

        /** The source format element, or {@code null}. */
        public Generic format() {
            return format;
        }

        /** Sets the source format element. */
        public void format(Generic f) {
            format = f;
        }

        /** The authentication element, or {@code null}. */
        public Generic auth() {
            return auth;
        }

        /** The iSCSI initiator, or {@code null}. */
        public Generic initiator() {
            return initiator;
        }

        /** The NFS protocol version element, or {@code null}. */
        public Generic protocol() {
            return protocol;
        }

        /** The vendor element, or {@code null}. */
        public Generic vendor() {
            return vendor;
        }

        /** The product element, or {@code null}. */
        public Generic product() {
            return product;
        }
    }

    /** {@code <permissions>} of a pool target, volume target or backing store. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"mode", "owner", "group", "label"})
    public static class Permissions {
        private String mode;
        private String owner;
        private String group;
        private String label;

        /** The mode as libvirt writes it ({@code 0} followed by octal digits), or {@code null}. */
        public String mode() {
            return mode;
        }

        /** The owner's uid, or {@code null} when unset (-1). */
        public String owner() {
            return owner;
        }

        /** The group's gid, or {@code null} when unset (-1). */
        public String group() {
            return group;
        }

        /** The security label, or {@code null}. */
        public String label() {
            return label;
        }

        boolean isEmpty() {
            return mode == null && owner == null && group == null && label == null;
        }

        void normalise(String where) {
            if (mode != null) {
                String m = mode.trim();
                int v;
                try {
                    v = Integer.parseInt(m, 8);
                } catch (NumberFormatException e) {
                    v = -1;
                }
                if (v < 0 || v > 07777) {
                    throw org.jvirt.api.VirtException.of(org.jvirt.api.ErrorCode.XML_ERROR,
                            org.jvirt.api.ErrorDomain.STORAGE, "malformed octal mode");
                }
                mode = "0" + Integer.toOctalString(v);
            }
            owner = id(owner, "uid", where);
            group = id(group, "gid", where);
            if (label != null) {
                label = label.trim();
            }
        }

        private static String id(String s, String what, String where) {
            if (s == null) {
                return null;
            }
            long v;
            try {
                v = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw org.jvirt.api.VirtException.of(org.jvirt.api.ErrorCode.XML_ERROR,
                        org.jvirt.api.ErrorDomain.STORAGE, "malformed " + (what.equals("uid") ? "owner" : "group")
                                + " element");
            }
            if (v == -1 || v == 4294967295L) {
                return null;
            }
            if (v < 0 || v > 4294967295L) {
                throw org.jvirt.api.VirtException.of(org.jvirt.api.ErrorCode.XML_ERROR,
                        org.jvirt.api.ErrorDomain.STORAGE, "malformed " + (what.equals("uid") ? "owner" : "group")
                                + " element");
            }
            return Long.toString(v);
        }
    }

    /** {@code <target>} of a pool or volume, {@code <backingStore>} of a volume. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"path", "format", "permissions", "timestamps", "encryption", "compat", "clusterSize",
        "nocow", "features", "extra"})
    public static class Target {
        private String path;
        private Generic format;
        private Permissions permissions;
        private Generic timestamps;
        private Generic encryption;
        private String compat;
        private Generic clusterSize;
        private Generic nocow;
        private Generic features;
        @XmlAnyElement private List<Element> extra = new ArrayList<>();

        /** The path. */
        public String path() {
            return path == null ? null : path.trim();
        }

        void path(String p) {
            path = p;
        }

        /** The format element, if any. */
        public Generic format() {
            return format;
        }

        void format(Generic f) {
            format = f;
        }

        /** The format type ({@code raw}, {@code qcow2}, ...), or {@code null}. */
        public String formatType() {
            return format == null ? null : format.attr("type");
        }

        /** The permissions, or {@code null}. */
        public Permissions permissions() {
            return permissions;
        }

        /** The encryption element, or {@code null}. */
        public Generic encryption() {
            return encryption;
        }

        /** The qcow2 compatibility level, or {@code null}. */
        public String compat() {
            return compat;
        }

        /** The qcow2 features element, or {@code null}. */
        public Generic features() {
            return features;
        }

        void normalise(boolean volume) {
            if (permissions != null) {
                permissions.normalise(volume ? "volume" : "pool");
                if (permissions.isEmpty()) {
                    permissions = null;
                }
            }
            // libvirt reads timestamps from the file, never from XML.
            timestamps = null;
            if (compat != null) {
                compat = compat.trim();
            } else if (features != null && "qcow2".equals(formatType())) {
                compat = "1.1";
            }
        }
    }

    /** The pool type, e.g. {@code dir}. */
    public String type() {
        return type;
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The UUID. */
    public UUID uuid() {
        return UUID.fromString(uuid);
    }

    /** The source (never {@code null} after parsing). */
    public Source source() {
        return source;
    }

    /** The target, or {@code null} for pool types without one (rbd, gluster, iscsi-direct, sheepdog). */
    public Target target() {
        return target;
    }

    /** The target path, if any. */
    public String targetPath() {
        return target == null ? null : target.path();
    }

    /** Capacity in bytes (0 if unset). */
    public long capacity() {
        return capacity == null ? 0 : capacity.bytes();
    }

    /** Allocation in bytes (0 if unset). */
    public long allocation() {
        return allocation == null ? 0 : allocation.bytes();
    }

    /** Available bytes (0 if unset). */
    public long available() {
        return available == null ? 0 : available.bytes();
    }

    /** Sets the three sizes. */
    public void sizes(long cap, long alloc, long avail) {
        capacity = new Scaled(cap);
        allocation = new Scaled(alloc);
        available = new Scaled(avail);
    }

    /** Foreign-namespace and unknown children (e.g. inline {@code <volume>}s of a node file). */
    public List<Element> extra() {
        return extra;
    }

    void name(String n) {
        name = n;
    }

    String rawUuid() {
        return uuid;
    }

    void rawUuid(String u) {
        uuid = u;
    }

    void target(Target t) {
        target = t;
    }

    Target targetOrNew() {
        if (target == null) {
            target = new Target();
        }
        return target;
    }

    void normalise() {
        // Sizes in pool XML are run-time figures libvirt's parser ignores.
        sizes(0, 0, 0);
        if (source == null) {
            source = new Source();
        }
        if (target != null) {
            target.normalise(false);
        }
    }
}
