package org.jvirt.conf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
    private static final Set<String> NEVER_SELF_CLOSE = Set.of("/domain/devices", "/domain/features/hyperv",
            "/domain/features/kvm", "/domain/features/xen");
    private static final Set<String> DOMAIN_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
            "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz");
    private static final Set<String> OS_TYPES = Set.of("hvm", "xen", "linux", "exe", "uml", "xenpvh");
    private static final Set<String> ACTIONS = Set.of("destroy", "restart", "rename-restart", "preserve");
    private static final Set<String> CRASH_ACTIONS = Set.of("destroy", "restart", "rename-restart", "preserve",
            "coredump-destroy", "coredump-restart");

    /** A per-device boot order ({@code <boot order=.../>} inside a device): then no {@code <os><boot>} default. */
    private static final java.util.regex.Pattern DEVICE_BOOT = java.util.regex.Pattern.compile("<boot\\s+order\\s*=");

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
        postParse(d, DEVICE_BOOT.matcher(xml).find());
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
        if (flags.contains(DomainXmlFlag.INACTIVE)) {
            if (def.cputune() != null && def.cputune().hasLive()) {
                d = reparse(def);
                d.cputune().stripLive();
            }
            if (d.rawId() != null) {
                d = d == def ? def.shallow() : d;
                d.rawId(null);
            }
        }
        return XmlFormat.format(d, DomainDef.class, "domain", NEVER_SELF_CLOSE,
                flags.contains(DomainXmlFlag.SECURE), 0);
    }

    /** Formats with no flags. */
    public static String format(DomainDef def) {
        return format(def, EnumSet.noneOf(DomainXmlFlag.class));
    }

    static void formatInto(StringBuilder out, DomainDef def, boolean secure, int indent) {
        XmlFormat.formatInto(out, def, DomainDef.class, "domain", NEVER_SELF_CLOSE, secure, indent);
    }

    static DomainDef reparse(DomainDef def) {
        return parse(format(def, EnumSet.of(DomainXmlFlag.SECURE)));
    }

    /**
     * Parses one device element ({@code <disk>} or {@code <interface>}) as given to attach/detach.
     *
     * @param xml the device XML
     * @return a {@link DiskDef} or {@link InterfaceDef}
     */
    public static Object parseDevice(String xml) {
        String root = rootName(xml);
        switch (root) {
            case "disk" -> {
                DiskDef disk = SafeXml.unmarshal(xml, DiskDef.class, "disk", "device_definition",
                        ErrorDomain.DOMAIN);
                DeviceRules.applyDisk(disk);
                return disk;
            }
            case "interface" -> {
                return SafeXml.unmarshal(xml, InterfaceDef.class, "interface", "device_definition",
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

    private static void postParse(DomainDef d, boolean deviceBoot) {
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

        if (d.genid() != null) {
            d.genid(parseUuid(d.genid().isBlank() ? null : d.genid(), ErrorDomain.DOMAIN));
        }
        dropUnknown(d);

        // vcpu (before everything that refers to vCPU ids)
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
        checkEnumAttr(v.placement(), "placement", "vcpu", "static", "auto");
        if (v.cpuset() != null) {
            String cs = CpuSet.canonical(v.cpuset(), "cpuset");
            v.cpuset(cs.isEmpty() ? null : cs);
        }
        v.set(max, current);
        List<VcpuDef> vcpus = d.vcpusElement();
        if (vcpus != null) {
            VcpuDef[] byId = new VcpuDef[max];
            for (VcpuDef x : vcpus) {
                x.normalise(max);
                byId[x.id()] = x;
            }
            List<VcpuDef> all = new ArrayList<>();
            for (int i = 0; i < max; i++) {
                if (byId[i] == null) {
                    throw xmlError("vcpu '" + i + "' is missing in <vcpus>");
                }
                all.add(byId[i]);
            }
            d.vcpusElement(all.isEmpty() ? null : all);
        }

        // cpu and NUMA (the memory total may come from the cells)
        CpuDef cpu = d.cpu();
        if (cpu != null) {
            cpu.normalise(max);
            if (cpu.isEmpty()) {
                d.cpu(null);
            }
        }
        long numaKiB = cpu == null ? 0 : cpu.numaMemoryKiB();

        // memory
        DomainDef.Memory mem = d.memoryElement();
        long memKiB = mem == null ? 0 : Units.toKiB(mem.value(), mem.unit(), "./memory[1]");
        if (memKiB == 0 && numaKiB > 0) {
            memKiB = numaKiB;
        }
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
        if (mem == null) {
            d.memoryKiB(memKiB);
        } else {
            mem.setKiB(memKiB);
        }
        d.currentMemoryElement(new DomainDef.Memory(curKiB));
        if (d.blkiotune() != null) {
            d.blkiotune().normalise();
            if (d.blkiotune().isEmpty()) {
                d.blkiotune(null);
            }
        }
        if (d.memtune() != null) {
            d.memtune().normalise();
        }
        if (d.memoryBacking() != null) {
            d.memoryBacking().normalise();
        }

        // iothreads
        iothreads(d);

        if (d.cputune() != null) {
            d.cputune().normalise(max, iothreadIdSet(d));
            if (d.cputune().isEmpty()) {
                d.cputune(null);
            }
        }
        if (d.numatune() != null) {
            if (d.numatune().memory() != null && d.numatune().memory().placement == null
                    && d.numatune().memory().nodeset == null && !"auto".equals(v.placement())) {
                d.numatune().memory().placement = "auto";
            }
            d.numatune().normalise(v.placement(), cpu == null ? 0 : cpu.cellCount());
            if (d.numatune().isEmpty()) {
                d.numatune(null);
            } else if (d.numatune().memory() != null && "auto".equals(d.numatune().memory().placement)) {
                v.placement("auto");
            }
        }
        if (d.resource() != null) {
            d.resource().normalise();
        }
        for (SysinfoDef si : d.sysinfo()) {
            si.normalise(d.rawUuid());
        }

        // os
        OsDef os = d.os();
        if (os == null || os.type() == null || os.type().value() == null || os.type().value().isEmpty()) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "an os <type> must be specified");
        }
        String osType = os.type().value();
        if (!OS_TYPES.contains(osType)) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "unknown OS type '" + osType + "'");
        }
        os.normalise(d.bootloader(), deviceBoot);
        if (d.idmap() != null) {
            d.idmap().normalise();
        }
        if (d.features() != null) {
            d.features().normalise();
        }

        // clock and lifecycle
        if (d.clock() == null) {
            d.clock(ClockDef.utc());
        }
        d.clock().normalise();
        d.lifecycle(action("on_poweroff", d.onPoweroff(), "destroy", ACTIONS),
                action("on_reboot", d.onReboot(), "restart", ACTIONS),
                action("on_crash", d.onCrash(), "destroy", CRASH_ACTIONS));
        if (d.onLockfailure() != null) {
            checkEnum(d.onLockfailure().trim(), "on_lockfailure action", "default", "poweroff", "restart", "pause",
                    "ignore");
        }
        if (d.pm() != null) {
            d.pm().normalise();
            if (d.pm().isEmpty()) {
                d.pm(null);
            }
        }
        if (d.perf() != null) {
            d.perf().normalise();
            if (d.perf().events().isEmpty()) {
                d.perf(null);
            }
        }
        d.seclabels().removeIf(sl -> sl.type() == null);
        for (SecLabelDef sl : d.seclabels()) {
            sl.normalise(true);
        }
        if (d.keywrap() != null) {
            d.keywrap().normalise();
            if (d.keywrap().ciphers().isEmpty()) {
                throw xmlError("keywrap must contain at least one cipher");
            }
        }
        if (d.launchSecurity() != null) {
            d.launchSecurity().normalise();
        }

        // devices
        if (d.devices() == null) {
            d.devices(new DevicesDef());
        }
        DeviceRules.apply(d);
    }

    private static java.util.Set<Integer> iothreadIdSet(DomainDef d) {
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (IOThreadDef t : d.iothreadIds()) {
            ids.add(t.id());
        }
        for (int i = 1; d.iothreadIds().isEmpty() && i <= d.iothreads(); i++) {
            ids.add(i);
        }
        return ids;
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

    private static void dropUnknown(DomainDef d) {
        d.unknownElements().clear();
        d.extra().removeIf(e -> {
            if (e.getNamespaceURI() == null || e.getNamespaceURI().isEmpty()) {
                d.unknownElements().add(e.getLocalName() == null ? e.getTagName() : e.getLocalName());
                return true;
            }
            return false;
        });
    }

    private static void iothreads(DomainDef d) {
        long count = 0;
        if (d.rawIothreads() != null) {
            count = parseUInt(d.rawIothreads(), "invalid iothreads count '" + d.rawIothreads().trim() + "'");
        }
        List<IOThreadDef> ids = d.iothreadidsElement() == null ? new ArrayList<>() : d.iothreadidsElement();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (IOThreadDef t : ids) {
            t.normalise(true);
            if (!seen.add(t.id())) {
                throw xmlError("duplicate iothread id '" + t.id() + "' found");
            }
        }
        if (count < ids.size()) {
            count = ids.size();
        }
        boolean anyExplicit = !ids.isEmpty();
        int next = 1;
        while (ids.size() < count) {
            while (seen.contains(next)) {
                next++;
            }
            IOThreadDef t = new IOThreadDef(next);
            t.autofill = true;
            seen.add(next);
            ids.add(t);
        }
        d.rawIothreads(count == 0 ? null : Long.toString(count));
        d.iothreadidsElement(anyExplicit ? ids : null);
        IOThreadDef def = d.defaultIOThread();
        if (def != null) {
            def.normalise(false);
            if (def.isEmpty()) {
                d.defaultIOThread(null);
            }
        }
    }

    // ---- helpers shared by the model classes: libvirt's messages and codes ----

    static VirtException xmlError(String msg) {
        return VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, msg);
    }

    /** libvirt's {@code VIR_ERR_XML_DETAIL}: the message alone, without a prefix. */
    static VirtException detail(String msg) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, msg);
    }

    static VirtException configUnsupported(String msg) {
        return VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN, msg);
    }

    static VirtException internalError(String msg) {
        return VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, msg);
    }

    /** An enumerated value outside an attribute (libvirt's "unknown X 'v'" / CONFIG_UNSUPPORTED). */
    static void checkEnum(String value, String what, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        throw configUnsupported("unknown " + what + " '" + value + "'");
    }

    /** An enumerated attribute, as libvirt's {@code virXMLPropEnum}. */
    static void checkEnumAttr(String value, String attr, String element, String... allowed) {
        if (value == null) {
            throw xmlError("Missing required attribute '" + attr + "' in element '" + element + "'");
        }
        for (String a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        throw xmlError("Invalid value for attribute '" + attr + "' in element '" + element + "': '" + value + "'.");
    }

    /** A non-negative integer (libvirt's unsigned parse, which refuses a sign). */
    static long parseUInt(String v, String message) {
        try {
            String t = v == null ? "" : v.trim();
            if (t.isEmpty() || t.charAt(0) == '-' || t.charAt(0) == '+') {
                throw new NumberFormatException();
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw xmlError(message);
        }
    }

    /** A yes/no attribute ({@code virXMLPropTristateBool}): {@code null} stays {@code null}. */
    static String yesNo(String v, String attr, String element) {
        if (v == null) {
            return null;
        }
        checkEnumAttr(v, attr, element, "yes", "no");
        return v;
    }

    /** An on/off attribute ({@code virXMLPropTristateSwitch}): {@code null} stays {@code null}. */
    static String onOff(String v, String attr, String element) {
        if (v == null) {
            return null;
        }
        checkEnumAttr(v, attr, element, "on", "off");
        return v;
    }

    /** A required on/off attribute. */
    static String onOffRequired(String v, String attr, String element) {
        if (v == null) {
            throw xmlError("Missing required attribute '" + attr + "' in element '" + element + "'");
        }
        return onOff(v, attr, element);
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
