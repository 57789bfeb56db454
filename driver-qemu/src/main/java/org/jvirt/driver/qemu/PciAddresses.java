package org.jvirt.driver.qemu;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.ControllerDef;
import org.jvirt.conf.DeviceAddress;
import org.jvirt.conf.DiskDef;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.HostdevDef;
import org.jvirt.conf.InterfaceDef;
import org.jvirt.conf.MemoryDeviceDef;
import org.jvirt.conf.VideoDef;

/**
 * PCI address assignment as libvirt's {@code qemuDomainAssignPCIAddresses} for the i440fx and q35
 * machines: addresses written in the XML are reserved first; then slot 1 (PIIX3/ICH9 functions) and the
 * primary video slot; then the devices without an address get the next free slot on the first bus with
 * room, in libvirt's order (PCI controllers, filesystems, interfaces, sound, other controllers, virtio
 * disks, host devices, memballoon, rng, watchdog, other videos, inputs, vsock, memory devices, iommu).
 */
final class PciAddresses {
    /** One device's address, read and written through the model. */
    record Slot(Supplier<DeviceAddress> get, Consumer<DeviceAddress> set) {
    }

    private final DomainDef def;
    private final boolean q35;
    /** bus index → used slots (bit set of 32 slots, per function ignored except for reservation). */
    private final TreeMap<Integer, boolean[]> used = new TreeMap<>();
    /** bus indexes that take hot-pluggable devices (pci-root / pci-bridge), in order. */
    private final List<Integer> buses = new ArrayList<>();

    private PciAddresses(DomainDef def, boolean q35) {
        this.def = def;
        this.q35 = q35;
    }

    static long num(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        String t = s.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
    }

    static boolean isPci(DeviceAddress a) {
        return a != null && "pci".equals(a.type());
    }

    /** Assigns the missing PCI addresses of a definition. */
    static void assign(DomainDef def, boolean q35) {
        new PciAddresses(def, q35).run();
    }

    private void run() {
        for (ControllerDef c : def.devices().controllers()) {
            if (!"pci".equals(c.type())) {
                continue;
            }
            String m = c.model();
            if ("pci-root".equals(m) || "pcie-root".equals(m) || "pci-bridge".equals(m)) {
                int idx = (int) num(c.index());
                used.put(idx, new boolean[32]);
                if (!"pcie-root".equals(m)) {
                    buses.add(idx);
                }
            }
        }
        if (buses.isEmpty()) {
            // q35 without root ports: libvirt would add pcie-root-ports; jvirt uses the root complex
            used.computeIfAbsent(0, k -> new boolean[32]);
            buses.add(0);
        }
        // reserve what the XML says
        for (Slot s : all()) {
            DeviceAddress a = s.get().get();
            if (isPci(a)) {
                mark((int) num(a.bus()), (int) num(a.slot()));
            }
        }
        mark(0, 0);
        if (!q35) {
            mark(0, 1);
        } else {
            mark(0, 0x1f);
        }
        // the functions built into the southbridge: PIIX3's IDE (1.1) and UHCI (1.2); ICH9's AHCI (1f.2)
        for (ControllerDef c : def.devices().controllers()) {
            if (c.address() != null || num(c.index()) != 0) {
                continue;
            }
            if (!q35 && "ide".equals(c.type())) {
                c.address(pci(0, 1, 1));
            } else if (!q35 && "usb".equals(c.type()) && "piix3-uhci".equals(c.model())) {
                c.address(pci(0, 1, 2));
            } else if (q35 && "sata".equals(c.type())) {
                c.address(pci(0, 0x1f, 2));
            }
        }
        // the primary video takes slot 2 (i440fx) or 1 (q35) when it has no address
        List<VideoDef> videos = def.devices().videos();
        if (!videos.isEmpty() && !isPci(videos.get(0).address()) && videoIsPci(videos.get(0))) {
            int slot = q35 ? 1 : 2;
            VideoDef v = videos.get(0);
            if (!isUsed(0, slot)) {
                mark(0, slot);
                v.address(pci(0, slot, 0));
            }
        } else if (!q35) {
            // libvirt keeps slot 2 free for a video card added later only when there is one
        }
        for (Slot s : order()) {
            if (isPci(s.get().get())) {
                continue;
            }
            DeviceAddress a = s.get().get();
            if (a != null && a.type() != null && !"pci".equals(a.type())) {
                continue;
            }
            s.set().accept(next());
        }
    }

    private static boolean videoIsPci(VideoDef v) {
        String t = v.model() == null ? null : v.model().type();
        return t == null || !("none".equals(t));
    }

    private boolean isUsed(int bus, int slot) {
        boolean[] b = used.get(bus);
        return b != null && b[slot];
    }

