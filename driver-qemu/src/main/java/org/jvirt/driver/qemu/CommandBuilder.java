package org.jvirt.driver.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.ChrDef;
import org.jvirt.conf.ChrSourceDef;
import org.jvirt.conf.ClockDef;
import org.jvirt.conf.ControllerDef;
import org.jvirt.conf.CpuDef;
import org.jvirt.conf.DeviceAddress;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.FeaturesDef;
import org.jvirt.conf.Generic;
import org.jvirt.conf.MemballoonDef;
import org.jvirt.conf.MemoryDeviceDef;
import org.jvirt.conf.NumaCell;
import org.jvirt.conf.OsDef;
import org.jvirt.conf.RngDef;
import org.jvirt.conf.Units;
import org.jvirt.conf.VideoDef;
import org.jvirt.conf.WatchdogDef;
import org.jvirt.driver.qemu.qmp.Json;
import org.w3c.dom.Element;

/**
 * Translates a {@link DomainDef} into QEMU's command line, section by section in libvirt's order
 * ({@code qemuBuildCommandLine}: name, -S, master key, machine, accel, cpu, memory, smp, NUMA and its
 * memory backends, uuid, display, defaults, monitor, rtc, shutdown, acpi, boot, iommu, controllers,
 * memory devices, disks, network, serials, consoles/channels, audio, video, watchdog, memballoon, rng,
 * vsock, sandbox, msg), with libvirt's ids, aliases and node names. Every choice that depends on QEMU
 * is made from {@link QemuCaps}, never from a version number. The definition must have been completed
 * by {@link QemuDomainDefaults} (machine canonical, controllers, addresses).
 */
final class CommandBuilder {
    /**
     * What the builder needs besides the definition.
     *
     * @param def the completed definition
     * @param caps the emulator's capabilities
     * @param accel {@code kvm} or {@code tcg}
     * @param monitorSocket the QMP socket
     * @param domainDir the domain's private directory (master key, other sockets)
     * @param toNative for {@code domxml-to-native}: interfaces as libvirt converts them there (tap by fd)
     */
    record Inputs(DomainDef def, QemuCaps caps, String accel, Path monitorSocket, Path domainDir, boolean toNative) {
        /** For a real start. */
        Inputs(DomainDef def, QemuCaps caps, String accel, Path monitorSocket, Path domainDir) {
            this(def, caps, accel, monitorSocket, domainDir, false);
        }
    }

    private final Inputs in;
    private final DomainDef def;
    private final QemuCaps caps;
    private final List<String> argv = new ArrayList<>();
    private final MemoryBackends mem;
    /** Boot order by device, from {@code <os><boot dev=.../>} or per-device {@code <boot order>}. */
    private final Map<Object, Integer> bootIndex = new java.util.IdentityHashMap<>();

    private CommandBuilder(Inputs in) {
        this.in = in;
        this.def = in.def();
        this.caps = in.caps();
        Path state = in.domainDir() == null || in.domainDir().getParent() == null ? Path.of("/var/lib/libvirt/qemu")
                : in.domainDir().getParent();
        this.mem = new MemoryBackends(def, caps, state.resolve("ram"));
    }

    /**
     * Builds the command line, emulator first.
     *
     * @param in the definition (completed by {@link QemuDomainDefaults}), capabilities, accelerator, paths
     * @return the argv
     * @throws VirtException {@link ErrorCode#CONFIG_UNSUPPORTED} for what this QEMU cannot do
     */
    static List<String> build(Inputs in) {
        return new CommandBuilder(in).run();
    }

