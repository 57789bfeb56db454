package org.jvirt.driver.qemu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jvirt.driver.qemu.qmp.Json;

/**
 * What one QEMU binary can do, probed once through QMP ({@link CapsProbe}) and cached on disk.
 * The command builder decides from these facts, never from a version number. Immutable.
 *
 * @param binary the emulator path
 * @param arch the target architecture, e.g. {@code x86_64}
 * @param major QEMU's major version
 * @param minor minor version
 * @param micro micro version
 * @param pkg the package string, e.g. {@code Debian 1:7.2+dfsg-7+deb12u18+b3}
 * @param commands QMP commands
 * @param machines machine types in QEMU's order
 * @param cpuModels CPU model names
 * @param deviceTypes instantiable QOM types (devices, backends, ...)
 * @param deviceProps properties of the devices that matter (name → property → type)
 * @param migrationCaps migration capabilities, e.g. {@code postcopy-preempt}
 * @param cmdlineOptions command line options QEMU reports ({@code query-command-line-options})
 * @param kvmCompiled whether QEMU has KVM support compiled in ({@code query-kvm.present})
 */
public record QemuCaps(String binary, String arch, int major, int minor, int micro, String pkg,
                       Set<String> commands, List<Machine> machines, List<String> cpuModels,
                       Set<String> deviceTypes, Map<String, Map<String, String>> deviceProps,
                       Set<String> migrationCaps, Set<String> cmdlineOptions, boolean kvmCompiled) {

    /** Devices whose properties the probe lists. */
    static final List<String> PROBED_DEVICES = List.of("virtio-mem-pci", "virtio-balloon-pci", "virtio-blk-pci",
            "virtio-net-pci", "isa-serial", "ide-hd", "scsi-hd", "virtio-scsi-pci", "vfio-pci",
            "qxl-vga", "qxl", "virtio-gpu-pci", "virtio-rng-pci", "nvdimm", "pc-dimm", "virtio-pmem-pci",
            "pcie-root-port", "usb-redir", "intel-iommu", "virtio-iommu-pci", "vhost-vsock-pci", "tpm-tis");

    /** QOM objects (backends) whose properties the probe lists ({@code qom-list-properties}). */
    static final List<String> PROBED_OBJECTS = List.of("memory-backend-ram", "memory-backend-file",
            "memory-backend-memfd");

    /**
     * A machine type.
     *
     * @param name e.g. {@code pc-i440fx-7.2}
     * @param alias e.g. {@code pc}, or {@code null}
     * @param isDefault whether QEMU uses it when none is given
     * @param maxCpus its vCPU limit
     * @param deprecated whether QEMU marks it deprecated
     * @param numaMemSupported whether {@code -numa node,mem=} is still allowed (machine types before 5.1)
     * @param defaultRamId the id of its RAM backend ({@code pc.ram}), or {@code null}
     */
    public record Machine(String name, String alias, boolean isDefault, int maxCpus, boolean deprecated,
                          boolean numaMemSupported, String defaultRamId) {
        /** A machine without the NUMA and RAM facts (older cache entries, tests). */
        public Machine(String name, String alias, boolean isDefault, int maxCpus, boolean deprecated) {
            this(name, alias, isDefault, maxCpus, deprecated, false, null);
        }
    }

    /** Copies the collections. */
    public QemuCaps {
        commands = Set.copyOf(commands);
        machines = List.copyOf(machines);
        cpuModels = List.copyOf(cpuModels);
        deviceTypes = Set.copyOf(deviceTypes);
        Map<String, Map<String, String>> dp = new TreeMap<>();
        deviceProps.forEach((k, v) -> dp.put(k, Map.copyOf(v)));
        deviceProps = Map.copyOf(dp);
        migrationCaps = Set.copyOf(migrationCaps);
        cmdlineOptions = Set.copyOf(cmdlineOptions);
    }

    /** The version as {@code major.minor.micro}. */
    public String version() {
        return major + "." + minor + "." + micro;
    }

    /** The version as libvirt encodes it ({@code major * 1,000,000 + minor * 1,000 + micro}). */
    public long versionNumber() {
        return major * 1_000_000L + minor * 1_000L + micro;
    }

    /** Whether QMP has this command. */
    public boolean hasCommand(String name) {
        return commands.contains(name);
    }

    /** Whether this QOM type (device, backend) exists. */
    public boolean hasType(String name) {
        return deviceTypes.contains(name);
    }

    /** Whether the device or backend has the property (for {@link #PROBED_DEVICES} and {@link #PROBED_OBJECTS}). */
    public boolean deviceHasProperty(String device, String property) {
        return deviceProps.getOrDefault(device, Map.of()).containsKey(property);
    }

    /** Whether the migration capability exists, e.g. {@code postcopy-preempt}. */
    public boolean hasMigrationCapability(String name) {
        return migrationCaps.contains(name);
    }

    /** Whether the command line option exists, e.g. {@code sandbox}. */
    public boolean hasOption(String name) {
        return cmdlineOptions.contains(name);
    }

    /** The machine type QEMU picks by default. */
    public Optional<Machine> defaultMachine() {
        return machines.stream().filter(Machine::isDefault).findFirst();
    }

    /**
     * The canonical machine type for a name or alias ({@code pc} → {@code pc-i440fx-7.2}).
     *
     * @param nameOrAlias the name as written; {@code null} means the default
     * @return the machine, if QEMU has it
     */
    public Optional<Machine> machine(String nameOrAlias) {
        if (nameOrAlias == null) {
            return defaultMachine();
        }
        for (Machine m : machines) {
            if (nameOrAlias.equals(m.name())) {
                return Optional.of(m);
            }
        }
        for (Machine m : machines) {
            if (nameOrAlias.equals(m.alias())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    // ---- persistence as JSON ----

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binary", binary);
        m.put("arch", arch);
        m.put("version", List.of(major, minor, micro));
        m.put("package", pkg);
        m.put("commands", new TreeSet<>(commands));
        List<Object> ms = new ArrayList<>();
        for (Machine x : machines) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", x.name());
            mm.put("alias", x.alias());
            mm.put("default", x.isDefault());
            mm.put("cpu-max", x.maxCpus());
            mm.put("deprecated", x.deprecated());
            mm.put("numa-mem-supported", x.numaMemSupported());
            mm.put("default-ram-id", x.defaultRamId());
            ms.add(mm);
        }
        m.put("machines", ms);
        m.put("cpu-models", cpuModels);
        m.put("types", new TreeSet<>(deviceTypes));
        Map<String, Object> dp = new TreeMap<>();
        deviceProps.forEach((k, v) -> dp.put(k, new TreeMap<>(v)));
        m.put("device-props", dp);
        m.put("migration-caps", new TreeSet<>(migrationCaps));
        m.put("options", new TreeSet<>(cmdlineOptions));
        m.put("kvm-compiled", kvmCompiled);
        return m;
    }

    static QemuCaps fromJson(Map<String, Object> m) {
        List<Object> v = Json.list(m.get("version"));
        List<Machine> machines = new ArrayList<>();
        for (Object o : Json.list(m.get("machines"))) {
            Map<String, Object> mm = Json.obj(o);
            machines.add(new Machine(Json.str(mm, "name"), Json.str(mm, "alias"), Json.bool(mm, "default", false),
                    (int) Json.num(mm, "cpu-max", 1), Json.bool(mm, "deprecated", false),
                    Json.bool(mm, "numa-mem-supported", false), Json.str(mm, "default-ram-id")));
        }
        Map<String, Map<String, String>> dp = new TreeMap<>();
        Json.obj(m.get("device-props")).forEach((k, val) -> {
            Map<String, String> props = new TreeMap<>();
            Json.obj(val).forEach((pk, pv) -> props.put(pk, String.valueOf(pv)));
            dp.put(k, props);
        });
        return new QemuCaps(Json.str(m, "binary"), Json.str(m, "arch"), ((Number) v.get(0)).intValue(),
                ((Number) v.get(1)).intValue(), ((Number) v.get(2)).intValue(), Json.str(m, "package"),
                strings(m.get("commands")), machines, new ArrayList<>(strings(m.get("cpu-models"))),
                strings(m.get("types")), dp, strings(m.get("migration-caps")), strings(m.get("options")),
                Json.bool(m, "kvm-compiled", false));
    }

    private static Set<String> strings(Object list) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Object o : Json.list(list)) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
