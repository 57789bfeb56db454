package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <pm>}: whether the guest may suspend to RAM or disk. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"mem", "disk"})
public class PmDef implements DeclaredOrder {
    @XmlElement(name = "suspend-to-mem") private Enabled mem;
    @XmlElement(name = "suspend-to-disk") private Enabled disk;

    /** Empty. */
    public PmDef() {
    }

    /** {@code <x enabled='yes|no'/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "PmDef.Enabled")
    public static class Enabled implements DeclaredOrder {
        @XmlAttribute String enabled;
    }

    /** suspend-to-mem: {@code yes}, {@code no} or {@code null}. */
    public String suspendToMem() {
        return mem == null ? null : mem.enabled;
    }

    /** suspend-to-disk: {@code yes}, {@code no} or {@code null}. */
    public String suspendToDisk() {
        return disk == null ? null : disk.enabled;
    }

    void normalise() {
        if (mem != null) {
            mem.enabled = DomainXml.yesNo(mem.enabled, "enabled", "suspend-to-mem");
            if (mem.enabled == null) {
                mem = null;
            }
        }
        if (disk != null) {
            disk.enabled = DomainXml.yesNo(disk.enabled, "enabled", "suspend-to-disk");
            if (disk.enabled == null) {
                disk = null;
            }
        }
    }

    boolean isEmpty() {
        return mem == null && disk == null;
    }
}
