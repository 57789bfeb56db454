package org.jvirt.conf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Device-level validation with libvirt's error codes and messages ({@code virDomainDeviceDefParse},
 * {@code virDomainDeviceDefValidate} and the address checks): enum values, NVMe sources, virtio-mem
 * sizes, memballoon statistics period, MAC addresses, PCI address ranges, duplicate disk targets and
 * duplicate PCI/drive addresses. It only reads the definition.
 */
final class DeviceValidator {
    /** Transparent huge page size of x86_64 hosts, virtio-mem's minimum block size (KiB). */
    static final long THP_KIB = 2048;

    private static final Set<String> DISK_TYPES = Set.of("file", "block", "dir", "network", "volume", "nvme",
            "vhostuser");
    private static final Set<String> DISK_DEVICES = Set.of("disk", "cdrom", "floppy", "lun");
    private static final Set<String> DISK_BUSES = Set.of("none", "ide", "fdc", "scsi", "virtio", "xen", "usb", "uml",
            "sata", "sd");
    private static final Set<String> BALLOON_MODELS = Set.of("virtio", "xen", "none", "virtio-transitional",
            "virtio-non-transitional");
    private static final Set<String> MEMORY_MODELS = Set.of("dimm", "nvdimm", "virtio-pmem", "virtio-mem",
            "sgx-epc");

    private DeviceValidator() {
    }

