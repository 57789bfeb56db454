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
    "extra"})
public class SnapshotDef {
    private String name;
    private String description;
    private String state;
    private Parent parent;
    private String creationTime;
    private Generic memory;
    private Generic disks;
    private DomainDef domain;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

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

    /** The disks element. */
    public Generic disks() {
        return disks;
    }

    /** Sets the disks element. */
    public void disks(Generic d) {
        disks = d;
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
