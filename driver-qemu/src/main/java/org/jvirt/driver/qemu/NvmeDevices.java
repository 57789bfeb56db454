package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DeviceAddress;
import org.jvirt.conf.DiskDef;
import org.jvirt.conf.DomainDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host NVMe controllers used by {@code <disk type='nvme'>}: before start, every referenced PCI device
 * must exist; managed ones are detached from their host driver and bound to {@code vfio-pci} (through
 * sysfs {@code driver_override}, as libvirt's {@code virPCIDeviceDetach}); after the guest stops they
 * are given back to the driver they had. All devices are checked before any is touched, and a failure
 * while binding gives back the ones already bound, so a failed start leaves the host as it was.
 */
final class NvmeDevices {
    private static final Logger LOG = LoggerFactory.getLogger(NvmeDevices.class);
    static final Path SYSFS = Path.of("/sys/bus/pci");
    /** PCI address → the driver it had before jvirt bound it to vfio-pci ("" for none). */
    private static final Map<String, String> BOUND = new ConcurrentHashMap<>();

    private NvmeDevices() {
    }

    static String address(DeviceAddress a) {
        return String.format("%04x:%02x:%02x.%x", PciAddresses.num(a.domain()), PciAddresses.num(a.bus()),
                PciAddresses.num(a.slot()), PciAddresses.num(a.function()));
    }

    /**
     * Checks and prepares the NVMe devices of a definition for start.
     *
     * @param def the definition about to start
     * @param sysfs the PCI sysfs root ({@code /sys/bus/pci})
     * @throws VirtException {@link ErrorCode#DEVICE_MISSING} naming the first PCI device that does not
     *         exist; {@link ErrorCode#OPERATION_FAILED} when binding to vfio-pci fails (nothing left bound)
     */
    static void prepare(DomainDef def, Path sysfs) {
        List<String[]> managed = new ArrayList<>();
        for (DiskDef d : def.devices().disks()) {
            if (!"nvme".equals(d.type()) || d.source() == null || d.source().address() == null) {
                continue;
            }
            String addr = address(d.source().address());
            Path dev = sysfs.resolve("devices").resolve(addr);
            if (!Files.isDirectory(dev)) {
                throw VirtException.of(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU, "NVMe disk '"
                        + d.target().dev() + "': host PCI device " + addr + " not found (" + dev
                        + " does not exist); nothing was changed on the host");
            }
            if (!"no".equals(d.source().managed())) {
                managed.add(new String[] {addr, d.target().dev()});
            }
        }
        List<String> done = new ArrayList<>();
        try {
            for (String[] m : managed) {
                if (bind(sysfs, m[0])) {
                    done.add(m[0]);
                }
            }
        } catch (IOException e) {
            for (String a : done) {
                giveBack(sysfs, a);
            }
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "cannot bind the NVMe controller to vfio-pci: " + e.getMessage());
        }
    }

    private static boolean bind(Path sysfs, String addr) throws IOException {
        Path dev = sysfs.resolve("devices").resolve(addr);
        Path driver = dev.resolve("driver");
        String current = Files.isSymbolicLink(driver) ? Files.readSymbolicLink(driver).getFileName().toString() : "";
        if ("vfio-pci".equals(current)) {
            return false;
        }
        Files.writeString(dev.resolve("driver_override"), "vfio-pci");
        if (!current.isEmpty()) {
            Files.writeString(driver.resolve("unbind"), addr);
        }
        Files.writeString(sysfs.resolve("drivers_probe"), addr);
        BOUND.put(addr, current);
        LOG.info("NVMe controller {} detached from '{}' and bound to vfio-pci", addr, current);
        return true;
    }

    /** Gives back the managed NVMe controllers of a stopped domain to the drivers they had. */
    static void release(DomainDef def, Path sysfs) {
        for (DiskDef d : def.devices().disks()) {
            if ("nvme".equals(d.type()) && d.source() != null && d.source().address() != null) {
                giveBack(sysfs, address(d.source().address()));
            }
        }
    }

    private static void giveBack(Path sysfs, String addr) {
        String before = BOUND.remove(addr);
        if (before == null) {
            return;
        }
        Path dev = sysfs.resolve("devices").resolve(addr);
        try {
            if (Files.exists(dev.resolve("driver"))) {
                Files.writeString(dev.resolve("driver").resolve("unbind"), addr);
            }
            Files.writeString(dev.resolve("driver_override"), "\n");
            Files.writeString(sysfs.resolve("drivers_probe"), addr);
            LOG.info("NVMe controller {} given back to '{}'", addr, before);
        } catch (IOException e) {
            LOG.warn("cannot give NVMe controller {} back to '{}': {}", addr, before, e.toString());
        }
    }
}
