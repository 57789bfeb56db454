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
     * @param incoming {@code true} to start waiting for an incoming migration stream
     *        ({@code -incoming defer}; the URI follows over QMP with {@code migrate-incoming})
     */
    record Inputs(DomainDef def, QemuCaps caps, String accel, Path monitorSocket, Path domainDir, boolean toNative,
                  boolean incoming) {
        /** For a real start (no incoming migration). */
        Inputs(DomainDef def, QemuCaps caps, String accel, Path monitorSocket, Path domainDir) {
            this(def, caps, accel, monitorSocket, domainDir, false, false);
        }

        /** For a start or domxml-to-native without incoming migration. */
        Inputs(DomainDef def, QemuCaps caps, String accel, Path monitorSocket, Path domainDir, boolean toNative) {
            this(def, caps, accel, monitorSocket, domainDir, toNative, false);
        }
    }

    private final Inputs in;
    private final DomainDef def;
    private final QemuCaps caps;
    private final List<String> argv = new ArrayList<>();
    /** The domain's master key: the secrets on the command line are encrypted with it. */
    private final byte[] masterKey = MasterKey.generate();
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
        return buildWithKey(in).argv();
    }

    /** A command line and the master key its secrets are encrypted with (written at start). */
    record Built(List<String> argv, byte[] masterKey) {
    }

    static Built buildWithKey(Inputs in) {
        PCIE_ROOT.set(QemuDomainDefaults.isQ35(in.def().os().type().machine()));
        try {
            CommandBuilder b = new CommandBuilder(in);
            return new Built(b.run(), b.masterKey);
        } finally {
            PCIE_ROOT.remove();
        }
    }

    private List<String> run() {
        argv.add(def.devices().emulator());
        name();
        argv.add("-S");
        masterKey();
        firmwareBlockdevs();
        machine();
        accel();
        cpu();
        memory();
        smp();
        iothreads();
        numa();
        opt("-uuid", def.uuid().toString());
        smbios();
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
        iommu();
        controllers();
        memoryDevices();
        new BlockBuilder(def, caps, argv, bootIndex, masterKey).disks();
        filesystems();
        new NetBuilder(def, caps, argv, bootIndex, in.toNative()).interfaces();
        smartcards();
        serials();
        channelsAndConsoles();
        tpms();
        // -audiodev is parsed by QAPI, so query-command-line-options does not list it; every QEMU
        // jvirt supports (>= 4.2, as libvirt 9) has it, and libvirt 9 always emits this default
        boolean dbus = def.devices().graphics().stream().anyMatch(g -> "dbus".equals(g.type()));
        if (!dbus) {
            opt("-audiodev", Json.write(ordered("id", "audio1", "driver", "none")));
        }
        graphics();
        videos();
        watchdogs();
        hostdevs();
        memballoon();
        rngs();
        vsock();
        if (in.incoming()) {
            opt("-incoming", "defer");
        }
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

    /** A memory backend, preceded by the thread context it preallocates with, if any. */
    private void backend(Map<String, Object> props) {
        if (mem.threadContext != null) {
            object(mem.threadContext);
        }
        object(props);
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
        if (pflash) {
            b.append(",pflash0=libvirt-pflash0-format");
            if (def.os().nvram() != null) {
                b.append(",pflash1=libvirt-pflash1-format");
            }
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

    /** Memory modules (dimm, nvdimm) are aligned to 2 MiB on x86, as libvirt. */
    static long alignModule(long kib) {
        return (kib + 2047) / 2048 * 2048;
    }

    static long alignMiB(long kib) {
        return (kib + 1023) / 1024 * 1024;
    }

    static long sizeKiB(MemoryDeviceDef m) {
        if (m.target() == null || m.target().size() == null) {
            return 0;
        }
        long kib = Units.toKiB(m.target().size().value(), m.target().size().unit(), "memory size");
        return "dimm".equals(m.model()) || "nvdimm".equals(m.model()) ? alignModule(kib) : kib;
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
            backend(mem.props(new MemoryBackends.Spec(ramId(), kib * 1024, null, null, huge)));
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
                backend(mem.props(new MemoryBackends.Spec(id, kib * 1024, null, c, null)));
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

    /**
     * Per-device boot indexes from {@code <os><boot dev>}, as libvirt converts them: the first disk (or
     * LUN), CD-ROM, floppy and NIC get the position of their kind in the boot list.
     */
    private void assignBootIndexes() {
        List<OsDef.Boot> boots = def.os().boot();
        int disk = 0;
        int cd = 0;
        int fd = 0;
        int net = 0;
        for (int i = 0; i < boots.size(); i++) {
            String dev = boots.get(i).dev();
            switch (dev == null ? "" : dev) {
                case "hd" -> disk = disk == 0 ? i + 1 : disk;
                case "cdrom" -> cd = cd == 0 ? i + 1 : cd;
                case "fd" -> fd = fd == 0 ? i + 1 : fd;
                case "network" -> net = net == 0 ? i + 1 : net;
                default -> {
                }
            }
        }
        for (var d : def.devices().disks()) {
            String dv = d.device() == null ? "disk" : d.device();
            if (d.boot() != null && d.boot().order() != null) {
                bootIndex.put(d, Integer.parseInt(d.boot().order()));
            } else if (("disk".equals(dv) || "lun".equals(dv)) && disk > 0) {
                bootIndex.put(d, disk);
                disk = 0;
            } else if ("cdrom".equals(dv) && cd > 0) {
                bootIndex.put(d, cd);
                cd = 0;
            } else if ("floppy".equals(dv) && fd > 0) {
                bootIndex.put(d, fd);
                fd = 0;
            }
        }
        for (var n : def.devices().interfaces()) {
            if (n.boot() != null && n.boot().order() != null) {
                bootIndex.put(n, Integer.parseInt(n.boot().order()));
            } else if (net > 0) {
                bootIndex.put(n, net);
                net = 0;
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
    /** Whether the PCI root bus is PCIe ({@code pcie.0}); set per build. */
    private static final ThreadLocal<Boolean> PCIE_ROOT = ThreadLocal.withInitial(() -> false);

    static void pciAddr(Map<String, Object> p, DeviceAddress a) {
        if (!PciAddresses.isPci(a)) {
            return;
        }
        long bus = PciAddresses.num(a.bus());
        long slot = PciAddresses.num(a.slot());
        long fn = PciAddresses.num(a.function());
        p.put("bus", bus == 0 && PCIE_ROOT.get() ? "pcie.0" : "pci." + bus);
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
                if (c.master() == null) {
                    p.put("id", index == 0 ? "usb" : "usb" + index);
                }
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
            p.put("bus", "usb." + PciAddresses.num(c.address().bus()));
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
            if ("dimm".equals(model) || "nvdimm".equals(model)) {
                n = dimmSlot(m); // libvirt names DIMMs after their slot
            }
            String alias = m.alias() != null && m.alias().name() != null ? m.alias().name() : prefix + n;
            String memdev = "mem" + alias;
            long bytes = sizeKiB(m) * 1024;
            if ("nvdimm".equals(model) && m.target() != null && m.target().label() != null) {
                // the label is part of the backend
            }
            backend(mem.props(new MemoryBackends.Spec(memdev, bytes, m, null, null)));
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
            if ("virtio-mem".equals(model) && mem.prealloc(m, mem.hugepages(m)) == MemoryBackends.Prealloc.DEVICE) {
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

    /** A DIMM's slot: its address's, else the lowest slot no other DIMM takes, in definition order. */
    private int dimmSlot(MemoryDeviceDef m) {
        if (m.address() != null && "dimm".equals(m.address().type()) && m.address().slot() != null) {
            return (int) PciAddresses.num(m.address().slot());
        }
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (MemoryDeviceDef o : def.devices().memoryDevices()) {
            if (o.address() != null && "dimm".equals(o.address().type()) && o.address().slot() != null) {
                taken.add((int) PciAddresses.num(o.address().slot()));
            }
        }
        int slot = 0;
        for (MemoryDeviceDef o : def.devices().memoryDevices()) {
            if (!"dimm".equals(o.model()) && !"nvdimm".equals(o.model())
                    || o.address() != null && "dimm".equals(o.address().type()) && o.address().slot() != null) {
                continue;
            }
            while (taken.contains(slot)) {
                slot++;
            }
            if (o == m) {
                return slot;
            }
            taken.add(slot);
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
            if ("guestfwd".equals(tt)) {
                opt("-chardev", chardev(ch, id));
                String fwd = "tcp:" + ch.target().address() + ":" + ch.target().port() + "-chardev:" + id;
                opt("-netdev", Json.write(ordered("type", "user", "guestfwd", List.of(ordered("str", fwd)),
                        "id", "channel" + ci)));
            } else if ("virtio".equals(tt)) {
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
                if (m.vram64() != null || caps.deviceHasProperty(drv, "vram64_size_mb")) {
                    p.put("vram64_size_mb", m.vram64() == null ? 0 : Long.parseLong(m.vram64()) / 1024);
                }
                if (m.vgamem() != null) {
                    p.put("vgamem_mb", Long.parseLong(m.vgamem()) / 1024);
                }
                if (m.heads() != null) {
                    p.put("max_outputs", Integer.parseInt(m.heads()));
                }
            } else if ("vga".equals(type) && m != null && m.vram() != null) {
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
        String model = Balloon.model(def);
        if (b == null || model == null || "none".equals(model)) {
            return;
        }
        String drv = switch (model) {
            case "virtio" -> "virtio-balloon-pci";
            case "virtio-transitional" -> "virtio-balloon-pci-transitional";
            case "virtio-non-transitional" -> "virtio-balloon-pci-non-transitional";
            default -> throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Memory balloon device type '" + model + "' is not supported by this version of qemu");
        };
        if (!caps.hasType(drv)) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Memory balloon device type '" + model + "' is not supported by this version of qemu");
        }
        Map<String, Object> p = ordered("driver", drv, "id", Balloon.ALIAS);
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


    private boolean pflash;

    /** UEFI firmware as libvirt 9: pflash0 (code) and pflash1 (NVRAM) as -blockdev, named on -machine. */
    private void firmwareBlockdevs() {
        OsDef.Loader l = def.os().loader();
        if (l == null || !"pflash".equals(l.type()) || l.path() == null) {
            return;
        }
        pflash = true;
        Map<String, Object> s = ordered("driver", "file", "filename", l.path().trim(), "node-name",
                "libvirt-pflash0-storage", "auto-read-only", true, "discard", "unmap");
        opt("-blockdev", Json.write(s));
        opt("-blockdev", Json.write(ordered("node-name", "libvirt-pflash0-format", "read-only",
                "yes".equals(l.readonly()), "driver", "raw", "file", "libvirt-pflash0-storage")));
        OsDef.Nvram nv = def.os().nvram();
        if (nv == null) {
            return;
        }
        Map<String, Object> ns;
        OsDef.NvramSource src = nv.source();
        if ("network".equals(nv.type()) && src != null && "nbd".equals(src.protocol())) {
            Generic h = src.hosts().isEmpty() ? null : src.hosts().get(0);
            Map<String, Object> server = ordered("type", "inet", "host", h == null ? "localhost" : h.attr("name"),
                    "port", h == null || h.attr("port") == null ? "10809" : h.attr("port"));
            ns = ordered("driver", "nbd", "server", server);
            if (src.name() != null) {
                ns.put("export", src.name());
            }
        } else {
            String path = nv.path() != null && !nv.path().isBlank() ? nv.path().trim()
                    : src != null && src.file() != null ? src.file()
                    : stateDir().resolve("nvram").resolve(def.name() + "_VARS.fd").toString();
            ns = ordered("driver", "file", "filename", path);
        }
        ns.put("node-name", "libvirt-pflash1-storage");
        ns.put("auto-read-only", true);
        ns.put("discard", "unmap");
        opt("-blockdev", Json.write(ns));
        opt("-blockdev", Json.write(ordered("node-name", "libvirt-pflash1-format", "read-only", false, "driver",
                "raw", "file", "libvirt-pflash1-storage")));
    }

    private Path stateDir() {
        return in.domainDir() == null || in.domainDir().getParent() == null ? Path.of("/var/lib/libvirt/qemu")
                : in.domainDir().getParent();
    }

    private void smbios() {
        if (!"sysinfo".equals(def.os().smbiosMode())) {
            return;
        }
        for (org.jvirt.conf.SysinfoDef si : def.sysinfo()) {
            if (!"smbios".equals(si.type())) {
                continue;
            }
            smbiosBlock(0, si.bios(), List.of("vendor", "version", "date", "release"));
            smbiosBlock(1, si.system(), List.of("manufacturer", "product", "version", "serial", "uuid", "sku",
                    "family"));
            for (var bb : si.baseBoards()) {
                smbiosBlock(2, bb, List.of("manufacturer", "product", "version", "serial", "asset", "location"));
            }
            smbiosBlock(3, si.chassis(), List.of("manufacturer", "version", "serial", "asset", "sku"));
            if (si.oemStrings() != null) {
                StringBuilder b = new StringBuilder("type=11");
                for (var e : si.oemStrings().entries()) {
                    b.append(",value=").append(commaEscape(e.value()));
                }
                opt("-smbios", b.toString());
            }
        }
    }

    private void smbiosBlock(int type, org.jvirt.conf.SysinfoDef.Block b, List<String> keys) {
        if (b == null || b.entries().isEmpty()) {
            return;
        }
        StringBuilder s = new StringBuilder("type=").append(type);
        for (String k : keys) {
            String v = b.get(k);
            if (v != null) {
                s.append(',').append(k).append('=').append(commaEscape(v));
            }
        }
        opt("-smbios", s.toString());
    }

    private void iothreads() {
        List<org.jvirt.conf.IOThreadDef> ids = def.iothreadIds();
        if (!ids.isEmpty()) {
            for (org.jvirt.conf.IOThreadDef t : ids) {
                Map<String, Object> p = ordered("qom-type", "iothread", "id", "iothread" + t.id());
                if (t.threadPoolMin() >= 0) {
                    p.put("thread-pool-min", t.threadPoolMin());
                }
                if (t.threadPoolMax() >= 0) {
                    p.put("thread-pool-max", t.threadPoolMax());
                }
                object(p);
            }
        } else {
            for (int i = 1; i <= def.iothreads(); i++) {
                object(ordered("qom-type", "iothread", "id", "iothread" + i));
            }
        }
        org.jvirt.conf.IOThreadDef main = def.defaultIOThread();
        if (main != null && (main.threadPoolMin() >= 0 || main.threadPoolMax() >= 0)) {
            Map<String, Object> p = ordered("qom-type", "main-loop", "id", "main-loop");
            if (main.threadPoolMin() >= 0) {
                p.put("thread-pool-min", main.threadPoolMin());
            }
            if (main.threadPoolMax() >= 0) {
                p.put("thread-pool-max", main.threadPoolMax());
            }
            object(p);
        }
    }

    private void iommu() {
        var io = def.devices().iommu();
        if (io == null) {
            return;
        }
        if ("intel".equals(io.model())) {
            device(ordered("driver", "intel-iommu", "id", "iommu0"));
        }
    }

    private void hostdevs() {
        int n = 0;
        for (var h : def.devices().hostdevs()) {
            if ("subsystem".equals(h.mode()) && "pci".equals(h.type())) {
                DeviceAddress src = h.source().address();
                Map<String, Object> p = ordered("driver", "vfio-pci", "host", String.format("%04x:%02x:%02x.%x",
                        PciAddresses.num(src.domain()), PciAddresses.num(src.bus()), PciAddresses.num(src.slot()),
                        PciAddresses.num(src.function())), "id", "hostdev" + n);
                pciAddr(p, h.address());
                device(p);
            }
            n++;
        }
    }

    private void vsock() {
        var v = def.devices().vsock();
        if (v == null) {
            return;
        }
        Map<String, Object> p = ordered("driver", "vhost-vsock-pci", "id", "vsock0");
        if (v.cid() != null && v.cid().address() != null) {
            p.put("guest-cid", Long.parseLong(v.cid().address()));
        }
        p.put("vhostfd", in.toNative() ? "-1" : "-1");
        pciAddr(p, v.address());
        device(p);
    }

    private void tpms() {
        int n = 0;
        for (var t : def.devices().tpms()) {
            Generic be = t.backend();
            String type = be == null ? "passthrough" : be.attr("type");
            String dev = "tpm-tpm" + n;
            if ("emulator".equals(type)) {
                opt("-chardev", in.toNative() ? "null,id=chrtpm" : "socket,id=chrtpm,path="
                        + commaEscape(in.domainDir().resolve("tpm" + n + ".sock").toString()));
                opt("-tpmdev", "emulator,id=" + dev + ",chardev=chrtpm");
            } else if ("external".equals(type)) {
                Element src = child(be, "source");
                opt("-chardev", "socket,id=chrtpm,path=" + commaEscape(src == null ? "" : src.getAttribute("path")));
                opt("-tpmdev", "emulator,id=" + dev + ",chardev=chrtpm");
            } else {
                throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "TPM backend '" + type + "' is not supported yet by the QEMU driver");
            }
            String model = t.model() == null ? "tpm-tis" : t.model();
            Map<String, Object> p = ordered("driver", model, "tpmdev", dev, "id", "tpm" + n);
            pciAddr(p, t.address());
            device(p);
            n++;
        }
    }

    private void graphics() {
        for (var g : def.devices().graphics()) {
            switch (g.type()) {
                case "vnc" -> {
                    StringBuilder b = new StringBuilder();
                    String listen = g.listen();
                    if (g.listenElement() != null && !g.listenElement().isEmpty()
                            && g.listenElement().get(0).address() != null) {
                        listen = g.listenElement().get(0).address();
                    }
                    if (g.socket() != null) {
                        b.append("unix:").append(g.socket());
                    } else {
                        int port = g.port() == null ? 5900 : Integer.parseInt(g.port());
                        b.append(listen == null ? "127.0.0.1" : listen.contains(":") ? "[" + listen + "]" : listen)
                                .append(':').append(Math.max(0, port - 5900));
                        if (g.websocket() != null) {
                            b.append(",websocket=").append(g.websocket());
                        }
                    }
                    b.append(",audiodev=audio1");
                    opt("-vnc", b.toString());
                }
                case "dbus" -> {
                    Path dbus = in.domainDir() == null ? Path.of("/run/libvirt/qemu/dbus")
                            : Path.of("/run/libvirt/qemu/dbus");
                    opt("-display", "dbus,addr=unix:path=" + dbus.resolve("-1-" + QemuPaths.shortName(def.name())
                            + "-dbus.sock"));
                }
                default -> throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "graphics type '" + g.type() + "' is not supported yet by the QEMU driver");
            }
        }
    }

    private void filesystems() {
        int n = 0;
        for (var f : def.devices().filesystems()) {
            String drv = f.driver() == null ? null : f.driver().type();
            if (!"virtiofs".equals(drv)) {
                throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "filesystem driver '" + drv + "' is not supported yet by the QEMU driver");
            }
            String alias = "fs" + n;
            String chr = "chr-vu-" + alias;
            opt("-chardev", "socket,id=" + chr + ",path=" + commaEscape(in.domainDir().resolve(alias + "-fs.sock")
                    .toString()));
            Map<String, Object> p = ordered("driver", "vhost-user-fs-pci", "id", alias, "chardev", chr);
            if (f.driver().queue() != null) {
                p.put("queue-size", Integer.parseInt(f.driver().queue()));
            }
            p.put("tag", f.target() == null ? null : f.target().attr("dir"));
            pciAddr(p, f.address());
            device(p);
            n++;
        }
    }

    private void smartcards() {
        int n = 0;
        for (var sc : def.devices().smartcards()) {
            if (!"passthrough".equals(sc.mode())) {
                throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "smartcard mode '" + sc.mode() + "' is not supported yet by the QEMU driver");
            }
            String id = "charsmartcard" + n;
            StringBuilder b = new StringBuilder();
            if ("tcp".equals(sc.type())) {
                b.append("socket,id=").append(id);
                ChrSourceDef s0 = sc.source().isEmpty() ? null : sc.source().get(0);
                String host = s0 == null ? null : s0.host();
                String port = s0 == null ? null : s0.service();
                b.append(",host=").append(host).append(",port=").append(port);
                if (s0 == null || !"connect".equals(s0.mode())) {
                    b.append(",server=on,wait=off");
                }
            } else {
                throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "smartcard source '" + sc.type() + "' is not supported yet by the QEMU driver");
            }
            opt("-chardev", b.toString());
            device(ordered("driver", "ccid-card-passthru", "chardev", id, "id", "smartcard" + n, "bus", "ccid0.0"));
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
