package org.jvirt.driver.qemu;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.MemballoonDef;

/**
 * The QEMU driver's checks of a definition against the emulator's capabilities, run at define (as
 * libvirt's {@code qemuValidateDomainDef} and device validation), with libvirt's messages.
 */
final class QemuValidate {
    private QemuValidate() {
    }

    static VirtException unsupported(String msg) {
        return VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, msg);
    }

    static VirtException xml(String msg) {
        return VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.QEMU, msg);
    }

    /**
     * Controller checks that come before address assignment (libvirt's PCI controller and USB rules).
     *
     * @param def the definition
     * @param q35 whether the machine is a q35 (PCIe root) machine
     */
    static void controllers(DomainDef def, boolean q35) {
        for (var c : def.devices().controllers()) {
            String m = c.model();
            if ("pci".equals(c.type()) && ("pci-root".equals(m) || "pcie-root".equals(m))) {
                if (PciAddresses.num(c.index()) != 0) {
                    throw xml("pci-root and pcie-root controllers should have index 0");
                }
                String want = q35 ? "pcie-root" : "pci-root";
                if (!want.equals(m)) {
                    throw xml("The PCI controller with index='0' must be model='" + want
                            + "' for this machine type, but model='" + m + "' was found instead");
                }
            }
            if ("usb".equals(c.type()) && ("qemu-xhci".equals(m) || "nec-xhci".equals(m)) && c.ports() != null
                    && Integer.parseInt(c.ports()) > 15) {
                throw unsupported("'" + m + "' controller only supports up to '15' ports");
            }
        }
    }

    /** Validates a completed definition; throws libvirt's error for the first problem. */
    static void check(DomainDef def, QemuCaps caps) {
        boolean x86 = "x86_64".equals(caps.arch()) || "i386".equals(caps.arch());
        boolean numa = !def.numaCells().isEmpty();
        if (x86 && def.maxMemory() != null && def.maxMemory().value() != null && !numa) {
            throw unsupported("At least one numa node has to be configured when enabling memory hotplug");
        }
        var mb = def.memoryBacking();
        if (mb != null && "shared".equals(mb.accessMode()) && !numa && !caps.hasType("memory-backend-file")) {
            throw unsupported("memory access mode 'shared' not supported without guest numa node");
        }
        MemballoonDef b = def.devices().memballoon();
        if (b != null && b.freePageReporting() != null && "on".equals(b.freePageReporting())
                && !caps.deviceHasProperty("virtio-balloon-pci", "free-page-reporting")) {
            throw unsupported("freePageReporting is not supported by this QEMU binary");
        }
        if (b != null && b.autodeflate() != null && "on".equals(b.autodeflate())
                && !caps.deviceHasProperty("virtio-balloon-pci", "deflate-on-oom")) {
            throw unsupported("deflate-on-oom is not supported by this QEMU binary");
        }
        for (var m : def.devices().memoryDevices()) {
            if ("virtio-mem".equals(m.model()) && !caps.hasType("virtio-mem-pci")) {
                throw unsupported("virtio-mem isn't supported by this QEMU binary");
            }
            if ("virtio-pmem".equals(m.model()) && !caps.hasType("virtio-pmem-pci")) {
                throw unsupported("virtio-pmem isn't supported by this QEMU binary");
            }
            if ("nvdimm".equals(m.model()) && !caps.hasType("nvdimm")) {
                throw unsupported("nvdimm isn't supported by this QEMU binary");
            }
        }
        for (var d : def.devices().disks()) {
            if ("nvme".equals(d.type()) && !caps.hasType("nvme") && !caps.hasType("vfio-pci")) {
                throw unsupported("NVMe disks are not supported by this QEMU binary");
            }
        }
    }
}