    private List<String> run() {
        argv.add(def.devices().emulator());
        name();
        argv.add("-S");
        masterKey();
        machine();
        accel();
        cpu();
        memory();
        smp();
        numa();
        opt("-uuid", def.uuid().toString());
        if (def.devices().graphics().isEmpty()) {
            opt("-display", "none");
        }
        argv.add("-no-user-config");
        argv.add("-nodefaults");
        monitor();
        clock();
        argv.add("-no-shutdown");
        if (!(def.features() != null && def.features().acpi()) && isX86()) {
            argv.add("-no-acpi");
        }
        boot();
        assignBootIndexes();
        controllers();
        memoryDevices();
        new BlockBuilder(def, caps, argv, bootIndex).disks();
        new NetBuilder(def, caps, argv, bootIndex, in.toNative()).interfaces();
        serials();
        channelsAndConsoles();
        // -audiodev is parsed by QAPI, so query-command-line-options does not list it; every QEMU
        // jvirt supports (>= 4.2, as libvirt 9) has it, and libvirt 9 always emits this default
        opt("-audiodev", Json.write(ordered("id", "audio1", "driver", "none")));
        videos();
        watchdogs();
        memballoon();
        rngs();
        if (caps.hasOption("sandbox")) {
            opt("-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny");
        }
        if (caps.hasOption("msg")) {
            opt("-msg", "timestamp=on");
        }
        return List.copyOf(argv);
    }

    private void opt(String name, String value) {
        argv.add(name);
        argv.add(value);
    }

    private void device(Map<String, Object> props) {
        opt("-device", Json.write(props));
    }

    private void object(Map<String, Object> props) {
        opt("-object", Json.write(props));
    }

    private void name() {
        opt("-name", "guest=" + commaEscape(def.name()) + ",debug-threads=on");
    }

    private boolean isX86() {
        return "x86_64".equals(caps.arch()) || "i386".equals(caps.arch());
    }

    private void masterKey() {
        if (caps.hasType("secret") && in.domainDir() != null) {
            object(ordered("qom-type", "secret", "id", MasterKey.ID, "format", "raw", "file",
                    in.domainDir().resolve(MasterKey.FILE).toString()));
        }
    }

    private String machineName() {
        return def.os().type().machine();
    }

    private String ramId() {
        String id = caps.machine(machineName()).map(QemuCaps.Machine::defaultRamId).orElse(null);
        return id != null ? id : "pc.ram";
    }

    private boolean hasNuma() {
        return !def.numaCells().isEmpty();
    }

    private boolean machineRamBackend() {
        return caps.hasType("memory-backend-ram") && !hasNuma();
    }

    private void machine() {
        StringBuilder b = new StringBuilder(machineName());
        if (isX86()) {
            b.append(",usb=off");
        }
        FeaturesDef f = def.features();
        if (f != null && f.smm() != null) {
            b.append(",smm=").append(f.smm().on() ? "on" : "off");
        }
        b.append(",dump-guest-core=off");
        if (f != null && f.vmport() != null) {
            b.append(",vmport=").append(f.vmport().on() ? "on" : "off");
        }
        for (MemoryDeviceDef m : def.devices().memoryDevices()) {
            if ("nvdimm".equals(m.model())) {
                b.append(",nvdimm=on");
                break;
            }
        }
        if (machineRamBackend()) {
            b.append(",memory-backend=").append(ramId());
        }
        opt("-machine", b.toString());
    }

    private void accel() {
        StringBuilder b = new StringBuilder(in.accel());
        FeaturesDef f = def.features();
        if ("kvm".equals(in.accel()) && f != null && f.kvm() != null && f.kvm().dirtyRingSize() > 0) {
            b.append(",dirty-ring-size=").append(f.kvm().dirtyRingSize());
        }
        opt("-accel", b.toString());
    }

    private void cpu() {
        CpuDef c = def.cpu();
        String arch = def.os().type().arch();
        StringBuilder b = new StringBuilder();
        String mode = c == null ? null : c.mode();
        if ("host-passthrough".equals(mode) || "maximum".equals(mode)) {
            b.append("host-passthrough".equals(mode) ? "host" : "max");
        } else if (c != null && c.model() != null) {
            b.append(c.model());
        } else if (isX86()) {
            b.append("i686".equals(arch) ? "qemu32" : "qemu64");
        }
        if (c != null) {
            for (CpuDef.Feature feat : c.features()) {
                String p = feat.policy() == null ? "require" : feat.policy();
                boolean on = p.equals("require") || p.equals("force");
                b.append(',').append(feat.name()).append('=').append(on ? "on" : "off");
            }
        }
        FeaturesDef f = def.features();
        if (f != null && f.kvm() != null && b.length() > 0) {
            if (f.kvm().hidden()) {
                b.append(",kvm=off");
            }
            kvmFlags(b);
        }
        if (f != null && f.hyperv() != null && b.length() > 0) {
            hyperv(b, f.hyperv());
        }
        if (b.length() > 0) {
            opt("-cpu", b.toString());
        }
    }

