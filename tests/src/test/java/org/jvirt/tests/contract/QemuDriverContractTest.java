package org.jvirt.tests.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.jvirt.api.Connect;
import org.jvirt.core.Virt;

/**
 * The driver contract on the QEMU driver, opened by URI ({@code qemu:///embed?root=...}) like any
 * user would, with firmware-only guests (no disk, no kernel): KVM where /dev/kvm is usable, TCG
 * otherwise. Every QEMU started under the root is killed by pid afterwards, even on failure.
 */
class QemuDriverContractTest extends DriverContractTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static Path root;

    @BeforeAll
    static void makeRoot() throws IOException {
        if (!Files.isExecutable(QEMU)) {
            if (System.getenv("CI") != null) {
                fail("QEMU not installed (" + QEMU + ") and CI is set");
            }
            Assumptions.abort("QEMU not installed");
        }
        Path base = Path.of("target/qc").toAbsolutePath();
        Files.createDirectories(base);
        root = Files.createTempDirectory(base, "r");
    }

    @AfterAll
    static void killLeftovers() {
        if (root == null) {
            return;
        }
        ProcessHandle.allProcesses()
                .filter(ph -> ph.info().commandLine().orElse("").contains(root.toString()))
                .forEach(ph -> {
                    ph.destroyForcibly();
                    ph.onExit().join();
                });
    }

    @Override
    protected Connect openConnection() {
        return Virt.open("qemu:///embed?root=" + root);
    }

    private static boolean kvmUsable() {
        try (RandomAccessFile f = new RandomAccessFile("/dev/kvm", "rw")) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    protected String minimalDomainXml(String name, UUID uuid) {
        return "<domain type='" + (kvmUsable() ? "kvm" : "qemu") + "'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='MiB'>64</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                + "</domain>\n";
    }
}
