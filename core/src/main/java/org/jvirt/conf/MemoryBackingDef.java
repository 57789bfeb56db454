package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <memoryBacking>}: how guest RAM is backed (hugepages, sharing, locking, source, access mode,
 * preallocation, discard). Page sizes are normalised to KiB on parse, as libvirt does.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"hugepages", "nosharepages", "locked", "source", "access", "allocation", "discard"})
public class MemoryBackingDef implements DeclaredOrder {
    private Hugepages hugepages;
    private Flag nosharepages;
    private Flag locked;
    private TypeAttr source;
    private Access access;
    private Allocation allocation;
    private Flag discard;

    /** An empty {@code <memoryBacking/>}. */
    public MemoryBackingDef() {
    }

    /** {@code <hugepages>}: an empty list means "default huge page size". */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "MemoryBackingDef.Hugepages")
    public static class Hugepages implements DeclaredOrder {
        @XmlElement(name = "page") private List<Page> pages = new ArrayList<>();

        /** The explicit page sizes (live list). */
        public List<Page> pages() {
            return pages;
        }
    }

    /** {@code <page size= unit= nodeset=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "MemoryBackingDef.Page")
    public static class Page implements DeclaredOrder {
        @XmlAttribute private String size;
        @XmlAttribute private String unit;
        @XmlAttribute private String nodeset;

        /** For JAXB. */
        public Page() {
        }

        /** A page size in KiB for the guest NUMA nodes {@code nodeset} ({@code null} for all). */
        public Page(long sizeKiB, String nodeset) {
            this.size = Long.toString(sizeKiB);
            this.unit = "KiB";
            this.nodeset = nodeset;
        }

        /** The page size in KiB (after parsing). */
        public long sizeKiB() {
            return Long.parseLong(size);
        }

        /** The guest NUMA nodes this size applies to, {@code null} for all. */
        public String nodeset() {
            return nodeset;
        }

        void normalise() {
            if (size == null) {
                throw DomainXml.xmlError("Unable to parse hugepage size");
            }
            size = Long.toString(Units.toKiB(size, unit, "./@size"));
            unit = "KiB";
            nodeset = CpuSet.canonical(nodeset, "nodeset");
        }
    }

    /** An element with a {@code type} attribute. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "MemoryBackingDef.TypeAttr")
    public static class TypeAttr implements DeclaredOrder {
        @XmlAttribute private String type;

        /** For JAXB. */
        public TypeAttr() {
        }

        TypeAttr(String type) {
            this.type = type;
        }

        /** The type. */
        public String type() {
            return type;
        }
    }

    /** {@code <access mode='shared|private'/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "MemoryBackingDef.Access")
    public static class Access implements DeclaredOrder {
        @XmlAttribute private String mode;
    }

    /** {@code <allocation mode='immediate|ondemand' threads='N'/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "MemoryBackingDef.Allocation")
    public static class Allocation implements DeclaredOrder {
        @XmlAttribute private String mode;
        @XmlAttribute private String threads;
    }

    /** The huge pages, {@code null} when not backed by huge pages. */
    public Hugepages hugepages() {
        return hugepages;
    }

    /** Backs memory by huge pages of the given sizes (none: the default size). */
    public void hugepages(List<Page> pages) {
        hugepages = new Hugepages();
        hugepages.pages.addAll(pages);
    }

    /** Whether KSM page sharing is disabled. */
    public boolean noSharePages() {
        return nosharepages != null;
    }

    /** Whether guest memory is locked in host RAM. */
    public boolean locked() {
        return locked != null;
    }

    /** Sets {@code <locked/>}. */
    public void locked(boolean on) {
        locked = Flag.of(on);
    }

    /** The source type ({@code file}, {@code anonymous}, {@code memfd}), or {@code null}. */
    public String sourceType() {
        return source == null ? null : source.type;
    }

    /** Sets the source type ({@code null} removes it). */
    public void sourceType(String type) {
        source = type == null ? null : new TypeAttr(type);
    }

    /** The access mode ({@code shared}/{@code private}), or {@code null}. */
    public String accessMode() {
        return access == null ? null : access.mode;
    }

    /** Sets the access mode ({@code null} removes it). */
    public void accessMode(String mode) {
        if (mode == null) {
            access = null;
        } else {
            access = new Access();
            access.mode = mode;
        }
    }

    /** The allocation mode ({@code immediate}/{@code ondemand}), or {@code null}. */
    public String allocationMode() {
        return allocation == null ? null : allocation.mode;
    }

    /** The number of preallocation threads, 0 when not set. */
    public int allocationThreads() {
        return allocation == null || allocation.threads == null ? 0 : Integer.parseInt(allocation.threads);
    }

    /** Sets the allocation mode and threads ({@code null}/0 omit them). */
    public void allocation(String mode, int threads) {
        if (mode == null && threads == 0) {
            allocation = null;
            return;
        }
        allocation = new Allocation();
        allocation.mode = mode;
        allocation.threads = threads == 0 ? null : Integer.toString(threads);
    }

    /** Whether memory is discarded on guest shutdown. */
    public boolean discard() {
        return discard != null;
    }

    void normalise() {
        if (hugepages != null) {
            for (Page p : hugepages.pages) {
                p.normalise();
            }
        }
        if (source != null) {
            DomainXml.checkEnum(source.type, "source type", "file", "anonymous", "memfd");
        }
        if (access != null) {
            DomainXml.checkEnum(access.mode, "access mode", "shared", "private");
        }
        if (allocation != null) {
            if (allocation.mode != null) {
                DomainXml.checkEnum(allocation.mode, "allocation mode", "immediate", "ondemand");
            }
            if (allocation.threads != null) {
                allocation.threads = Long.toString(DomainXml.parseUInt(allocation.threads,
                        "Failed to parse memory allocation threads"));
            }
        }
    }
}
