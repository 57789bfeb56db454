package org.jvirt.conf;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Parse, validate and format libvirt domain XML. Parsing applies libvirt's generic defaults
 * ({@code virDomainDefParse} + post-parse): a random v4 UUID when none is given, memory in KiB,
 * {@code currentMemory} capped at {@code memory}, {@code <vcpu placement='static'>}, a boot device
 * for HVM guests without kernel, {@code <clock offset='utc'/>} and the lifecycle actions.
 * Errors carry libvirt's codes and messages.
 */
public final class DomainXml {
    private static final Set<String> NEVER_SELF_CLOSE = Set.of("/domain/devices");
    private static final Set<String> DOMAIN_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
            "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz");
    private static final Set<String> OS_TYPES = Set.of("hvm", "xen", "linux", "exe", "uml", "xenpvh");
    private static final Set<String> ACTIONS = Set.of("destroy", "restart", "rename-restart", "preserve");
    private static final Set<String> CRASH_ACTIONS = Set.of("destroy", "restart", "rename-restart", "preserve",
            "coredump-destroy", "coredump-restart");

    private DomainXml() {
    }

    /**
     * Parses and validates domain XML.
     *
     * @param xml the document
     * @return the definition with libvirt's defaults applied
     * @throws VirtException with libvirt's code on malformed or invalid XML
     */
    public static DomainDef parse(String xml) {
        DomainDef d = SafeXml.unmarshal(xml, DomainDef.class, "domain", "domain_definition", ErrorDomain.DOMAIN);
        postParse(d);
        return d;
    }

    /**
     * Formats a definition as libvirt's canonical text.
     *
     * @param def the definition
     * @param flags {@link DomainXmlFlag#INACTIVE} omits the id, {@link DomainXmlFlag#SECURE} keeps passwords
     * @return the XML, ending in a newline
     */
    public static String format(DomainDef def, Set<DomainXmlFlag> flags) {
        DomainDef d = def;
        if (flags.contains(DomainXmlFlag.INACTIVE) && def.rawId() != null) {
            d = def.shallow();
            d.rawId(null);
        }
        return XmlFormat.format(d, DomainDef.class, "domain", NEVER_SELF_CLOSE,
                flags.contains(DomainXmlFlag.SECURE), 0);
    }

    /** Formats with no flags. */
    public static String format(DomainDef def) {
        return format(def, EnumSet.noneOf(DomainXmlFlag.class));
    }

    static void formatInto(StringBuilder out, DomainDef def, boolean secure, int indent) {
        XmlFormat.formatInto(out, def, DomainDef.class, "domain",
                Set.of("/domain/devices"), secure, indent);
    }

    static DomainDef reparse(DomainDef def) {
        return parse(format(def, EnumSet.of(DomainXmlFlag.SECURE)));
    }

    /**
     * Parses one device element ({@code <disk>} or {@code <interface>}) as given to attach/detach.
     *
     * @param xml the device XML
     * @return a {@link DomainDef.Disk} or {@link DomainDef.Interface}
     */
    public static Object parseDevice(String xml) {
        String root = rootName(xml);
        switch (root) {
            case "disk" -> {
                DomainDef.Disk disk = SafeXml.unmarshal(xml, DomainDef.Disk.class, "disk", "device_definition",
                        ErrorDomain.DOMAIN);
                checkDisk(disk);
                return disk;
            }
            case "interface" -> {
                return SafeXml.unmarshal(xml, DomainDef.Interface.class, "interface", "device_definition",
                        ErrorDomain.DOMAIN);
            }
            default -> throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "unknown device type '" + root + "'");
        }
    }

    private static String rootName(String xml) {
        if (xml == null) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "xml must not be NULL");
        }
        int i = 0;
        while (true) {
            i = xml.indexOf('<', i);
            if (i < 0 || i + 1 >= xml.length()) {
                return "";
            }
            char c = xml.charAt(i + 1);
            if (c != '?' && c != '!') {
                int end = i + 1;
                while (end < xml.length() && !Character.isWhitespace(xml.charAt(end)) && xml.charAt(end) != '>'
                        && xml.charAt(end) != '/') {
                    end++;
                }
                return xml.substring(i + 1, end);
            }
            i++;
        }
    }

    private static void postParse(DomainDef d) {
        String type = d.rawType();
        if (type == null) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "missing domain type attribute");
        }
        if (!DOMAIN_TYPES.contains(type)) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, "invalid domain type " + type);
        }
        if (d.rawId() != null) {
            try {
                Integer.parseInt(d.rawId().trim());
            } catch (NumberFormatException e) {
                d.rawId(null);
            }
        }
        String name = d.name();
        if (name == null || name.trim().isEmpty()) {
            throw VirtException.of(ErrorCode.NO_NAME, ErrorDomain.DOMAIN, null);
        }
        if (name.indexOf('/') >= 0) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "name " + name + " cannot contain '/'");
        }
        d.uuidText(parseUuid(d.rawUuid(), ErrorDomain.DOMAIN));

        // memory
        DomainDef.Memory mem = d.memoryElement();
        long memKiB = mem == null ? 0 : Units.toKiB(mem.value(), mem.unit(), "./memory[1]");
        if (memKiB == 0) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "Memory size must be specified via <memory> or in the <numa> configuration");
        }
        DomainDef.Memory maxMem = d.maxMemory();
        if (maxMem != null) {
            long kib = Units.toKiB(maxMem.value(), maxMem.unit(), "./maxMemory[1]");
            maxMem.setKiB(kib);
        }
        DomainDef.Memory cur = d.currentMemoryElement();
        long curKiB = cur == null ? memKiB : Units.toKiB(cur.value(), cur.unit(), "./currentMemory[1]");
        if (curKiB == 0 || curKiB > memKiB) {
            curKiB = memKiB;
        }
        mem.setKiB(memKiB);
        d.currentMemoryElement(new DomainDef.Memory(curKiB));

        // vcpu
        DomainDef.Vcpu v = d.vcpuElement();
        int max = 1;
        int current;
        if (v == null) {
            v = new DomainDef.Vcpu();
            d.vcpuElement(v);
            current = 1;
        } else {
            max = parseCount(v.rawValue(), "maximum vcpus count must be an integer");
            current = v.rawCurrent() == null ? max : parseCount(v.rawCurrent(), "current vcpus count must be an integer");
            if (max == 0) {
                throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                        "CPU IDs in <numa> exceed the <vcpu> count");
            }
            if (current == 0) {
                current = max;
            }
            if (current > max) {
                throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                        "maximum vCPU count must not be less than current vCPU count");
            }
        }
        if (v.placement() == null) {
            v.placement("static");
        }
        v.set(max, current);

        // os
        DomainDef.Os os = d.os();
        if (os == null || os.type() == null || os.type().value() == null || os.type().value().isEmpty()) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "an os <type> must be specified");
        }
        String osType = os.type().value();
        if (!OS_TYPES.contains(osType)) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "unknown OS type '" + osType + "'");
        }
        if (osType.equals("hvm") && os.boot().isEmpty() && os.kernel() == null) {
            os.boot().add(new Generic().attr("dev", "hd"));
        }

        // clock and lifecycle
        if (d.clock() == null) {
            d.clock(new Generic().attr("offset", "utc"));
        }
        d.lifecycle(action("on_poweroff", d.onPoweroff(), "destroy", ACTIONS),
                action("on_reboot", d.onReboot(), "restart", ACTIONS),
                action("on_crash", d.onCrash(), "destroy", CRASH_ACTIONS));

        // devices
        if (d.devices() == null) {
            d.devices(new DomainDef.Devices());
        }
        for (DomainDef.Disk disk : d.devices().disks()) {
            checkDisk(disk);
        }
    }

    private static void checkDisk(DomainDef.Disk disk) {
        if (disk.targetDev() == null) {
            String src = disk.sourcePath();
            throw VirtException.of(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN, "device " + (src == null ? "" : src));
        }
        if (disk.device() == null) {
            disk.device("disk");
        }
        if (disk.target().attr("bus") == null) {
            String dev = disk.targetDev();
            String bus = dev.startsWith("hd") ? "ide" : dev.startsWith("sd") ? "scsi" : dev.startsWith("vd")
                    ? "virtio" : dev.startsWith("xvd") ? "xen" : dev.startsWith("ub") ? "usb"
                    : dev.startsWith("fd") ? "fdc" : null;
            if (bus != null) {
                disk.target().attr("bus", bus);
            }
        }
    }

    private static String action(String what, String given, String dflt, Set<String> allowed) {
        if (given == null) {
            return dflt;
        }
        String g = given.trim();
        if (!allowed.contains(g)) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "unknown " + what + " action: " + g);
        }
        return g;
    }

    private static int parseCount(String s, String message) {
        try {
            int n = Integer.parseInt(s == null ? "" : s.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, message);
        }
    }

    /**
     * Validates a UUID as libvirt's {@code virUUIDParse} (hex digits, dashes anywhere, surrounding
     * blanks) or generates a random v4 one when absent.
     *
     * @param raw the text, may be {@code null}
     * @param domain the error domain
     * @return the canonical lower-case form
     */
    static String parseUuid(String raw, ErrorDomain domain) {
        if (raw == null) {
            return UUID.randomUUID().toString();
        }
        String hex = raw.trim().replace("-", "").toLowerCase(java.util.Locale.ROOT);
        if (hex.length() != 32 || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, domain, "malformed uuid element");
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
