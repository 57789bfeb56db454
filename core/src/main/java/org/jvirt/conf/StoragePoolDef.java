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

/** libvirt's storage pool XML ({@code <pool>}). Sizes in bytes after parsing; see {@link StorageXml}. */
@XmlRootElement(name = "pool")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "uuid", "capacity", "allocation", "available", "features", "source", "target",
    "extra"})
public class StoragePoolDef {
    @XmlAttribute private String type;
    private String name;
    private String uuid;
    private Scaled capacity;
    private Scaled allocation;
    private Scaled available;
    private Generic features;
    private Generic source;
    private Target target;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** {@code <target>} of a pool or volume. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"path", "format", "permissions", "timestamps", "compat", "extra"})
    public static class Target {
        private String path;
        private Generic format;
        private Generic permissions;
        private Generic timestamps;
        private String compat;
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

    /** Unknown children (e.g. inline {@code <volume>}s of a node file). */
    public List<Element> extra() {
        return extra;
    }

    String rawUuid() {
        return uuid;
    }

    void rawUuid(String u) {
        uuid = u;
    }

    void normalise() {
        capacity = Scaled.normalise(capacity, "./capacity");
        allocation = Scaled.normalise(allocation, "./allocation");
        available = Scaled.normalise(available, "./available");
        if (source == null) {
            source = new Generic();
        }
    }
}
