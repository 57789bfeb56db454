package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * libvirt's domain XML ({@code <domain>}), bound with JAXB.
 *
 * <p>Design: every top-level element libvirt knows is typed in its own class ({@link CpuDef},
 * {@link NumaCell}, {@link MemoryBackingDef}, {@link OsDef}, {@link FeaturesDef}, {@link ClockDef},
 * {@link CpuTuneDef}, {@link NumaTuneDef}, ...), except {@code <metadata>}, kept verbatim as a
 * {@link Generic}. Unknown top-level elements without a namespace are dropped as libvirt drops them
 * (their names are kept in {@link #unknownElements()} for VALIDATE); namespaced ones (driver
 * extensions such as {@code qemu:commandline}) land in {@link #extra()} and are written after the
 * devices. Field order ({@code propOrder}) is libvirt's formatting order. Values are kept as
 * the strings written and validated by {@link DomainXml#parse}, which also applies libvirt's
 * defaults (UUID, currentMemory, vcpu placement, boot device, clock, lifecycle actions, ...).
 * Instances are mutable and not thread-safe; drivers copy them with {@link #copy()}.
 */
@XmlRootElement(name = "domain")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "uuid", "genid", "title", "description", "metadata", "maxMemory", "memory",
    "currentMemory", "blkiotune", "memtune", "memoryBacking", "vcpu", "vcpus", "iothreads", "iothreadids",
    "defaultiothread", "cputune", "numatune", "resource", "sysinfo", "bootloader", "bootloaderArgs", "os", "idmap", "features",
    "cpu", "clock", "onPoweroff", "onReboot", "onCrash", "onLockfailure", "pm", "perf", "devices", "seclabel",
    "keywrap", "launchSecurity", "extra"})
public class DomainDef implements Cloneable {
    @XmlAttribute private String type;
    @XmlAttribute private String id;

    private String name;
    private String uuid;
    private String genid;
    private String title;
    private String description;
    private Generic metadata;
    private Memory maxMemory;
    private Memory memory;
    private Memory currentMemory;
    private BlkioTuneDef blkiotune;
    private MemTuneDef memtune;
    private MemoryBackingDef memoryBacking;
    private Vcpu vcpu;
    @XmlElementWrapper(name = "vcpus") @XmlElement(name = "vcpu") private List<VcpuDef> vcpus;
    private String iothreads;
    @XmlElementWrapper(name = "iothreadids") @XmlElement(name = "iothread") private List<IOThreadDef> iothreadids;
    private IOThreadDef defaultiothread;
    private CpuTuneDef cputune;
    private NumaTuneDef numatune;
    private ResourceDef resource;
    private List<SysinfoDef> sysinfo = new ArrayList<>();
    private String bootloader;
    @XmlElement(name = "bootloader_args") private String bootloaderArgs;
    private OsDef os;
    private IdMapDef idmap;
    private FeaturesDef features;
    private CpuDef cpu;
    private ClockDef clock;
    @XmlElement(name = "on_poweroff") private String onPoweroff;
    @XmlElement(name = "on_reboot") private String onReboot;
    @XmlElement(name = "on_crash") private String onCrash;
    @XmlElement(name = "on_lockfailure") private String onLockfailure;
    private PmDef pm;
    private PerfDef perf;
    private DevicesDef devices;
    private List<SecLabelDef> seclabel = new ArrayList<>();
    private KeyWrapDef keywrap;
    private LaunchSecurityDef launchSecurity;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();
    /** Names of unknown top-level elements dropped by parsing (refused when defining with VALIDATE). */
    @XmlTransient private List<String> unknownElements = new ArrayList<>();

    /** A memory size with its unit, as written; normalised to KiB by parsing. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Memory implements DeclaredOrder {
        @XmlAttribute private String dumpCore;
        @XmlAttribute private String slots;
        @XmlAttribute private String unit;
        @XmlValue private String value;

        /** For JAXB. */
        public Memory() {
        }

        /** A size in KiB. */
        public Memory(long kib) {
            setKiB(kib);
        }

        /** The unit as written. */
        public String unit() {
            return unit;
        }

        /** The value as written. */
        public String value() {
            return value;
        }

        /** The slots attribute (maxMemory). */
        public String slots() {
            return slots;
        }

        /** The size in KiB; valid after parsing. */
        public long kib() {
            return Long.parseLong(value.trim());
        }

        /** Sets the size in KiB. */
        public void setKiB(long kib) {
            this.unit = "KiB";
            this.value = Long.toString(kib);
        }
    }

    /** {@code <vcpu placement= cpuset= current=>N</vcpu>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Vcpu implements DeclaredOrder {
        @XmlAttribute private String placement;
        @XmlAttribute private String cpuset;
        @XmlAttribute private String current;
        @XmlValue private String value;

        /** For JAXB. */
        public Vcpu() {
        }

        String placement() {
            return placement;
        }

        String cpuset() {
            return cpuset;
        }

        void cpuset(String c) {
            cpuset = c;
        }

        void placement(String p) {
            placement = p;
        }

        String rawCurrent() {
            return current;
        }

        String rawValue() {
            return value;
        }

        void set(int max, int cur) {
            value = Integer.toString(max);
            current = cur == max ? null : Integer.toString(cur);
        }
    }

    /** For JAXB and builders. */
    public DomainDef() {
    }

    /**
     * A deep copy (through the canonical text, so it is exactly what a re-parse would give).
     *
     * @return an independent copy, id and all
     */
    public DomainDef copy() {
        return DomainXml.reparse(this);
    }

    /** A shallow copy, for formatting variants (id stripped) without touching this instance. */
    DomainDef shallow() {
        try {
            return (DomainDef) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    // ---- accessors the drivers use ----

    /** The hypervisor type, e.g. {@code test}. */
    public String type() {
        return type;
    }

    /** The id attribute, {@code -1} if absent. */
    public int id() {
        return id == null ? -1 : Integer.parseInt(id.trim());
    }

    /** Sets the id attribute ({@code -1} removes it). */
    public void id(int newId) {
        id = newId < 0 ? null : Integer.toString(newId);
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The UUID; valid after parsing. */
    public UUID uuid() {
        return UUID.fromString(uuid);
    }

    void uuidText(String u) {
        uuid = u;
    }

    String rawUuid() {
        return uuid;
    }

    /** The title, if any. */
    public String title() {
        return title;
    }

    /** The description, if any. */
    public String description() {
        return description;
    }

    /** The {@code <metadata>} element, if any, verbatim. */
    public Generic metadata() {
        return metadata;
    }

    /** The maximum memory size in KiB ({@code <memory>}). */
    public long memoryKiB() {
        return memory.kib();
    }

    /** Sets {@code <memory>} in KiB. */
    public void memoryKiB(long kib) {
        memory = new Memory(kib);
    }

    /** The current memory in KiB ({@code <currentMemory>}). */
    public long currentMemoryKiB() {
        return currentMemory.kib();
    }

    /** Sets {@code <currentMemory>} in KiB. */
    public void currentMemoryKiB(long kib) {
        currentMemory = new Memory(kib);
    }

    /** The hot-plug ceiling {@code <maxMemory>}, if any. */
    public Memory maxMemory() {
        return maxMemory;
    }

    /** The maximum vCPU count. */
    public int maxVcpus() {
        return Integer.parseInt(vcpu.rawValue().trim());
    }

    /** The current vCPU count. */
    public int currentVcpus() {
        return vcpu.rawCurrent() == null ? maxVcpus() : Integer.parseInt(vcpu.rawCurrent().trim());
    }

    /** Sets the maximum and current vCPU counts. */
    public void vcpus(int max, int current) {
        vcpu.set(max, current);
    }

    /** The {@code <os>} element. */
    public OsDef os() {
        return os;
    }

    /** Sets the {@code <os>} element. */
    public void os(OsDef o) {
        os = o;
    }

    /** The OS type, e.g. {@code hvm}. */
    public String osType() {
        return os == null ? null : os.osType();
    }

    /** The devices (never {@code null} after parsing). */
    public DevicesDef devices() {
        return devices;
    }

    /** The {@code <features>} element, or {@code null}. */
    public FeaturesDef features() {
        return features;
    }

    /** Sets the features ({@code null} removes them). */
    public void features(FeaturesDef f) {
        features = f;
    }

    /** The guest CPU, or {@code null}. */
    public CpuDef cpu() {
        return cpu;
    }

    /** Sets the guest CPU ({@code null} removes it). */
    public void cpu(CpuDef c) {
        cpu = c;
    }

    /** The guest NUMA cells (empty without NUMA topology). */
    public List<NumaCell> numaCells() {
        return cpu == null || cpu.cellCount() == 0 ? List.of() : cpu.numaCells();
    }

    /** The clock (never {@code null} after parsing). */
    public ClockDef clock() {
        return clock;
    }

    /** The genid, or {@code null}. */
    public String genid() {
        return genid;
    }

    /** The memory backing, or {@code null}. */
    public MemoryBackingDef memoryBacking() {
        return memoryBacking;
    }

    /** Sets the memory backing ({@code null} removes it). */
    public void memoryBacking(MemoryBackingDef m) {
        memoryBacking = m;
    }

    /** The memory tuning, or {@code null}. */
    public MemTuneDef memtune() {
        return memtune;
    }

    /** The block I/O tuning, or {@code null}. */
    public BlkioTuneDef blkiotune() {
        return blkiotune;
    }

    /** The vCPU placement ({@code static} or {@code auto}). */
    public String vcpuPlacement() {
        return vcpu == null ? null : vcpu.placement();
    }

    /** The vCPU cpuset, or {@code null}. */
    public String vcpuCpuset() {
        return vcpu == null ? null : vcpu.cpuset();
    }

    /** The per-vCPU hot-plug states, empty when not given. */
    public List<VcpuDef> vcpuStates() {
        return vcpus == null ? List.of() : vcpus;
    }

    /** The number of iothreads. */
    public int iothreads() {
        return iothreads == null ? 0 : Integer.parseInt(iothreads);
    }

    /** The explicitly configured iothreads, empty when only counted. */
    public List<IOThreadDef> iothreadIds() {
        return iothreadids == null ? List.of() : iothreadids;
    }

    /** The default iothread's pool sizes, or {@code null}. */
    public IOThreadDef defaultIOThread() {
        return defaultiothread;
    }

    /** The CPU tuning, or {@code null}. */
    public CpuTuneDef cputune() {
        return cputune;
    }

    /** The NUMA tuning, or {@code null}. */
    public NumaTuneDef numatune() {
        return numatune;
    }

    /** The resource partition, or {@code null}. */
    public ResourceDef resource() {
        return resource;
    }

    /** The sysinfo blocks (live list). */
    public List<SysinfoDef> sysinfo() {
        return sysinfo;
    }

    /** The bootloader (Xen), or {@code null}. */
    public String bootloader() {
        return bootloader;
    }

    /** The uid/gid maps, or {@code null}. */
    public IdMapDef idmap() {
        return idmap;
    }

    /** Power management, or {@code null}. */
    public PmDef pm() {
        return pm;
    }

    /** Perf events, or {@code null}. */
    public PerfDef perf() {
        return perf;
    }

    /** The security labels (live list). */
    public List<SecLabelDef> seclabels() {
        return seclabel;
    }

    /** The key wrapping ciphers, or {@code null}. */
    public KeyWrapDef keywrap() {
        return keywrap;
    }

    /** The launch security, or {@code null}. */
    public LaunchSecurityDef launchSecurity() {
        return launchSecurity;
    }

    /** The on_lockfailure action, or {@code null}. */
    public String onLockfailure() {
        return onLockfailure;
    }

    /** Unknown top-level elements that parsing dropped, by name. */
    public List<String> unknownElements() {
        return unknownElements;
    }

    /** The on_poweroff action. */
    public String onPoweroff() {
        return onPoweroff;
    }

    /** The on_reboot action. */
    public String onReboot() {
        return onReboot;
    }

    /** The on_crash action. */
    public String onCrash() {
        return onCrash;
    }

    /** Elements the model does not know, kept verbatim and written after the devices. */
    public List<Element> extra() {
        return extra;
    }

    // package-private mutators used by DomainXml's post-parse
    Vcpu vcpuElement() {
        return vcpu;
    }

    void vcpuElement(Vcpu v) {
        vcpu = v;
    }

    Memory memoryElement() {
        return memory;
    }

    Memory currentMemoryElement() {
        return currentMemory;
    }

    void currentMemoryElement(Memory m) {
        currentMemory = m;
    }

    void clock(ClockDef c) {
        clock = c;
    }

    void genid(String g) {
        genid = g;
    }

    void vcpusElement(List<VcpuDef> v) {
        vcpus = v;
    }

    List<VcpuDef> vcpusElement() {
        return vcpus;
    }

    String rawIothreads() {
        return iothreads;
    }

    void rawIothreads(String n) {
        iothreads = n;
    }

    List<IOThreadDef> iothreadidsElement() {
        return iothreadids;
    }

    void iothreadidsElement(List<IOThreadDef> l) {
        iothreadids = l;
    }

    void defaultIOThread(IOThreadDef d) {
        defaultiothread = d;
    }

    void blkiotune(BlkioTuneDef b) {
        blkiotune = b;
    }

    void cputune(CpuTuneDef c) {
        cputune = c;
    }

    void numatune(NumaTuneDef n) {
        numatune = n;
    }

    void pm(PmDef p) {
        pm = p;
    }

    void perf(PerfDef p) {
        perf = p;
    }

    MemoryBackingDef memoryBackingElement() {
        return memoryBacking;
    }

    void lifecycle(String poweroff, String reboot, String crash) {
        onPoweroff = poweroff;
        onReboot = reboot;
        onCrash = crash;
    }

    void devices(DevicesDef d) {
        devices = d;
    }

    String rawType() {
        return type;
    }

    String rawId() {
        return id;
    }

    void rawId(String i) {
        id = i;
    }
}
