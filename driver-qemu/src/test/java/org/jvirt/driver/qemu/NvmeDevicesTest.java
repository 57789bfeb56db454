package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;

/** NVMe host controllers at start, against a fake sysfs tree (no such device exists on this machine). */
class NvmeDevicesTest {
    static DomainDef def(String managed1, String addr2) {
        return DomainXml.parse("<domain type='qemu'><name>n</name><memory>65536</memory><os><type>hvm</type></os>"
                + "<devices>"
                + "<disk type='nvme' device='disk'><driver name='qemu' type='raw'/>"
                + "<source type='pci' managed='" + managed1 + "' namespace='1'><address domain='0x0000' bus='0x01' "
                + "slot='0x00' function='0x0'/></source><target dev='vda' bus='virtio'/></disk>"
                + "<disk type='nvme' device='disk'><driver name='qemu' type='raw'/>"
                + "<source type='pci' managed='yes' namespace='1'><address domain='0x0000' bus='" + addr2 + "' "
                + "slot='0x00' function='0x0'/></source><target dev='vdb' bus='virtio'/></disk>"
                + "</devices></domain>");
    }

    static Path device(Path sysfs, String addr, String driver) throws Exception {
        Path dev = Files.createDirectories(sysfs.resolve("devices").resolve(addr));
        Files.writeString(dev.resolve("driver_override"), "(null)\n");
        if (driver != null) {
            Path drv = Files.createDirectories(sysfs.resolve("drivers").resolve(driver));
            Files.writeString(drv.resolve("unbind"), "");
            Files.createSymbolicLink(dev.resolve("driver"), drv);
        }
        return dev;
    }

    @Test
    void aMissingControllerIsNamedAndNothingIsTouched(@TempDir Path sysfs) throws Exception {
        Path present = device(sysfs, "0000:01:00.0", "nvme");
        Files.writeString(sysfs.resolve("drivers_probe"), "");
        VirtException e = assertThrows(VirtException.class, () -> NvmeDevices.prepare(def("yes", "0x02"), sysfs));
        assertEquals(ErrorCode.DEVICE_MISSING, e.code());
        assertTrue(e.getMessage().contains("0000:02:00.0"), e.getMessage());
        assertTrue(e.getMessage().contains("'vdb'"), e.getMessage());
        // the first (existing, managed) controller was checked but not rebound
        assertEquals("(null)\n", Files.readString(present.resolve("driver_override")));
        assertEquals("", Files.readString(sysfs.resolve("drivers_probe")));
    }

    @Test
    void managedControllersAreBoundToVfioAndGivenBack(@TempDir Path sysfs) throws Exception {
        Path a = device(sysfs, "0000:01:00.0", "nvme");
        Path b = device(sysfs, "0000:02:00.0", null);
        Files.writeString(sysfs.resolve("drivers_probe"), "");
        DomainDef d = def("no", "0x02");
        NvmeDevices.prepare(d, sysfs);
        assertEquals("(null)\n", Files.readString(a.resolve("driver_override")), "unmanaged stays");
        assertEquals("vfio-pci", Files.readString(b.resolve("driver_override")));
        assertEquals("0000:02:00.0", Files.readString(sysfs.resolve("drivers_probe")));
        assertEquals("", Files.readString(sysfs.resolve("drivers/nvme/unbind")), "unmanaged not unbound");
        NvmeDevices.release(d, sysfs);
        assertEquals("\n", Files.readString(b.resolve("driver_override")), "given back");
    }

    @Test
    void theArgvNamesTheControllerAndNamespace() {
        // the builder's -blockdev for nvme (the corpus' derived/disk-nvme-noencryption checks it in full)
        assertEquals("0000:01:00.0", NvmeDevices.address(new org.jvirt.conf.DeviceAddress().domain("0x0000")
                .bus("0x01").slot("0x00").function("0x0")));
    }
}