    private void kvmFlags(StringBuilder b) {
        FeaturesDef.Kvm k = def.features().kvm();
        for (String[] m : new String[][] {{"hint-dedicated", "kvm-hint-dedicated"},
            {"poll-control", "kvm-poll-control"}, {"pv-ipi", "kvm-pv-ipi"}}) {
            Boolean on = kvmState(k, m[0]);
            if (on == null) {
                continue;
            }
            if (m[0].equals("pv-ipi")) {
                if (!on) {
                    b.append(",kvm-pv-ipi=off");
                }
                continue;
            }
            b.append(',').append(m[1]).append('=').append(on ? "on" : "off");
        }
    }

    private static Boolean kvmState(FeaturesDef.Kvm k, String name) {
        return k.state(name);
    }

    private void hyperv(StringBuilder b, FeaturesDef.Hyperv h) {
        for (Map.Entry<String, FeaturesDef.HvFeature> e : h.features().entrySet()) {
            FeaturesDef.HvFeature v = e.getValue();
            if (!v.on()) {
                continue;
            }
            String n = e.getKey();
            switch (n) {
                case "spinlocks" -> b.append(",hv-spinlocks=0x").append(Long.toHexString(Long.parseLong(v.retries())));
                case "vendor_id" -> b.append(",hv-vendor-id=").append(v.value());
                default -> b.append(",hv-").append(n).append("=on");
            }
        }
    }

    /** Initial memory (KiB): the NUMA cells' sum, else the total minus the memory devices. */
    private long initialMemoryKiB() {
        if (hasNuma()) {
            long sum = 0;
            for (NumaCell c : def.numaCells()) {
                sum += alignMiB(c.memoryKiB());
            }
            return sum;
        }
        long total = def.memoryKiB();
        for (MemoryDeviceDef m : def.devices().memoryDevices()) {
            total -= sizeKiB(m);
        }
        return alignMiB(total);
    }

    static long alignMiB(long kib) {
        return (kib + 1023) / 1024 * 1024;
    }

    static long sizeKiB(MemoryDeviceDef m) {
        if (m.target() == null || m.target().size() == null) {
            return 0;
        }
        return Units.toKiB(m.target().size().value(), m.target().size().unit(), "memory size");
    }

    private void memory() {
        long kib = initialMemoryKiB();
        if (def.maxMemory() != null && def.maxMemory().value() != null) {
            opt("-m", "size=" + kib + "k,slots=" + def.maxMemory().slots() + ",maxmem=" + def.maxMemory().kib() + "k");
        } else {
            opt("-m", Long.toString(kib / 1024));
        }
        if (machineRamBackend()) {
            Long huge = mem.hugepageKiB(-1);
            object(mem.props(new MemoryBackends.Spec(ramId(), kib * 1024, null, null, huge)));
        }
        if (caps.hasOption("overcommit")) {
            opt("-overcommit", "mem-lock=off");
        }
    }

