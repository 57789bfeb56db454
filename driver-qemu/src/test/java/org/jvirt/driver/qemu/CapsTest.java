package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Version;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;

/** The capabilities probe of a real QEMU, its disk cache, the capabilities XML and the argv built from them. */
class CapsTest {
    private static QemuCaps caps;
    private static Path root;

    @BeforeAll
    static void probe() throws Exception {
        QemuTestSupport.requireQemu();
        root = QemuTestSupport.newRoot();
        caps = new CapsCache(root.resolve("cache"), root).get(QemuTestSupport.QEMU);
    }

    @Test
    void probedFacts() {
        assertEquals("x86_64", caps.arch());
        assertTrue(caps.major() >= 7, caps.version());
        assertTrue(caps.hasCommand("qmp_capabilities") && caps.hasCommand("query-status") && caps.hasCommand("cont"));
        QemuCaps.Machine pc = caps.machine("pc").orElseThrow();
        assertTrue(pc.name().startsWith("pc-i440fx-"), pc.toString());
        assertEquals("pc", pc.alias());
        assertTrue(caps.machine("q35").orElseThrow().name().startsWith("pc-q35-"));
        assertTrue(caps.defaultMachine().isPresent());
        assertTrue(caps.cpuModels().contains("qemu64"));
        assertTrue(caps.hasType("virtio-balloon-pci") && caps.hasType("memory-backend-ram"));
        assertTrue(caps.deviceHasProperty("virtio-balloon-pci", "free-page-reporting"), caps.deviceProps().toString());
        assertTrue(caps.hasOption("sandbox") || caps.hasOption("msg"));
        if (caps.major() == 7 && caps.minor() == 2) {
            // what qemu-qmp.md verified on this machine kind
            assertEquals("pc-i440fx-7.2", pc.name());
            assertTrue(caps.deviceHasProperty("virtio-mem-pci", "prealloc"));
            assertTrue(caps.hasMigrationCapability("postcopy-preempt"));
        }
        assertFalse(caps.deviceHasProperty("virtio-balloon-pci", "no-such-property"));
    }

    @Test
    void diskCacheIsUsedAndInvalidatedByMtime() throws Exception {
        Path dir = QemuTestSupport.newRoot();
        Path bin = dir.resolve("qemu-system-x86_64");
        // a wrapper that execs QEMU (a copied binary would not find its modules)
        Files.writeString(bin, "#!/bin/sh\nexec " + QemuTestSupport.QEMU + " \"$@\"\n");
        bin.toFile().setExecutable(true);
        CapsCache c1 = new CapsCache(dir.resolve("cache"), dir);
        QemuCaps first = c1.get(bin);
        assertTrue(c1.cachedOnDisk(bin));
        CapsCache c2 = new CapsCache(dir.resolve("cache"), dir);
        long t0 = System.nanoTime();
        QemuCaps second = c2.get(bin);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(first, second, "read back from disk equals the probe");
        assertNotSame(first, second);
        assertTrue(ms < 1000, "cache read took " + ms + " ms");
        Files.setLastModifiedTime(bin, FileTime.fromMillis(Files.getLastModifiedTime(bin).toMillis() - 60_000));
        assertFalse(c2.cachedOnDisk(bin), "another mtime invalidates the entry");
        assertEquals(first, c2.get(bin), "re-probed");
        assertTrue(c2.cachedOnDisk(bin));
        Files.delete(bin);
    }

