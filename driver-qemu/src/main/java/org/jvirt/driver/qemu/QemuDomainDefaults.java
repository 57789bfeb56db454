package org.jvirt.driver.qemu;

import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import java.util.List;

import org.jvirt.conf.ControllerDef;
import org.jvirt.conf.ControllerModelDef;
import org.jvirt.conf.ControllerTargetDef;
import org.jvirt.conf.DeviceAddress;
import org.jvirt.conf.DiskDef;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.MemballoonDef;
import org.jvirt.conf.DomainXml;

/**
 * What the QEMU driver adds to a definition after parsing (libvirt's {@code qemuDomainDefPostParse}
 * and device post-parse, then address assignment): emulator and architecture, the canonical machine
 * type, implicit controllers, default models, the default memory balloon, PCI and drive addresses.
 * Runs at define, at create and for {@code domxml-to-native}; decisions come from {@link QemuCaps}.
 */
final class QemuDomainDefaults {
    private QemuDomainDefaults() {
    }

    /**
     * Parses and completes a definition.
     *
     * @param xml the domain XML
     * @param caps the capabilities cache (the emulator is probed when not cached)
     * @return the completed definition
     */
    static DomainDef prepare(String xml, CapsCache caps) {
        DomainDef def = DomainXml.parse(xml);
        String type = def.type();
        if (!"qemu".equals(type) && !"kvm".equals(type)) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Emulator '" + type + "' is not supported by the QEMU driver; use type 'qemu' or 'kvm'");
        }
        if (!"hvm".equals(def.osType())) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "OS type '" + def.osType() + "' is not supported by the QEMU driver");
        }
        String arch = def.os().type().arch();
        if (arch == null) {
            arch = QemuHost.hostArch();
            def.os().type().arch(arch);
        }
        if (def.devices().emulator() == null) {
            def.devices().emulator(QemuHost.defaultEmulator(arch).toString());
        }
        QemuCaps c = caps.get(Path.of(def.devices().emulator()));
        apply(def, c);
        return def;
    }

    /** Applies the defaults to a parsed definition. */
    static void apply(DomainDef def, QemuCaps c) {
        String wanted = def.os().type().machine();
        QemuCaps.Machine m = c.machine(wanted).orElseThrow(() -> VirtException.of(ErrorCode.CONFIG_UNSUPPORTED,
                ErrorDomain.QEMU, "Emulator '" + def.devices().emulator() + "' does not support machine type '"
                        + wanted + "'"));
        def.os().type().machine(m.name());
        boolean x86 = "x86_64".equals(c.arch()) || "i386".equals(c.arch());
        if (!x86) {
            return;
        }
        boolean q35 = isQ35(m.name());
        QemuValidate.controllers(def, q35);
        cpuDefaults(def, c);
        diskDrivers(def);
        driveAddresses(def);
        implicitControllers(def, q35);
        controllerModels(def, q35);
        primaryVideoFirst(def);
        if (!def.devices().smartcards().isEmpty() && !hasController(def, "ccid", 0)) {
            addController(def, new ControllerDef().type("ccid").index("0"));
        }
        usbPorts(def);
        implicitInputs(def);
        audioDefault(def);
        if (def.devices().memballoon() == null) {
            def.devices().memballoon(new MemballoonDef().model("virtio"));
        }
        PciAddresses.assign(def, q35);
        QemuValidate.check(def, c);
    }

    /**
     * The default CPU (the machine's default CPU type, {@code qemu64}/{@code qemu32} on x86) when the
     * definition names none, and libvirt's default {@code check} per mode.
     */
    static void cpuDefaults(DomainDef def, QemuCaps c) {
        org.jvirt.conf.CpuDef cpu = def.cpu();
        String arch = def.os().type().arch();
        if (cpu == null || "custom".equals(cpu.mode()) && cpu.model() == null) {
            // the binary's default CPU type: qemu-system-i386 → qemu32, qemu-system-x86_64 → qemu64
            String model = "i386".equals(c.arch()) ? "qemu32" : "qemu64";
            if (!c.cpuModels().contains(model)) {
                return;
            }
            if (cpu == null) {
                cpu = new org.jvirt.conf.CpuDef();
                def.cpu(cpu);
            }
            cpu.mode("custom");
            cpu.match("exact");
            cpu.check("none");
            cpu.model(model);
            cpu.fallback("forbid");
            return;
        }
        if (cpu.check() == null) {
            switch (cpu.mode()) {
                case "host-passthrough", "maximum" -> cpu.check("none");
                case "host-model", "custom" -> cpu.check("partial");
                default -> {
                }
            }
        }
    }

    /** Disks get driver name {@code qemu} and, for local storage, format {@code raw} when unset. */
    static void diskDrivers(DomainDef def) {
        for (DiskDef d : def.devices().disks()) {
            String type = d.type() == null ? "file" : d.type();
            if (d.driver() == null) {
                d.driver(new org.jvirt.conf.DiskDriverDef());
            }
            if (d.driver().name() == null) {
                d.driver().name("qemu");
            }
            if (d.driver().type() == null && BlockBuilder.hasSource(d)
                    && List.of("file", "block", "nvme", "network").contains(type)) {
                d.driver().type("raw");
            }
        }
    }

    /** The PS/2 mouse and keyboard of the x86 machines' i8042 controller. */
    static void implicitInputs(DomainDef def) {
        var in = def.devices().inputs();
        boolean mouse = in.stream().anyMatch(i -> "mouse".equals(i.type()) && "ps2".equals(i.bus()));
        boolean kbd = in.stream().anyMatch(i -> "keyboard".equals(i.type()) && "ps2".equals(i.bus()));
        if (!mouse) {
            in.add(new org.jvirt.conf.InputDef().type("mouse").bus("ps2"));
        }
        if (!kbd) {
            in.add(new org.jvirt.conf.InputDef().type("keyboard").bus("ps2"));
        }
    }

    /** The default audio backend: none, or spice with SPICE graphics; none at all with D-Bus graphics. */
    static void audioDefault(DomainDef def) {
        var dv = def.devices();
        if (!dv.audios().isEmpty()) {
            return;
        }
        boolean dbus = dv.graphics().stream().anyMatch(g -> "dbus".equals(g.type()));
        if (dbus) {
            return;
        }
        boolean spice = dv.graphics().stream().anyMatch(g -> "spice".equals(g.type()));
        dv.audios().add(new org.jvirt.conf.AudioDef().id("1").type(spice ? "spice" : "none"));
    }

    /** libvirt keeps the primary video first. */
    static void primaryVideoFirst(DomainDef def) {
        var videos = def.devices().videos();
        for (int i = 1; i < videos.size(); i++) {
            var m = videos.get(i).model();
            if (m != null && "yes".equals(m.primary())) {
                videos.add(0, videos.remove(i));
                return;
            }
        }
    }

    /** USB addresses for USB-attached controllers (ccid), the next free port on bus 0. */
    static void usbPorts(DomainDef def) {
        int port = 1;
        for (ControllerDef c : def.devices().controllers()) {
            if ("ccid".equals(c.type())) {
                if (c.address() == null) {
                    c.address(new DeviceAddress().type("usb").bus("0").port(Integer.toString(port)));
                }
                port++;
            }
        }
    }

    static boolean isQ35(String machine) {
        return machine != null && machine.contains("q35");
    }

    /** Drive addresses from the target names, as libvirt's {@code virDomainDiskDefAssignAddress}. */
    static void driveAddresses(DomainDef def) {
        for (DiskDef d : def.devices().disks()) {
            String bus = PciAddresses.bus(d);
            if (bus == null || d.address() != null || d.target().dev() == null) {
                continue;
            }
            int idx = diskIndex(d.target().dev());
            if (idx < 0) {
                continue;
            }
            DeviceAddress a = switch (bus) {
                case "ide" -> drive(idx / 4, (idx % 4) / 2, idx % 2);
                case "scsi" -> drive(idx / 7, 0, idx % 7);
                case "sata" -> drive(idx / 6, 0, idx % 6);
                case "fdc" -> drive(0, 0, idx);
                default -> null;
            };
            if (a != null) {
                d.address(a);
            }
        }
    }

    private static DeviceAddress drive(int controller, int bus, int unit) {
        return new DeviceAddress().type("drive").controller(Integer.toString(controller)).bus(Integer.toString(bus))
                .target("0").unit(Integer.toString(unit));
    }

    /** {@code vda} → 0, {@code hdc} → 2, {@code sdaa} → 26 (libvirt's {@code virDiskNameToIndex}). */
    static int diskIndex(String dev) {
        String rest = null;
        for (String p : List.of("fd", "hd", "vd", "sd", "xvd", "ubd")) {
            if (dev.startsWith(p)) {
                rest = dev.substring(p.length());
                break;
            }
        }
        if (rest == null || rest.isEmpty()) {
            return -1;
        }
        int idx = 0;
        for (int i = 0; i < rest.length() && Character.isLowerCase(rest.charAt(i)); i++) {
            idx = (idx + (i < 1 ? 0 : 1)) * 26;
            idx += rest.charAt(i) - 'a';
        }
        return idx;
    }

    private static boolean hasController(DomainDef def, String type, int index) {
        for (ControllerDef c : def.devices().controllers()) {
            if (type.equals(c.type()) && PciAddresses.num(c.index()) == index) {
                return true;
            }
        }
        return false;
    }

    private static void addController(DomainDef def, ControllerDef c) {
        List<ControllerDef> list = def.devices().controllers();
        int pos = list.size();
        for (int i = 0; i < list.size(); i++) {
            ControllerDef o = list.get(i);
            if (c.type().equals(o.type()) && PciAddresses.num(o.index()) > PciAddresses.num(c.index())) {
                pos = i;
                break;
            }
        }
        int lastSame = -1;
        for (int i = 0; i < list.size(); i++) {
            if (c.type().equals(list.get(i).type()) && PciAddresses.num(list.get(i).index())
                    < PciAddresses.num(c.index())) {
                lastSame = i;
            }
        }
        if (lastSame >= 0) {
            pos = lastSame + 1;
        }
        list.add(pos, c);
    }

    /** Controllers libvirt adds: USB 0, the PCI root, controllers that disks and virtio consoles need. */
    static void implicitControllers(DomainDef def, boolean q35) {
        var dv = def.devices();
        for (DiskDef d : dv.disks()) {
            String bus = PciAddresses.bus(d);
            DeviceAddress a = d.address();
            if (a == null || !"drive".equals(a.type()) || bus == null) {
                continue;
            }
            int ctl = (int) PciAddresses.num(a.controller());
            String type = switch (bus) {
                case "ide" -> q35 ? "sata" : "ide";
                case "scsi" -> "scsi";
                case "sata" -> "sata";
                case "fdc" -> "fdc";
                default -> null;
            };
            if (type != null && !hasController(def, type, ctl)) {
                addController(def, new ControllerDef().type(type).index(Integer.toString(ctl)));
            }
        }
        if (q35 && !hasController(def, "sata", 0)) {
            addController(def, new ControllerDef().type("sata").index("0"));
        }
        if (!hasController(def, "usb", 0)) {
            addController(def, new ControllerDef().type("usb").index("0"));
        }
        if (!hasController(def, "pci", 0)) {
            addController(def, new ControllerDef().type("pci").index("0").model(q35 ? "pcie-root" : "pci-root"));
        }
        boolean virtioSerial = false;
        for (var ch : dv.channels()) {
            virtioSerial |= ch.target() != null && "virtio".equals(ch.target().type());
        }
        for (var co : dv.consoles()) {
            virtioSerial |= co.target() != null && "virtio".equals(co.target().type());
        }
        if (virtioSerial && !hasController(def, "virtio-serial", 0)) {
            addController(def, new ControllerDef().type("virtio-serial").index("0"));
        }
    }

    /** Default controller models (USB, SCSI, PCI bridges' model name and chassis). */
    static void controllerModels(DomainDef def, boolean q35) {
        int usbIndex = 0;
        for (ControllerDef c : def.devices().controllers()) {
            if (c.index() == null) {
                c.index(Integer.toString("usb".equals(c.type()) ? usbIndex : 0));
            }
            if ("usb".equals(c.type())) {
                usbIndex++;
            }
            switch (c.type()) {
                case "usb" -> {
                    if (c.model() == null) {
                        c.model(q35 ? "qemu-xhci" : "piix3-uhci");
                    }
                }
                case "scsi" -> {
                    if (c.model() == null) {
                        c.model("lsilogic");
                    }
                }
                case "pci" -> {
                    String m = c.model();
                    if ("pci-bridge".equals(m) || "pcie-root-port".equals(m)) {
                        if (c.modelElement() == null) {
                            c.modelElement(new ControllerModelDef().name("pcie-root-port".equals(m)
                                    ? "pcie-root-port" : "pci-bridge"));
                        }
                        if (c.target() == null) {
                            c.target(new ControllerTargetDef());
                        }
                        if ("pci-bridge".equals(m) && c.target().chassisNr() == null) {
                            c.target().chassisNr(c.index());
                        }
                    }
                }
                default -> {
                }
            }
        }
    }
}