    private void smp() {
        int max = def.maxVcpus();
        int cur = def.currentVcpus();
        int limit = caps.machine(machineName()).map(QemuCaps.Machine::maxCpus).orElse(Integer.MAX_VALUE);
        if (max > limit) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "Maximum CPUs greater than "
                    + "specified machine type limit " + limit);
        }
        StringBuilder s = new StringBuilder().append(cur);
        if (cur != max) {
            s.append(",maxcpus=").append(max);
        }
        CpuDef.Topology t = def.cpu() == null ? null : def.cpu().topology();
        if (t != null && t.sockets() > 0) {
            s.append(",sockets=").append(t.sockets());
            if (isX86()) {
                s.append(",dies=").append(t.dies() > 0 ? t.dies() : 1);
            }
            s.append(",cores=").append(t.cores()).append(",threads=").append(t.threads());
        } else {
            s.append(",sockets=").append(max).append(",cores=1,threads=1");
        }
        opt("-smp", s.toString());
    }

    private void numa() {
        if (!hasNuma()) {
            return;
        }
        boolean needBackend = false;
        for (NumaCell c : def.numaCells()) {
            needBackend |= mem.needsSpecialBackend(c);
        }
        boolean legacy = !needBackend && caps.machine(machineName()).map(QemuCaps.Machine::numaMemSupported)
                .orElse(false);
        if (legacy && "immediate".equals(def.memoryBacking() == null ? null
                : def.memoryBacking().allocationMode())) {
            argv.add("-mem-prealloc");
            mem.globalPrealloc = true;
        }
        for (NumaCell c : def.numaCells()) {
            long kib = alignMiB(c.memoryKiB());
            String id = "ram-node" + c.id();
            StringBuilder n = new StringBuilder("node,nodeid=").append(c.id());
            if (c.cpus() != null && !c.cpus().isEmpty()) {
                for (String range : c.cpus().split(",")) {
                    n.append(",cpus=").append(range);
                }
            }
            if (legacy) {
                n.append(",mem=").append(kib / 1024);
            } else {
                object(mem.props(new MemoryBackends.Spec(id, kib * 1024, null, c, null)));
                n.append(",memdev=").append(id);
            }
            opt("-numa", n.toString());
        }
    }

    private void monitor() {
        opt("-chardev", "socket,id=charmonitor,path=" + commaEscape(in.monitorSocket().toString())
                + ",server=on,wait=off");
        opt("-mon", "chardev=charmonitor,id=monitor,mode=control");
    }

    private void clock() {
        ClockDef c = def.clock();
        String offset = c == null || c.offset() == null ? "utc" : c.offset();
        StringBuilder b = new StringBuilder("base=");
        switch (offset) {
            case "localtime" -> b.append("localtime");
            case "absolute" -> {
                String start = c.start();
                long secs = start == null ? 0 : Long.parseLong(start);
                b.append(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                        .format(java.time.LocalDateTime.ofEpochSecond(secs, 0, java.time.ZoneOffset.UTC)));
            }
            default -> b.append("utc");
        }
        if (c != null) {
            for (ClockDef.Timer t : c.timers()) {
                if ("rtc".equals(t.name())) {
                    if ("catchup".equals(t.tickpolicy())) {
                        b.append(",driftfix=slew");
                    }
                    if ("guest".equals(t.track())) {
                        b.append(",clock=vm");
                    }
                }
            }
        }
        opt("-rtc", b.toString());
        if (c != null) {
            for (ClockDef.Timer t : c.timers()) {
                if ("pit".equals(t.name()) && "delay".equals(t.tickpolicy())) {
                    opt("-global", "kvm-pit.lost_tick_policy=delay");
                }
            }
        }
    }

    private void boot() {
        OsDef os = def.os();
        StringBuilder b = new StringBuilder();
        if ("yes".equals(os.bootMenuEnable())) {
            b.append("menu=on,");
            if (os.bootMenuTimeout() >= 0) {
                b.append("splash-time=").append(os.bootMenuTimeout()).append(',');
            }
        }
        b.append("strict=on");
        opt("-boot", b.toString());
        if (os.kernel() != null) {
            opt("-kernel", os.kernel());
        }
        if (os.initrd() != null) {
            opt("-initrd", os.initrd());
        }
        if (os.cmdline() != null) {
            opt("-append", os.cmdline());
        }
    }

    /** Per-device boot indexes from {@code <os><boot dev>}, as libvirt converts them. */
    private void assignBootIndexes() {
        int next = 1;
        List<OsDef.Boot> boots = def.os().boot();
        for (OsDef.Boot b : boots) {
            String dev = b.dev();
            Object target = null;
            switch (dev == null ? "" : dev) {
                case "hd" -> target = firstDisk("disk");
                case "cdrom" -> target = firstDisk("cdrom");
                case "fd" -> target = firstDisk("floppy");
                case "network" -> target = def.devices().interfaces().isEmpty() ? null
                        : def.devices().interfaces().get(0);
                default -> {
                }
            }
            if (target != null) {
                bootIndex.put(target, next++);
            }
        }
        if (boots.isEmpty()) {
            for (var d : def.devices().disks()) {
                if (d.boot() != null && d.boot().order() != null) {
                    bootIndex.put(d, Integer.parseInt(d.boot().order()));
                }
            }
            for (var n : def.devices().interfaces()) {
                if (n.boot() != null && n.boot().order() != null) {
                    bootIndex.put(n, Integer.parseInt(n.boot().order()));
                }
            }
        }
    }

    private Object firstDisk(String device) {
        for (var d : def.devices().disks()) {
            String dv = d.device() == null ? "disk" : d.device();
            if (dv.equals(device)) {
                return d;
            }
        }
        return null;
    }

    /** libvirt's bus/addr members for a PCI address. */
    static void pciAddr(Map<String, Object> p, DeviceAddress a) {
        if (!PciAddresses.isPci(a)) {
            return;
        }
        long bus = PciAddresses.num(a.bus());
        long slot = PciAddresses.num(a.slot());
        long fn = PciAddresses.num(a.function());
        p.put("bus", "pci." + bus);
        if ("on".equals(a.multifunction())) {
            p.put("multifunction", true);
        }
        p.put("addr", "0x" + Long.toHexString(slot) + (fn != 0 ? ".0x" + Long.toHexString(fn) : ""));
    }

    private static final List<String> CONTROLLER_ORDER = List.of("pci", "usb", "scsi", "ide", "sata", "fdc",
            "virtio-serial", "ccid");

    private void controllers() {
        List<ControllerDef> all = def.devices().controllers();
        for (String type : CONTROLLER_ORDER) {
            for (ControllerDef c : all) {
                if (type.equals(c.type())) {
                    controller(c);
                }
            }
        }
    }

    private void controller(ControllerDef c) {
        String type = c.type();
        String model = c.model();
        int index = (int) PciAddresses.num(c.index());
        Map<String, Object> p = new LinkedHashMap<>();
        switch (type) {
            case "pci" -> {
                if ("pci-root".equals(model) || "pcie-root".equals(model)) {
                    return;
                }
                String name = c.modelElement() != null && c.modelElement().name() != null ? c.modelElement().name()
                        : model;
                p.put("driver", name);
                if ("pci-bridge".equals(model)) {
                    p.put("chassis_nr", Integer.parseInt(c.target() != null && c.target().chassisNr() != null
                            ? c.target().chassisNr() : c.index()));
                } else if ("pcie-root-port".equals(model)) {
                    if (c.target() != null && c.target().port() != null) {
                        p.put("port", (int) PciAddresses.num(c.target().port()));
                    }
                    if (c.target() != null && c.target().chassis() != null) {
                        p.put("chassis", Integer.parseInt(c.target().chassis()));
                    }
                }
                p.put("id", "pci." + index);
            }
            case "usb" -> {
                if ("none".equals(model)) {
                    return;
                }
                String drv = switch (model == null ? "piix3-uhci" : model) {
                    case "piix3-uhci" -> "piix3-usb-uhci";
                    case "piix4-uhci" -> "piix4-usb-uhci";
                    case "ich9-ehci1" -> "ich9-usb-ehci1";
                    case "ich9-uhci1" -> "ich9-usb-uhci1";
                    case "ich9-uhci2" -> "ich9-usb-uhci2";
                    case "ich9-uhci3" -> "ich9-usb-uhci3";
                    case "nec-xhci" -> "nec-usb-xhci";
                    default -> model;
                };
                p.put("driver", drv);
                if (c.ports() != null && drv.endsWith("xhci")) {
                    p.put("p2", Integer.parseInt(c.ports()));
                    p.put("p3", Integer.parseInt(c.ports()));
                }
                p.put("id", index == 0 ? "usb" : "usb" + index);
                if (model != null && model.startsWith("ich9-uhci") && c.master() != null) {
                    p.put("masterbus", "usb.0");
                    p.put("firstport", Integer.parseInt(c.master().attr("startport")));
                }
            }
            case "scsi" -> {
                String drv = switch (model == null ? "lsilogic" : model) {
                    case "virtio-scsi" -> "virtio-scsi-pci";
                    case "lsilogic" -> "lsi";
                    case "lsisas1068" -> "mptsas1068";
                    case "lsisas1078" -> "megasas";
                    case "vmpvscsi" -> "pvscsi";
                    default -> model;
                };
                p.put("driver", drv);
                p.put("id", "scsi" + index);
            }
            case "virtio-serial" -> {
                p.put("driver", "virtio-serial-pci");
                p.put("id", "virtio-serial" + index);
                if (c.ports() != null) {
                    p.put("max_ports", Integer.parseInt(c.ports()));
                }
            }
            case "sata" -> {
                if (QemuDomainDefaults.isQ35(machineName()) && index == 0) {
                    return;
                }
                p.put("driver", "ahci");
                p.put("id", "sata" + index);
            }
            case "ccid" -> {
                p.put("driver", "usb-ccid");
                p.put("id", "ccid" + index);
            }
            default -> {
                return; // ide (built into PIIX3), fdc
            }
        }
        pciAddr(p, c.address());
        if (c.address() != null && "usb".equals(c.address().type())) {
            p.put("bus", "usb.0");
            p.put("port", c.address().port());
        }
        device(p);
    }

    private void memoryDevices() {
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (MemoryDeviceDef m : def.devices().memoryDevices()) {
            String model = m.model();
            String prefix = switch (model) {
                case "dimm" -> "dimm";
                case "nvdimm" -> "nvdimm";
                case "virtio-pmem" -> "virtiopmem";
                case "virtio-mem" -> "virtiomem";
                case "sgx-epc" -> "epc";
                default -> model;
            };
            int n = counters.merge(prefix, 1, Integer::sum) - 1;
            String alias = m.alias() != null && m.alias().name() != null ? m.alias().name() : prefix + n;
            String memdev = "mem" + alias;
            long bytes = sizeKiB(m) * 1024;
            if ("nvdimm".equals(model) && m.target() != null && m.target().label() != null) {
                // the label is part of the backend
            }
            object(mem.props(new MemoryBackends.Spec(memdev, bytes, m, null, null)));
            Map<String, Object> p = new LinkedHashMap<>();
            String drv = switch (model) {
                case "dimm" -> "pc-dimm";
                case "virtio-pmem" -> "virtio-pmem-pci";
                case "virtio-mem" -> "virtio-mem-pci";
                default -> model;
            };
            p.put("driver", drv);
            if (m.target() != null && m.target().node() != null && !"virtio-pmem".equals(model)) {
                p.put("node", Integer.parseInt(m.target().node()));
            }
            if ("nvdimm".equals(model) && m.target() != null && m.target().label() != null
                    && m.target().label().size() != null) {
                p.put("label-size", Units.toBytes(m.target().label().size().value(),
                        m.target().label().size().unit(), 1024, Long.MAX_VALUE, "label size"));
            }
            if ("nvdimm".equals(model) && m.target() != null && m.target().readonly() != null) {
                p.put("unarmed", true);
            }
            if ("virtio-mem".equals(model)) {
                var t = m.target();
                if (t.block() != null) {
                    p.put("block-size", Units.toBytes(t.block().value(), t.block().unit(), 1024, Long.MAX_VALUE,
                            "block"));
                }
                if (t.requested() != null) {
                    p.put("requested-size", Units.toBytes(t.requested().value(), t.requested().unit(), 1024,
                            Long.MAX_VALUE, "requested"));
                }
            }
            p.put("memdev", memdev);
            if ("virtio-mem".equals(model) && mem.prealloc(m, false) == MemoryBackends.Prealloc.DEVICE) {
                p.put("prealloc", true);
            }
            p.put("id", alias);
            DeviceAddress a = m.address();
            if (a != null && "dimm".equals(a.type())) {
                if (a.slot() != null) {
                    p.put("slot", (int) PciAddresses.num(a.slot()));
                }
                if (a.base() != null) {
                    p.put("addr", PciAddresses.num(a.base()));
                }
            } else if (("dimm".equals(model) || "nvdimm".equals(model)) && a == null) {
                p.put("slot", dimmSlot(m));
            }
            pciAddr(p, a);
            device(p);
        }
    }

    private int dimmSlot(MemoryDeviceDef m) {
        int slot = 0;
        for (MemoryDeviceDef o : def.devices().memoryDevices()) {
            if (o == m) {
                return slot;
            }
            if ("dimm".equals(o.model()) || "nvdimm".equals(o.model())) {
                slot++;
            }
        }
        return slot;
    }

    private void serials() {
        List<ChrDef> ports = new ArrayList<>(def.devices().serials());
        if (ports.isEmpty()) {
            for (ChrDef c : def.devices().consoles()) {
                String target = c.target() == null ? null : c.target().type();
                if (target == null || target.isEmpty() || "serial".equals(target)) {
                    ports.add(c);
                    break;
                }
            }
        }
        int index = 0;
        for (ChrDef s : ports) {
            String id = "charserial" + index;
            opt("-chardev", chardev(s, id));
            if (isX86()) {
                device(ordered("driver", "isa-serial", "chardev", id, "id", "serial" + index, "index", index));
            } else {
                opt("-serial", "chardev:" + id);
            }
            index++;
        }
    }

    private void channelsAndConsoles() {
        int ci = 0;
        for (ChrDef ch : def.devices().channels()) {
            String tt = ch.target() == null ? null : ch.target().type();
            String id = "charchannel" + ci;
            if ("virtio".equals(tt)) {
                opt("-chardev", chardev(ch, id));
                Map<String, Object> p = ordered("driver", "virtserialport", "bus", "virtio-serial0.0",
                        "nr", ci + 1, "chardev", id, "id", "channel" + ci);
                if (ch.target().name() != null) {
                    p.put("name", ch.target().name());
                }
                device(p);
            }
            ci++;
        }
        int n = 0;
        for (ChrDef co : def.devices().consoles()) {
            String tt = co.target() == null ? null : co.target().type();
            if ("virtio".equals(tt)) {
                String id = "charconsole" + n;
                opt("-chardev", chardev(co, id));
                device(ordered("driver", "virtconsole", "chardev", id, "id", "console" + n));
            }
            n++;
        }
    }

    private static String chardev(ChrDef s, String id) {
        String type = s.type() == null ? "pty" : s.type();
        ChrSourceDef src = s.source().isEmpty() ? null : s.source().get(0);
        String path = src == null || src.path() == null ? "" : src.path();
        StringBuilder b = new StringBuilder();
        switch (type) {
            case "pty" -> b.append("pty,id=").append(id);
            case "null" -> b.append("null,id=").append(id);
            case "vc" -> b.append("vc,id=").append(id);
            case "stdio" -> b.append("stdio,id=").append(id);
            case "spicevmc" -> b.append("spicevmc,id=").append(id).append(",name=vdagent");
            case "file" -> {
                requirePath(path, "file");
                b.append("file,id=").append(id).append(",path=").append(commaEscape(path));
                if (src != null && "on".equals(src.append())) {
                    b.append(",append=on");
                }
            }
            case "dev" -> b.append("tty,id=").append(id).append(",path=").append(commaEscape(path));
            case "pipe" -> b.append("pipe,id=").append(id).append(",path=").append(commaEscape(path));
            case "unix" -> {
                requirePath(path, "unix");
                b.append("socket,id=").append(id).append(",path=").append(commaEscape(path));
                if (src == null || !"connect".equals(src.mode())) {
                    b.append(",server=on,wait=off");
                }
            }
            default -> throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "character device type '" + type + "' is not supported yet by the QEMU driver");
        }
        Generic log = s.log();
        if (log != null && log.attr("file") != null && !log.attr("file").isEmpty()) {
            b.append(",logfile=").append(commaEscape(log.attr("file")));
            b.append(",logappend=").append("on".equals(log.attr("append")) ? "on" : "off");
        }
        return b.toString();
    }

    private static void requirePath(String path, String type) {
        if (path == null || path.isEmpty()) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.QEMU,
                    "character device of type '" + type + "' needs <source path='...'/>");
        }
    }

    private void videos() {
        int n = 0;
        for (VideoDef v : def.devices().videos()) {
            String type = v.model() == null || v.model().type() == null ? "cirrus" : v.model().type();
            boolean primary = n == 0;
            String drv = switch (type) {
                case "cirrus" -> "cirrus-vga";
                case "vga" -> "VGA";
                case "qxl" -> primary ? "qxl-vga" : "qxl";
                case "virtio" -> primary ? "virtio-vga" : "virtio-gpu-pci";
                case "bochs" -> "bochs-display";
                case "ramfb" -> "ramfb";
                case "none" -> null;
                default -> type;
            };
            if (drv == null) {
                n++;
                continue;
            }
            Map<String, Object> p = ordered("driver", drv, "id", "video" + n);
            var m = v.model();
            if ("qxl".equals(type)) {
                if (m.ram() != null) {
                    p.put("ram_size", Long.parseLong(m.ram()) * 1024);
                }
                if (m.vram() != null) {
                    p.put("vram_size", Long.parseLong(m.vram()) * 1024);
                }
                if (m.vgamem() != null) {
                    p.put("vgamem_mb", Long.parseLong(m.vgamem()) / 1024);
                }
                if (m.heads() != null) {
                    p.put("max_outputs", Integer.parseInt(m.heads()));
                }
            } else if (("vga".equals(type) || "cirrus".equals(type)) && m != null && m.vram() != null) {
                p.put("vgamem_mb", Long.parseLong(m.vram()) / 1024);
            } else if ("bochs".equals(type) && m != null && m.vram() != null) {
                p.put("vgamem", Long.parseLong(m.vram()) * 1024);
            }
            pciAddr(p, v.address());
            device(p);
            n++;
        }
    }

    private void watchdogs() {
        int n = 0;
        for (WatchdogDef w : def.devices().watchdogs()) {
            Map<String, Object> p = ordered("driver", w.model(), "id", "watchdog" + n);
            pciAddr(p, w.address());
            device(p);
            String action = w.action() == null ? "reset" : w.action();
            if ("dump".equals(action)) {
                action = "pause";
            }
            if (!"reset".equals(action) || w.action() != null) {
                opt("-watchdog-action", action.replace("_", "-"));
            }
            n++;
        }
    }

    private void memballoon() {
        MemballoonDef b = def.devices().memballoon();
        if (b == null || b.model() == null || "none".equals(b.model())) {
            return;
        }
        String drv = switch (b.model()) {
            case "virtio" -> "virtio-balloon-pci";
            case "virtio-transitional" -> "virtio-balloon-pci-transitional";
            case "virtio-non-transitional" -> "virtio-balloon-pci-non-transitional";
            default -> b.model();
        };
        Map<String, Object> p = ordered("driver", drv, "id", "balloon0");
        pciAddr(p, b.address());
        if ("on".equals(b.autodeflate())) {
            p.put("deflate-on-oom", true);
        } else if ("off".equals(b.autodeflate())) {
            p.put("deflate-on-oom", false);
        }
        if ("on".equals(b.freePageReporting())) {
            p.put("free-page-reporting", true);
        } else if ("off".equals(b.freePageReporting())) {
            p.put("free-page-reporting", false);
        }
        // the stats period is set at start through QOM (guest-stats-polling-interval), not here
        device(p);
    }

    private void rngs() {
        int n = 0;
        for (RngDef r : def.devices().rngs()) {
            var be = r.backend();
            String model = be == null ? "random" : be.model();
            String obj = "objrng" + n;
            Map<String, Object> o;
            if ("builtin".equals(model)) {
                o = ordered("qom-type", "rng-builtin", "id", obj);
            } else if ("random".equals(model)) {
                String path = be.path() == null || be.path().isBlank() ? "/dev/urandom" : be.path().trim();
                o = ordered("qom-type", "rng-random", "id", obj, "filename", path);
            } else {
                throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "rng backend '" + model + "' is not supported yet by the QEMU driver");
            }
            object(o);
            Map<String, Object> p = ordered("driver", "virtio-rng-pci", "rng", obj, "id", "rng" + n);
            pciAddr(p, r.address());
            device(p);
            n++;
        }
    }

    /** The first child element of a generic element with this name, or {@code null}. */
    static Element child(Generic g, String name) {
        for (Object o : g.content()) {
            if (o instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    /** QEMU's option syntax doubles commas inside values. */
    static String commaEscape(String s) {
        return s.replace(",", ",,");
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