    @Test
    void capabilitiesXmlListsMachinesWithCanonicalAliases() throws Exception {
        try (Connect c = QemuTestSupport.open(root)) {
            String xml = c.getCapabilities();
            assertTrue(xml.startsWith("<capabilities>"), xml);
            assertTrue(xml.contains("<emulator>/usr/bin/qemu-system-x86_64</emulator>"), xml);
            assertTrue(xml.contains("<machine canonical='" + caps.machine("pc").orElseThrow().name()
                    + "' maxCpus='"), xml);
            assertTrue(xml.contains("<domain type='qemu'/>"), xml);
            assertEquals(QemuProcess.kvmUsable(), xml.contains("<domain type='kvm'/>"), xml);
            assertEquals(new Version(caps.major(), caps.minor(), caps.micro()), c.getVersion());
            // the XML parses
            javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @Test
    void argvFollowsLibvirtOrderForAMinimalKernelGuest() {
        DomainDef def = DomainXml.parse("<domain type='qemu'><name>g1</name><uuid>c7a5fdbd-edaf-9455-926a-"
                + "d65c16db1809</uuid><memory unit='KiB'>219100</memory><vcpu>2</vcpu>"
                + "<os><type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type><kernel>/k</kernel><initrd>/i</initrd>"
                + "<cmdline>console=ttyS0 quiet</cmdline></os><features><acpi/></features>"
                + "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator>"
                + "<serial type='file'><source path='/tmp/con,sole.log'/></serial></devices></domain>");
        var argv = CommandBuilder.build(new CommandBuilder.Inputs(def, caps, "tcg", Path.of("/run/m.sock"), Path.of("/run")));
        String joined = String.join(" ", argv);
        String expected = "/usr/bin/qemu-system-x86_64 -name guest=g1,debug-threads=on -S "
                + "-object {\"qom-type\":\"secret\",\"id\":\"masterKey0\",\"format\":\"raw\","
                + "\"file\":\"/run/master-key.aes\"} "
                + "-machine pc-i440fx-7.2,usb=off,dump-guest-core=off,memory-backend=pc.ram -accel tcg -cpu qemu64 "
                + "-m 214 -object {\"qom-type\":\"memory-backend-ram\",\"id\":\"pc.ram\",\"size\":224395264} "
                + "-overcommit mem-lock=off -smp 2,sockets=2,cores=1,threads=1 "
                + "-uuid c7a5fdbd-edaf-9455-926a-d65c16db1809 -display none -no-user-config -nodefaults "
                + "-chardev socket,id=charmonitor,path=/run/m.sock,server=on,wait=off "
                + "-mon chardev=charmonitor,id=monitor,mode=control -rtc base=utc -no-shutdown -boot strict=on "
                + "-kernel /k -initrd /i -append console=ttyS0 quiet "
                + "-chardev file,id=charserial0,path=/tmp/con,,sole.log "
                + "-device {\"driver\":\"isa-serial\",\"chardev\":\"charserial0\",\"id\":\"serial0\",\"index\":0} "
                + "-audiodev {\"id\":\"audio1\",\"driver\":\"none\"} "
                + "-sandbox on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny -msg timestamp=on";
        assertEquals(expected, joined);
        // same option order as libvirt 9 emits for this QEMU (corpus), for the options both have
        Path corpus = null;
        for (String base : new String[] {System.getenv("JVIRT_SHARED"), "../../shared", "../../../shared",
            "/work/shared"}) {
            if (base != null && Files.isDirectory(Path.of(base, "corpus/qemu-argv"))) {
                corpus = Path.of(base, "corpus/qemu-argv/serial-many-chardev.qemu-7.2.args");
                break;
            }
        }
        if (corpus != null && Files.exists(corpus)) {
            try {
                var theirs = Files.readAllLines(corpus).stream().filter(l -> l.startsWith("-")).toList();
                var ours = argv.stream().filter(l -> l.startsWith("-") && theirs.contains(l)).toList();
                // ours, restricted to options libvirt emitted there, is a subsequence of libvirt's argv
                int j = 0;
                for (String o : ours) {
                    while (j < theirs.size() && !theirs.get(j).equals(o)) {
                        j++;
                    }
                    assertTrue(j < theirs.size(), o + " out of libvirt's order: ours " + ours + ", libvirt " + theirs);
                    j++;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void kvmDomainUsesKvmOnlyWhenUsable() {
        DomainDef kvm = DomainXml.parse(QemuTestSupport.firmwareXml("k", UUID.randomUUID()).replaceFirst(
                "type='(kvm|qemu)'", "type='kvm'"));
        assertEquals(QemuProcess.kvmUsable() ? "kvm" : "tcg", QemuHost.accelFor(kvm, caps));
        DomainDef tcg = DomainXml.parse(QemuTestSupport.firmwareXml("q", UUID.randomUUID()).replaceFirst(
                "type='(kvm|qemu)'", "type='qemu'"));
        assertEquals("tcg", QemuHost.accelFor(tcg, caps));
    }
}