    static void validate(DomainDef d) {
        DevicesDef dev = d.devices();
        Map<String, DiskDef> targets = new HashMap<>();
        Map<String, DiskDef> drives = new HashMap<>();
        for (DiskDef disk : dev.disks()) {
            DiskDef other = targets.putIfAbsent(disk.targetDev(), disk);
            if (other != null) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "target '" + disk.targetDev()
                        + "' duplicated for disk sources '" + nullStr(other.sourcePath()) + "' and '"
                        + nullStr(disk.sourcePath()) + "'");
            }
            DeviceAddress a = disk.address();
            if (a != null && "drive".equals(a.type())) {
                String key = "controller='" + n(a.controller()) + "' bus='" + n(a.bus()) + "' target='"
                        + n(a.target()) + "' unit='" + n(a.unit()) + "'";
                if (drives.putIfAbsent(key, disk) != null) {
                    throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                            "Found duplicate drive address for disk with target name '" + disk.targetDev() + "' "
                                    + key);
                }
            }
        }
        for (ControllerDef c : dev.controllers()) {
            nonNegative(c.index(), "index", "controller");
        }
        for (InterfaceDef nic : dev.interfaces()) {
            checkMac(nic.macAddress());
        }
        MemballoonDef b = dev.memballoon();
        if (b != null) {
            enumValue(b.model(), BALLOON_MODELS, "model", "memballoon");
            if (b.stats() != null && b.stats().period() != null && !isInt(b.stats().period())) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute 'period' "
                        + "in element 'stats': '" + b.stats().period() + "'. Expected integer value");
            }
        }
        int cells = -1;
        for (MemoryDeviceDef m : dev.memoryDevices()) {
            checkMemory(m);
            String node = m.target() == null ? null : m.target().node();
            if (node != null) {
                if (cells < 0) {
                    cells = DeviceRules.numaCells(d);
                }
                checkNode(node, cells);
            }
        }
        java.util.Set<List<Long>> pci = new java.util.HashSet<>();
        for (DeviceAddress a : addresses(dev)) {
            checkPci(a);
            if (a != null && "pci".equals(a.type()) && a.slot() != null) {
                long dom = num(a.domain());
                long bus = num(a.bus());
                long slot = num(a.slot());
                long fn = num(a.function());
                if (!pci.add(List.of(dom, bus, slot, fn))) {
                    // the message only on the error path (String.format is costly per device)
                    throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                            "Attempted double use of PCI Address "
                                    + String.format("%04x:%02x:%02x.%x", dom, bus, slot, fn));
                }
            }
        }
    }

    /** Checks one disk on its own (also for attach/detach). */
    static void checkDisk(DiskDef disk) {
        enumValue(disk.type(), DISK_TYPES, "type", "disk");
        enumValue(disk.device(), DISK_DEVICES, "device", "disk");
        enumValue(disk.target().bus(), DISK_BUSES, "bus", "target");
        DiskSourceDef s = disk.source();
        if ("nvme".equals(disk.type()) && s != null) {
            if (!"pci".equals(s.type())) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "unsupported source type '" + nullStr(s.type()) + "'");
            }
            if (s.namespace() == null) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "missing 'namespace' attribute to disk source");
            }
            if (!s.namespace().trim().chars().allMatch(Character::isDigit) || s.namespace().isBlank()) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                        "malformed namespace '" + s.namespace() + "'");
            }
            if (s.address() == null) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "NVMe disk source is missing address");
            }
            checkPci(s.address());
            if (Long.parseLong(s.namespace().trim()) == 0) {
                throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "NVMe namespace can't be zero");
            }
        }
        checkPci(disk.address());
    }

    private static void checkMemory(MemoryDeviceDef m) {
        enumValue(m.model(), MEMORY_MODELS, "model", "memory");
        if (!"virtio-mem".equals(m.model()) || m.target() == null) {
            return;
        }
        MemoryTargetDef t = m.target();
        long size = DeviceRules.kib(t.size());
        long block = DeviceRules.kib(t.block());
        long requested = DeviceRules.kib(t.requested());
        if (requested > size) {
            throw detail("requested size must be smaller than or equal to @size (" + size + "KiB)");
        }
        if (block <= 0 || Long.bitCount(block) != 1) {
            throw detail("block size must be a power of two");
        }
        if (block < THP_KIB) {
            throw detail("block size too small, must be at least " + THP_KIB + "KiB");
        }
        if (requested >= 0 && requested % block != 0) {
            throw detail("requested size must be an integer multiple of block size");
        }
        if (m.address() != null && m.address().type() != null && !"pci".equals(m.address().type())) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "only 'pci' addresses are supported for the virtio-mem device, not '" + m.address().type() + "'");
        }
    }

    private static void checkNode(String node, int cells) {
        long n;
        try {
            n = Long.parseLong(node.trim());
        } catch (NumberFormatException e) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "Invalid value '" + node.trim() + "' for element or attribute './node'");
        }
        if (cells == 0) {
            throw detail("can't add memory backend as guest has no NUMA nodes configured");
        }
        if (n < 0 || n >= cells) {
            throw detail("can't add memory backend for guest node '" + n + "' as the guest has only '" + cells
                    + "' NUMA nodes configured");
        }
    }

    /** libvirt's {@code virPCIDeviceAddressIsValid} with error reporting. */
    static void checkPci(DeviceAddress a) {
        if (a == null || a.type() != null && !"pci".equals(a.type())) {
            return;
        }
        if (a.domain() != null && num(a.domain()) > 0xFFFF) {
            throw pciRange("domain='" + a.domain() + "', must be <= 0xFFFF");
        }
        if (a.bus() != null && num(a.bus()) > 0xFF) {
            throw pciRange("bus='" + a.bus() + "', must be <= 0xFF");
        }
        if (a.slot() != null && num(a.slot()) > 0x1F) {
            throw pciRange("slot='" + a.slot() + "', must be <= 0x1F");
        }
        if (a.function() != null && num(a.function()) > 7) {
            throw pciRange("function=" + a.function() + ", must be <= 7");
        }
    }

    private static VirtException pciRange(String what) {
        return VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.NONE, "Invalid PCI address " + what);
    }

    /** A MAC address must be six hex octets and unicast ({@code virMacAddrParse}). */
    static void checkMac(String mac) {
        if (mac == null) {
            return;
        }
        String[] p = mac.split(":", -1);
        boolean ok = p.length == 6;
        int first = 0;
        for (int i = 0; ok && i < 6; i++) {
            ok = p[i].length() >= 1 && p[i].length() <= 2 && p[i].chars().allMatch(c -> Character.digit(c, 16) >= 0);
            if (ok && i == 0) {
                first = Integer.parseInt(p[0], 16);
            }
        }
        if (!ok) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "unable to parse mac address '" + mac + "'");
        }
        if ((first & 1) != 0) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "expected unicast mac address, found multicast '" + mac + "'");
        }
    }

    private static List<DeviceAddress> addresses(DevicesDef dev) {
        List<DeviceAddress> out = new ArrayList<>();
        dev.disks().forEach(x -> out.add(x.address()));
        dev.controllers().forEach(x -> out.add(x.address()));
        dev.filesystems().forEach(x -> out.add(x.address()));
        dev.interfaces().forEach(x -> out.add(x.address()));
        dev.smartcards().forEach(x -> out.add(x.address()));
        for (List<ChrDef> l : List.of(dev.serials(), dev.parallels(), dev.consoles(), dev.channels())) {
            l.forEach(x -> out.add(x.address()));
        }
        dev.inputs().forEach(x -> out.add(x.address()));
        dev.tpms().forEach(x -> out.add(x.address()));
        dev.sounds().forEach(x -> out.add(x.address()));
        dev.videos().forEach(x -> out.add(x.address()));
        dev.hostdevs().forEach(x -> out.add(x.address()));
        dev.redirdevs().forEach(x -> out.add(x.address()));
        dev.hubs().forEach(x -> out.add(x.address()));
        dev.watchdogs().forEach(x -> out.add(x.address()));
        if (dev.memballoon() != null) {
            out.add(dev.memballoon().address());
        }
        dev.rngs().forEach(x -> out.add(x.address()));
        dev.panics().forEach(x -> out.add(x.address()));
        dev.shmems().forEach(x -> out.add(x.address()));
        dev.memoryDevices().forEach(x -> out.add(x.address()));
        if (dev.iommu() != null) {
            out.add(dev.iommu().address());
        }
        if (dev.vsock() != null) {
            out.add(dev.vsock().address());
        }
        dev.cryptos().forEach(x -> out.add(x.address()));
        out.removeIf(a -> a == null);
        return out;
    }

    private static void enumValue(String v, Set<String> allowed, String attr, String element) {
        if (v != null && !allowed.contains(v)) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute '" + attr
                    + "' in element '" + element + "': '" + v + "'.");
        }
    }

    private static void nonNegative(String v, String attr, String element) {
        if (v == null) {
            return;
        }
        try {
            if (Long.parseLong(v.trim()) >= 0) {
                return;
            }
        } catch (NumberFormatException e) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute '" + attr
                    + "' in element '" + element + "': '" + v + "'. Expected integer value");
        }
        throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute '" + attr
                + "' in element '" + element + "': '" + v + "'. Expected non-negative value");
    }

    private static boolean isInt(String v) {
        try {
            Integer.parseInt(v.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number as libvirt's {@code virStrToLong_uip} reads it (0x hex, leading 0 octal, else decimal). */
    static long num(String v) {
        if (v == null) {
            return 0;
        }
        String s = v.trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return Long.parseLong(s.substring(1), 8);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "Cannot parse <address> value '" + v + "'");
        }
    }

    private static String n(String v) {
        return v == null ? "0" : v;
    }

    private static String nullStr(String s) {
        return s == null ? "<null>" : s;
    }

    private static VirtException detail(String msg) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, msg);
    }
}
