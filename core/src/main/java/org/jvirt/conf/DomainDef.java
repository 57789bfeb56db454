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
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * libvirt's domain XML ({@code <domain>}), bound with JAXB.
 *
 * <p>Design: the elements the drivers use are typed (name, uuid, memory, vcpu, os, devices with
 * disks and interfaces); every other element libvirt knows is a named {@link Generic} field in
 * libvirt's output position, kept verbatim; anything else lands in {@link #extra()} and is written
 * after the devices. Field order ({@code propOrder}) is libvirt's formatting order. Values are kept as
 * the strings written and validated by {@link DomainXml#parse}, which also applies libvirt's
 * defaults (UUID, currentMemory, vcpu placement, boot device, clock, lifecycle actions, ...).
 * Instances are mutable and not thread-safe; drivers copy them with {@link #copy()}.
 */
@XmlRootElement(name = "domain")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "uuid", "genid", "title", "description", "metadata", "maxMemory", "memory",
    "currentMemory", "blkiotune", "memtune", "memoryBacking", "vcpu", "vcpus", "iothreads", "iothreadids",
    "cputune", "numatune", "resource", "sysinfo", "bootloader", "bootloaderArgs", "os", "idmap", "features",
    "cpu", "clock", "onPoweroff", "onReboot", "onCrash", "onLockfailure", "pm", "perf", "devices", "seclabel",
    "keywrap", "launchSecurity", "extra"})
public class DomainDef implements Cloneable {
    @XmlAttribute private String type;
    @XmlAttribute private String id;

    private String name;
    private String uuid;
    private Generic genid;
    private String title;
    private String description;
    private Generic metadata;
    private Memory maxMemory;
    private Memory memory;
    private Memory currentMemory;
    private Generic blkiotune;
    private Generic memtune;
    private Generic memoryBacking;
    private Vcpu vcpu;
    private Generic vcpus;
    private Generic iothreads;
    private Generic iothreadids;
    private Generic cputune;
    private Generic numatune;
    private Generic resource;
    private List<Generic> sysinfo = new ArrayList<>();
    private String bootloader;
    @XmlElement(name = "bootloader_args") private String bootloaderArgs;
    private Os os;
    private Generic idmap;
    private Generic features;
    private Generic cpu;
    private Generic clock;
    @XmlElement(name = "on_poweroff") private String onPoweroff;
    @XmlElement(name = "on_reboot") private String onReboot;
    @XmlElement(name = "on_crash") private String onCrash;
    @XmlElement(name = "on_lockfailure") private String onLockfailure;
    private Generic pm;
    private Generic perf;
    private Devices devices;
    private List<Generic> seclabel = new ArrayList<>();
    private Generic keywrap;
    private Generic launchSecurity;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** A memory size with its unit, as written; normalised to KiB by parsing. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Memory {
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
    public static class Vcpu {
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

    /** {@code <os>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"type", "firmware", "loader", "nvram", "init", "initarg", "kernel", "initrd", "cmdline",
        "dtb", "boot", "bootmenu", "smbios", "bios", "extra"})
    public static class Os {
        @XmlAttribute(name = "firmware") private String firmwareAttr;
        private OsType type;
        private Generic firmware;
        private Generic loader;
        private Generic nvram;
        private String init;
        private List<String> initarg = new ArrayList<>();
        private String kernel;
        private String initrd;
        private String cmdline;
        private String dtb;
        private List<Generic> boot = new ArrayList<>();
        private Generic bootmenu;
        private Generic smbios;
        private Generic bios;
        @XmlAnyElement private List<Element> extra = new ArrayList<>();

        /** The {@code <type>} element. */
        public OsType type() {
            return type;
        }

        /** The boot devices. */
        public List<Generic> boot() {
            return boot;
        }

        /** The kernel path, if any. */
        public String kernel() {
            return kernel;
        }

        /** The loader, if any. */
        public Generic loader() {
            return loader;
        }

        /** The NVRAM element, if any. */
        public Generic nvram() {
            return nvram;
        }
    }

    /** {@code <type arch= machine=>hvm</type>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class OsType {
        @XmlAttribute private String arch;
        @XmlAttribute private String machine;
        @XmlValue private String value;

        /** The architecture. */
        public String arch() {
            return arch;
        }

        /** Sets the architecture. */
        public void arch(String a) {
            arch = a;
        }

        /** The machine type. */
        public String machine() {
            return machine;
        }

        /** The OS type, e.g. hvm. */
        public String value() {
            return value == null ? null : value.trim();
        }
    }

