package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** libvirt's domain snapshot XML ({@code <domainsnapshot>}); see {@link SnapshotXml}. */
@XmlRootElement(name = "domainsnapshot")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "description", "state", "parent", "creationTime", "memory", "disks", "domain",
    "inactiveDomain", "cookie", "active", "extra"})
public class SnapshotDef {
    private String name;
    private String description;
    private String state;
    private Parent parent;
    private String creationTime;
    private Generic memory;
    private Disks disks;
    private DomainDef domain;
    private DomainDef inactiveDomain;
    private Generic cookie;
    private String active;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** {@code <disks>}: one {@code <disk>} per domain disk. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "snapshotDisks")
    public static class Disks {
        private List<Disk> disk = new ArrayList<>();

        /** The disks, in order. */
        public List<Disk> disks() {
            return disk;
        }
    }

    /**
     * {@code <disk name='vda' snapshot='external' type='file'>}: how one disk is snapshotted
     * ({@code no}, {@code internal}, {@code external}, {@code manual}), with the external file's
     * {@code <driver>} and {@code <source>} where given.
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "snapshotDisk", propOrder = {"driver", "source", "extra"})
    public static class Disk {
        @jakarta.xml.bind.annotation.XmlAttribute private String name;
        @jakarta.xml.bind.annotation.XmlAttribute private String snapshot;
        @jakarta.xml.bind.annotation.XmlAttribute private String type;
        private Generic driver;
        private Generic source;
        @XmlAnyElement private List<Element> extra = new ArrayList<>();

        /** For JAXB. */
        public Disk() {
        }

        /** A disk entry. */
        public Disk(String name, String snapshot) {
            this.name = name;
            this.snapshot = snapshot;
        }

        /** The disk's target or source name. */
        public String name() {
            return name;
        }

        /** The snapshot mode, or {@code null} for the domain default. */
        public String snapshot() {
            return snapshot;
        }

        /** Sets the snapshot mode. */
        public Disk snapshot(String s) {
            snapshot = s;
            return this;
        }

        /** The source type of an external snapshot ({@code file}, {@code block}, {@code network}), or {@code null}. */
        public String type() {
            return type;
        }

        /** The driver element ({@code type='qcow2'}), or {@code null}. */
        public Generic driver() {
            return driver;
        }

        /** The source element ({@code file='...'}), or {@code null}. */
        public Generic source() {
            return source;
        }

        /** Sets the external source file and its type. */
        public Disk sourceFile(String file) {
            type = "file";
            source = new Generic().attr("file", file);
            return this;
        }
    }

    /** {@code <parent><name>..</name></parent>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Parent {
        private String name;

        /** For JAXB. */
        public Parent() {
        }

        Parent(String name) {
            this.name = name;
        }
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** Sets the name. */
    public void name(String n) {
        name = n;
    }

    /** The description, if any. */
    public String description() {
        return description;
    }

    /** The domain state it was taken in (running, paused, shutoff, ...). */
    public String state() {
        return state;
    }

    /** Sets the state. */
    public void state(String s) {
        state = s;
    }

    /** The parent snapshot's name, if any. */
    public String parent() {
        return parent == null ? null : parent.name;
    }

    /** Sets the parent's name ({@code null} for none). */
    public void parent(String p) {
        parent = p == null ? null : new Parent(p);
    }

    /** The creation time in seconds since the epoch. */
    public long creationTime() {
        return creationTime == null ? 0 : Long.parseLong(creationTime.trim());
    }

    /** Sets the creation time. */
    public void creationTime(long t) {
        creationTime = Long.toString(t);
    }

    /** The memory element. */
    public Generic memory() {
        return memory;
    }

    /** Sets the memory element. */
    public void memory(Generic m) {
        memory = m;
    }

    /** The per-disk entries ({@code <disks>}), empty when absent. */
    public List<Disk> disks() {
        return disks == null ? List.of() : disks.disk;
    }

    /** Sets the per-disk entries ({@code null} or empty for none). */
    public void disks(List<Disk> d) {
        if (d == null || d.isEmpty()) {
            disks = null;
        } else {
            disks = new Disks();
            disks.disk.addAll(d);
        }
    }

    /**
     * Sets the per-disk entries from a {@code <disks>} element's {@code <disk name= snapshot=>} children
     * (the untyped form earlier callers built).
     */
    public void disks(Generic d) {
        List<Disk> out = new ArrayList<>();
        if (d != null) {
            for (Object o : d.content()) {
                if (o instanceof Element e && "disk".equals(e.getLocalName() == null ? e.getTagName()
                        : e.getLocalName())) {
                    Disk k = new Disk(e.getAttribute("name"), e.hasAttribute("snapshot")
                            ? e.getAttribute("snapshot") : null);
                    if (e.hasAttribute("type")) {
                        k.type = e.getAttribute("type");
                    }
                    out.add(k);
                }
            }
        }
        disks(out);
    }

    /** The inactive definition saved with a snapshot of a running domain, or {@code null}. */
    public DomainDef inactiveDomain() {
        return inactiveDomain;
    }

    /** Sets the inactive definition. */
    public void inactiveDomain(DomainDef d) {
        inactiveDomain = d;
    }

    /** The hypervisor's opaque cookie ({@code <cookie>}), or {@code null}. */
    public Generic cookie() {
        return cookie;
    }

    /** Sets the cookie. */
    public void cookie(Generic c) {
        cookie = c;
    }

    /** Whether this is the current snapshot ({@code <active>1</active>}, driver-internal XML only). */
    public boolean active() {
        return "1".equals(active == null ? null : active.trim());
    }

    /** Sets the internal current-snapshot marker ({@code false} omits it). */
    public void active(boolean a) {
        active = a ? "1" : null;
    }

    /** The domain definition captured. */
    public DomainDef domain() {
        return domain;
    }

    /** Sets the domain definition. */
    public void domain(DomainDef d) {
        domain = d;
    }
}
