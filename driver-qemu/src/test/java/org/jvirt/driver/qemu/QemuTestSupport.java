package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/**
 * Shared helpers of the QEMU tests: find QEMU (a missing QEMU fails the test when env CI is set,
 * else skips it), fresh embed roots with short paths, the Linux test guest, and cleanup of every
 * QEMU a test started, by pid.
 */
final class QemuTestSupport {
    static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();

    private QemuTestSupport() {
    }

    /** Skips (or under CI fails) when QEMU is not installed. */
    static void requireQemu() {
        if (!Files.isExecutable(QEMU)) {
            missing("QEMU (" + QEMU + ") is not installed: apt-get install qemu-system-x86");
        }
    }

    static void missing(String what) {
        if (System.getenv("CI") != null) {
            fail(what + " (CI is set, so this is a failure)");
        }
        Assumptions.abort(what);
    }

    /** A fresh, short root directory for qemu:///embed. */
    static Path newRoot() throws IOException {
        Path base = Path.of(System.getProperty("jvirt.qemu.testRoot", "target/qt")).toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "r");
    }

    /** Opens qemu:///embed?root=ROOT directly through the driver. */
    static Connect open(Path root) {
        OpenResult r = new QemuDriver().open(new OpenRequest(ConnectUri.parse("qemu:///embed?root=" + root), false,
                null, java.util.Map.of()));
        return ((OpenResult.Accepted) r).connect();
    }

    /** A firmware-only guest (no disk, no kernel): KVM where /dev/kvm works, else TCG. */
    static String firmwareXml(String name, UUID uuid) {
        String type = QemuProcess.kvmUsable() ? "kvm" : "qemu";
        return "<domain type='" + type + "'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='MiB'>64</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                + "  <devices><emulator>" + QEMU + "</emulator></devices>\n"
                + "</domain>\n";
    }

    /** Remembers a QEMU pid so that {@link #killAll()} ends it even when a test fails. */
    static long track(long pid) {
        PIDS.add(pid);
        return pid;
    }

    /** Kills every tracked QEMU still alive, by pid. */
    static void killAll() {
        for (Long pid : List.copyOf(PIDS)) {
            QemuProcess.killByPid(pid, Duration.ofSeconds(2));
            PIDS.remove(pid);
        }
    }

    /** After a test: destroys every running domain of {@code conn} (if opened), then closes it. */
    static void closeDestroyingAll(Connect conn) {
        if (conn == null) {
            return;
        }
        for (Domain d : conn.listAllDomains()) {
            try {
                if (d.isActive()) {
                    d.destroy();
                }
            } catch (VirtException e) {
                // already gone
            }
        }
        conn.close();
    }

    /** After a test: {@link #killAll()}, then {@link #killQemusUnder} each root that was made. */
    static void killLeftovers(Path... roots) {
        killAll();
        for (Path r : roots) {
            if (r != null) {
                killQemusUnder(r);
            }
        }
    }

    /** Kills, by pid, every QEMU whose command line mentions this root (guests of a test's driver). */
    static void killQemusUnder(Path root) {
        ProcessHandle.allProcesses().forEach(ph -> {
            String cmd = ph.info().commandLine().orElse("");
            if (cmd.contains("qemu-system") && cmd.contains(root.toString())) {
                QemuProcess.killByPid(ph.pid(), Duration.ofSeconds(2));
            }
        });
    }

    /** The test guest's kernel and initrd, built by build-guest.sh when missing. */
    record Guest(Path kernel, Path initrd) {
    }

    static Guest guest() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("user.home"), ".cache/jvirt/guest");
        String env = System.getenv("JVIRT_GUEST_DIR");
        if (env != null) {
            dir = Path.of(env);
        }
        Path kernel = dir.resolve("vmlinux");
        Path initrd = dir.resolve("initrd.gz");
        if (!Files.isRegularFile(kernel) || !Files.isRegularFile(initrd)) {
            String script = System.getProperty("jvirt.qemu.guestScript", "src/test/guest/build-guest.sh");
            Process p = new ProcessBuilder("sh", script, dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                missing("cannot build the test guest with " + script
                        + " (needs apt-get package lists, busybox-static, cpio, xz-utils)");
            }
        }
        return new Guest(kernel, initrd);
    }

    /** Reads a file's text, "" when it does not exist yet. */
    static String readOrEmpty(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls until the file contains {@code marker} at least {@code times} times. */
    static boolean waitFor(Path f, String marker, int times, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String s = readOrEmpty(f);
            int n = 0;
            for (int i = s.indexOf(marker); i >= 0; i = s.indexOf(marker, i + 1)) {
                n++;
            }
            if (n >= times) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