    /** {@code <devices>}: typed lists in libvirt's output order. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"emulator", "disk", "controller", "lease", "filesystem", "iface", "smartcard", "serial",
        "parallel", "console", "channel", "input", "tpm", "graphics", "sound", "audio", "video", "hostdev",
        "redirdev", "redirfilter", "hub", "watchdog", "memballoon", "rng", "panic", "shmem", "memory", "iommu",
        "vsock", "extra"})
    public static class Devices {
        private String emulator;
        private List<Disk> disk = new ArrayList<>();
        private List<Generic> controller = new ArrayList<>();
        private List<Generic> lease = new ArrayList<>();
        private List<Generic> filesystem = new ArrayList<>();
        @XmlElement(name = "interface") private List<Interface> iface = new ArrayList<>();
        private List<Generic> smartcard = new ArrayList<>();
        private List<Generic> serial = new ArrayList<>();
        private List<Generic> parallel = new ArrayList<>();
        private List<Generic> console = new ArrayList<>();
        private List<Generic> channel = new ArrayList<>();
        private List<Generic> input = new ArrayList<>();
        private List<Generic> tpm = new ArrayList<>();
        private List<Generic> graphics = new ArrayList<>();
        private List<Generic> sound = new ArrayList<>();
        private List<Generic> audio = new ArrayList<>();
        private List<Generic> video = new ArrayList<>();
        private List<Generic> hostdev = new ArrayList<>();
        private List<Generic> redirdev = new ArrayList<>();
        private Generic redirfilter;
        private List<Generic> hub = new ArrayList<>();
        private Generic watchdog;
        private Generic memballoon;
        private List<Generic> rng = new ArrayList<>();
        private List<Generic> panic = new ArrayList<>();
        private List<Generic> shmem = new ArrayList<>();
        private List<Generic> memory = new ArrayList<>();
        private Generic iommu;
        private Generic vsock;
        @XmlAnyElement private List<Element> extra = new ArrayList<>();

        /** The disks (live list). */
        public List<Disk> disks() {
            return disk;
        }

        /** The network interfaces (live list). */
        public List<Interface> interfaces() {
            return iface;
        }

        /** The controllers (live list). */
        public List<Generic> controllers() {
            return controller;
        }

        /** The graphics devices (live list). */
        public List<Generic> graphics() {
            return graphics;
        }

        /** The memory balloon, if any. */
        public Generic memballoon() {
            return memballoon;
        }
    }

    /** {@code <disk>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"driver", "source", "backingStore", "target", "iotune", "boot", "readonly", "shareable",
        "transientDisk", "serial", "wwn", "vendor", "product", "encryption", "alias", "address", "extra"})
    public static class Disk {
        @XmlAttribute private String type;
        @XmlAttribute private String device;
        @XmlAttribute private String model;
        @XmlAttribute private String snapshot;
        private Generic driver;
        private Generic source;
        private Generic backingStore;
        private Generic target;
        private Generic iotune;
        private Generic boot;
        private Generic readonly;
        private Generic shareable;
        @XmlElement(name = "transient") private Generic transientDisk;
        private String serial;
        private String wwn;
        private String vendor;
        private String product;
        private Generic encryption;
        private Generic alias;
        private Generic address;
        @XmlAnyElement private List<Element> extra = new ArrayList<>();

        /** The disk type (file, block, ...). */
        public String type() {
            return type;
        }

        /** The device kind (disk, cdrom, ...). */
        public String device() {
            return device;
        }

        void device(String d) {
            device = d;
        }

        /** The {@code <source>} element, if any. */
        public Generic source() {
            return source;
        }

        /** The {@code <target>} element, if any. */
        public Generic target() {
            return target;
        }

        /** The target device name, e.g. {@code vda}. */
        public String targetDev() {
            return target == null ? null : target.attr("dev");
        }

        /** The source file, device, dir, volume or name, whichever is given. */
        public String sourcePath() {
            if (source == null) {
                return null;
            }
            for (String a : new String[] {"file", "dev", "dir", "volume", "name"}) {
                if (source.attr(a) != null) {
                    return source.attr(a);
                }
            }
            return null;
        }
    }

    /** {@code <interface>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(propOrder = {"mac", "source", "virtualport", "ip", "route", "script", "target", "guest", "model",
        "driver", "backend", "filterref", "tune", "link", "mtu", "boot", "rom", "alias", "address", "extra"})
    public static class Interface {
        @XmlAttribute private String type;
        private Generic mac;
        private Generic source;
        private Generic virtualport;
        private List<Generic> ip = new ArrayList<>();
        private List<Generic> route = new ArrayList<>();
        private Generic script;
        private Generic target;
        private Generic guest;
        private Generic model;
        private Generic driver;
        private Generic backend;
        private Generic filterref;
        private Generic tune;
        private Generic link;
        private Generic mtu;
        private Generic boot;
        private Generic rom;
        private Generic alias;
        private Generic address;
        @XmlAnyElement private List<Element> extra = new ArrayList<>();

        /** The interface type (network, bridge, ...). */
        public String type() {
            return type;
        }

        /** The MAC address, if given. */
        public String macAddress() {
            return mac == null ? null : mac.attr("address");
        }

        /** Sets the MAC address. */
        public void macAddress(String address) {
            if (mac == null) {
                mac = new Generic();
            }
            mac.attr("address", address);
        }

        /** The target device name, if given. */
        public String targetDev() {
            return target == null ? null : target.attr("dev");
        }

        /** Sets the target device name. */
        public void targetDev(String dev) {
            if (target == null) {
                target = new Generic();
            }
            target.attr("dev", dev);
        }

        /** The {@code <source>} element, if any. */
        public Generic source() {
            return source;
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
    public Os os() {
        return os;
    }

    /** The OS type, e.g. {@code hvm}. */
    public String osType() {
        return os == null || os.type == null ? null : os.type.value();
    }

    /** The devices (never {@code null} after parsing). */
    public Devices devices() {
        return devices;
    }

    /** The {@code <features>} element, if any. */
    public Generic features() {
        return features;
    }

    /** The {@code <cpu>} element, if any. */
    public Generic cpu() {
        return cpu;
    }

    /** The {@code <clock>} element. */
    public Generic clock() {
        return clock;
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

    void clock(Generic c) {
        clock = c;
    }

    void lifecycle(String poweroff, String reboot, String crash) {
        onPoweroff = poweroff;
        onReboot = reboot;
        onCrash = crash;
    }

    void devices(Devices d) {
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
