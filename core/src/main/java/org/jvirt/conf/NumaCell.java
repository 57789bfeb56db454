package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A guest NUMA node, {@code <cpu><numa><cell id= cpus= memory= unit='KiB' memAccess= discard=>}, with its
 * distances to the other cells and its memory-side caches. Memory is normalised to KiB on parse.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"siblings", "caches"})
public class NumaCell implements DeclaredOrder {
    @XmlAttribute private String id;
    @XmlAttribute private String cpus;
    @XmlAttribute private String memory;
    @XmlAttribute private String unit;
    @XmlAttribute private String memAccess;
    @XmlAttribute private String discard;
    @XmlElementWrapper(name = "distances") @XmlElement(name = "sibling") private List<Sibling> siblings;
    @XmlElement(name = "cache") private List<Generic> caches = new ArrayList<>();

    /** For JAXB. */
    public NumaCell() {
    }

    /** A cell with the given id, vCPUs and memory in KiB. */
    public NumaCell(int id, String cpus, long memoryKiB) {
        this.id = Integer.toString(id);
        this.cpus = cpus;
        this.memory = Long.toString(memoryKiB);
        this.unit = "KiB";
    }

    /** {@code <sibling id= value=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "NumaCell.Sibling")
    public static class Sibling implements DeclaredOrder {
        @XmlAttribute String id;
        @XmlAttribute String value;

        /** The other cell. */
        public int id() {
            return Integer.parseInt(id);
        }

        /** The distance. */
        public int value() {
            return Integer.parseInt(value);
        }
    }

    /** The cell id. */
    public int id() {
        return Integer.parseInt(id);
    }

    /** The vCPUs of the cell (libvirt bitmap syntax), or {@code null}. */
    public String cpus() {
        return cpus;
    }

    /** The memory in KiB. */
    public long memoryKiB() {
        return Long.parseLong(memory);
    }

    /** shared, private or {@code null}. */
    public String memAccess() {
        return memAccess;
    }

    /** yes, no or {@code null}. */
    public String discard() {
        return discard;
    }

    /** The distances to other cells, or {@code null}. */
    public List<Sibling> siblings() {
        return siblings;
    }

    /** The memory-side caches (live list). */
    public List<Generic> caches() {
        return caches;
    }

    void normalise(int index, int maxVcpus) {
        if (id == null) {
            throw DomainXml.xmlError("Missing 'id' attribute in NUMA cell");
        }
        long i = DomainXml.parseUInt(id, "Invalid 'id' attribute in NUMA cell: '" + id + "'");
        if (i != index) {
            throw DomainXml.xmlError("Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges or ranges not starting from 0 are not allowed");
        }
        id = Long.toString(i);
        if (cpus != null) {
            java.util.BitSet b = CpuSet.parse(cpus, "cpus");
            cpus = CpuSet.format(b);
            if (b.length() > maxVcpus) {
                throw DomainXml.internalError("Number of CPUs in <numa> exceeds the <vcpu> count");
            }
        }
        if (memory == null) {
            throw DomainXml.xmlError("Missing 'memory' attribute in NUMA cell");
        }
        memory = Long.toString(Units.toKiB(memory, unit, "./@memory"));
        unit = "KiB";
        if (memAccess != null) {
            DomainXml.checkEnumAttr(memAccess, "memAccess", "cell", "shared", "private");
        }
        discard = DomainXml.yesNo(discard, "discard", "cell");
        if (siblings != null && siblings.isEmpty()) {
            siblings = null;
        }
        if (siblings != null) {
            for (Sibling s : siblings) {
                s.id = Long.toString(DomainXml.parseUInt(s.id, "Invalid 'id' attribute in NUMA distances for sibling: '" + s.id + "'"));
                long v = DomainXml.parseUInt(s.value, "Invalid 'value' attribute in NUMA distances for sibling: '" + s.value + "'");
                if (v < 10 || v > 255) {
                    throw DomainXml.xmlError("'value' attribute in NUMA distances must be in range [10, 255]");
                }
                s.value = Long.toString(v);
            }
        }
    }
}