    private void mark(int bus, int slot) {
        used.computeIfAbsent(bus, k -> new boolean[32])[slot] = true;
    }

    private DeviceAddress next() {
        for (int bus : buses) {
            boolean[] b = used.get(bus);
            for (int slot = bus == 0 ? 1 : 1; slot < 32; slot++) {
                if (!b[slot]) {
                    b[slot] = true;
                    return pci(bus, slot, 0);
                }
            }
        }
        throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "No more available PCI slots");
    }

    static DeviceAddress pci(int bus, int slot, int function) {
        return new DeviceAddress().type("pci").domain("0x0000").bus(String.format("0x%02x", bus))
                .slot(String.format("0x%02x", slot)).function("0x" + function);
    }

    private List<Slot> all() {
        List<Slot> out = new ArrayList<>(order());
        for (ControllerDef c : def.devices().controllers()) {
            if (!wantsPci(c)) {
                out.add(new Slot(c::address, c::address));
            }
        }
        for (VideoDef v : def.devices().videos()) {
            out.add(new Slot(v::address, v::address));
        }
        for (DiskDef d : def.devices().disks()) {
            if (!"virtio".equals(bus(d))) {
                out.add(new Slot(d::address, d::address));
            }
        }
        return out;
    }

    static String bus(DiskDef d) {
        return d.target() == null ? null : d.target().bus();
    }

    /** Whether a controller needs a PCI slot of its own. */
    boolean wantsPci(ControllerDef c) {
        String t = c.type();
        String m = c.model();
        return switch (t == null ? "" : t) {
            case "pci" -> !"pci-root".equals(m) && !"pcie-root".equals(m);
            case "usb" -> !"none".equals(m) && !(m != null && m.startsWith("piix3")) && !"ich9-ehci1".equals(m)
                    && !(m != null && m.startsWith("ich9-uhci"));
            case "ide" -> false;
            case "sata" -> !q35 || num(c.index()) != 0;
            case "fdc", "ccid", "xenbus", "isa" -> false;
            default -> true;
        };
    }

    /** The devices that take a PCI slot when they have none, in libvirt's order. */
    private List<Slot> order() {
        List<Slot> out = new ArrayList<>();
        var dv = def.devices();
        for (ControllerDef c : dv.controllers()) {
            if ("pci".equals(c.type()) && wantsPci(c)) {
                out.add(new Slot(c::address, c::address));
            }
        }
        for (var f : dv.filesystems()) {
            out.add(new Slot(f::address, f::address));
        }
        for (InterfaceDef n : dv.interfaces()) {
            if (!"hostdev".equals(n.type())) {
                out.add(new Slot(n::address, n::address));
            }
        }
        for (var s : dv.sounds()) {
            if (!"pcspk".equals(s.model()) && !"sb16".equals(s.model()) && !"usb".equals(s.model())) {
                out.add(new Slot(s::address, s::address));
            }
        }
        for (ControllerDef c : dv.controllers()) {
            if (!"pci".equals(c.type()) && wantsPci(c)) {
                out.add(new Slot(c::address, c::address));
            }
        }
        for (DiskDef d : dv.disks()) {
            if ("virtio".equals(bus(d))) {
                out.add(new Slot(d::address, d::address));
            }
        }
        for (HostdevDef h : dv.hostdevs()) {
            if ("pci".equals(h.type())) {
                out.add(new Slot(h::address, h::address));
            }
        }
        var b = dv.memballoon();
        if (b != null && b.model() != null && b.model().startsWith("virtio")) {
            out.add(new Slot(b::address, b::address));
        }
        for (var r : dv.rngs()) {
            out.add(new Slot(r::address, r::address));
        }
        for (var w : dv.watchdogs()) {
            if ("i6300esb".equals(w.model())) {
                out.add(new Slot(w::address, w::address));
            }
        }
        List<VideoDef> videos = dv.videos();
        for (int i = 1; i < videos.size(); i++) {
            VideoDef v = videos.get(i);
            out.add(new Slot(v::address, v::address));
        }
        for (var in : dv.inputs()) {
            if ("virtio".equals(in.bus())) {
                out.add(new Slot(in::address, in::address));
            }
        }
        var vs = dv.vsock();
        if (vs != null) {
            out.add(new Slot(vs::address, vs::address));
        }
        for (MemoryDeviceDef m : dv.memoryDevices()) {
            if ("virtio-pmem".equals(m.model()) || "virtio-mem".equals(m.model())) {
                out.add(new Slot(m::address, m::address));
            }
        }
        var io = dv.iommu();
        if (io != null && "virtio".equals(io.model())) {
            out.add(new Slot(io::address, io::address));
        }
        return out;
    }
}
