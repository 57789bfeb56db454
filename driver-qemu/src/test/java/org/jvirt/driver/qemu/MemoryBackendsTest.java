package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.MemoryDeviceDef;

/** The single preallocation rule, decided from capabilities: virtio-mem-pci with or without {@code prealloc}. */
class MemoryBackendsTest {
    static QemuCaps caps(boolean virtioMemPrealloc) {
        Map<String, Map<String, String>> props = virtioMemPrealloc
                ? Map.of("virtio-mem-pci", Map.of("prealloc", "bool"), "memory-backend-ram", Map.of("reserve", "bool"))
                : Map.of("virtio-mem-pci", Map.of("block-size", "size"));
        return new QemuCaps("/usr/bin/qemu-system-x86_64", "x86_64", 7, 2, 0, "test", Set.of(), List.of(), List.of(),
                Set.of("virtio-mem-pci", "memory-backend-ram", "memory-backend-file"), props, Set.of(), Set.of(),
                false);
    }

    static DomainDef def(String memoryBacking) {
        return DomainXml.parse("<domain type='kvm'><name>m</name><maxMemory slots='4' unit='KiB'>4194304</maxMemory>"
                + "<memory unit='KiB'>2097152</memory>" + memoryBacking + "<vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                + "<cpu><numa><cell id='0' cpus='0' memory='1048576' unit='KiB'/></numa></cpu><devices>"
                + "<memory model='virtio-mem'><target><size unit='KiB'>1048576</size><node>0</node>"
                + "<block unit='KiB'>2048</block><requested unit='KiB'>524288</requested></target></memory>"
                + "<memory model='dimm'><target><size unit='KiB'>524288</size><node>0</node></target></memory>"
                + "</devices></domain>");
    }

    @Test
    void immediateAllocationGoesOnTheVirtioMemDeviceWhenQemuHasThePropertyElseOnItsBackend() {
        DomainDef d = def("<memoryBacking><allocation mode='immediate'/></memoryBacking>");
        MemoryDeviceDef vmem = d.devices().memoryDevices().get(0);
        MemoryDeviceDef dimm = d.devices().memoryDevices().get(1);
        MemoryBackends withProp = new MemoryBackends(d, caps(true), Path.of("/ram"));
        assertEquals(MemoryBackends.Prealloc.DEVICE, withProp.prealloc(vmem, false));
        assertEquals(MemoryBackends.Prealloc.BACKEND, withProp.prealloc(dimm, false));
        assertEquals(MemoryBackends.Prealloc.BACKEND, withProp.prealloc(null, false), "guest RAM / NUMA cells");
        Map<String, Object> be = withProp.props(new MemoryBackends.Spec("memvirtiomem0", 1L << 30, vmem, null, null));
        assertEquals(null, be.get("prealloc"), "not on the backend when the device takes it");
        assertEquals(false, be.get("reserve"));

        MemoryBackends old = new MemoryBackends(d, caps(false), Path.of("/ram"));
        assertEquals(MemoryBackends.Prealloc.BACKEND, old.prealloc(vmem, false), "older QEMU: on the backend");
        assertEquals(true, old.props(new MemoryBackends.Spec("memvirtiomem0", 1L << 30, vmem, null, null))
                .get("prealloc"));
    }

    @Test
    void hugepagesPreallocateAndPlainMemoryDoesNot() {
        DomainDef plain = def("");
        MemoryBackends mb = new MemoryBackends(plain, caps(true), Path.of("/ram"));
        assertEquals(MemoryBackends.Prealloc.NONE, mb.prealloc(plain.devices().memoryDevices().get(0), false));
        assertEquals(MemoryBackends.Prealloc.DEVICE, mb.prealloc(plain.devices().memoryDevices().get(0), true));
        assertEquals(MemoryBackends.Prealloc.BACKEND, mb.prealloc(null, true));
        mb.globalPrealloc = true;
        assertEquals(MemoryBackends.Prealloc.GLOBAL, mb.prealloc(null, true), "-mem-prealloc already did it");
    }
}
