package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * libvirt's storage volume XML ({@code <volume>}): name, key, sizes (bytes after parsing), target
 * (path, format, permissions, encryption, compat, features) and backing store. See {@link StorageXml}.
 */
@XmlRootElement(name = "volume")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "key", "source", "capacity", "allocation", "physical", "target", "backingStore",
    "extra"})
public class StorageVolDef {
    @XmlAttribute private String type;
    private String name;
    private String key;
    private Generic source;
    private Scaled capacity;
    private Scaled allocation;
    private Scaled physical;
    private StoragePoolDef.Target target;
    private StoragePoolDef.Target backingStore;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** The volume type (file, block, dir, network, netdir, ploop). */
    public String type() {
        return type;
    }

    void type(String t) {
        type = t;
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The key. */
    public String key() {
        return key;
    }

    /** Sets the key. */
    public void key(String k) {
        key = k;
    }

    /** The path. */
    public String path() {
        return target == null ? null : target.path();
    }

    /** Sets the path. */
    public void path(String p) {
        if (target == null) {
            target = new StoragePoolDef.Target();
        }
        target.path(p);
    }

    /** The target (path, format, permissions, encryption, ...). */
    public StoragePoolDef.Target target() {
        return target;
    }

    /** The backing store, or {@code null}. */
    public StoragePoolDef.Target backingStore() {
        return backingStore;
    }

    /** Capacity in bytes. */
    public long capacity() {
        return capacity == null ? 0 : capacity.bytes();
    }

    /** Allocation in bytes. */
    public long allocation() {
        return allocation == null ? 0 : allocation.bytes();
    }

    boolean hasCapacity() {
        return capacity != null;
    }

    void normalise() {
        normalise("file", "raw");
    }

    /**
     * libvirt's post-parse of a volume.
     *
     * @param defaultType the pool's volume type
     * @param defaultFormat the pool's default volume format, {@code null} where its volumes have none
     */
    void normalise(String defaultType, String defaultFormat) {
        if (type == null) {
            type = defaultType;
        }
        // libvirt does not read <source> (extents) from volume XML.
        source = null;
        capacity = Scaled.normalise(capacity, "./capacity");
        allocation = Scaled.normalise(allocation, "./allocation");
        physical = Scaled.normalise(physical, "./physical");
        if (capacity == null) {
            capacity = new Scaled(0);
        }
        if (allocation == null) {
            allocation = new Scaled(capacity.bytes());
        }
        if (target == null) {
            target = new StoragePoolDef.Target();
        }
        if (defaultFormat == null) {
            target.format(null);
        } else if (target.format() == null || target.format().attr("type") == null) {
            target.format(new Generic().attr("type", defaultFormat));
        }
        target.normalise(true);
        if (backingStore != null) {
            backingStore.normalise(true);
        }
    }
}
