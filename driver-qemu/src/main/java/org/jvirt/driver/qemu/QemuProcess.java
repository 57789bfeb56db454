package org.jvirt.driver.qemu;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process helpers of the driver: kill by pid (SIGTERM, then SIGKILL after a grace period), identity
 * checks of a pid found in a pid file, CPU time from {@code /proc}, and the tail of a log for
 * error messages. Works on any process, not only children of this JVM (reconnected guests).
 */
final class QemuProcess {
    private static final Logger LOG = LoggerFactory.getLogger(QemuProcess.class);
    /** USER_HZ: /proc reports CPU times in ticks of 1/100 s on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private QemuProcess() {
    }

    /**
     * Stops a process: SIGTERM, then SIGKILL if it still lives after {@code grace}; waits for it to go.
     *
     * @param pid the process
     * @param grace how long SIGTERM may take
     * @return whether the process is gone
     */
    static boolean killByPid(long pid, Duration grace) {
        Optional<ProcessHandle> ph = ProcessHandle.of(pid);
        if (ph.isEmpty() || !ph.get().isAlive()) {
            return true;
        }
        ProcessHandle h = ph.get();
        h.destroy();
        if (waitGone(h, grace)) {
            return true;
        }
        LOG.info("process {} ignored SIGTERM for {} ms, sending SIGKILL", pid, grace.toMillis());
        h.destroyForcibly();
        return waitGone(h, Duration.ofSeconds(10));
    }

    private static boolean waitGone(ProcessHandle h, Duration d) {
        try {
            h.onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !h.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    /**
     * Whether {@code pid} is a live process whose command line contains {@code marker} (the guest's
     * UUID), so that a recycled pid is not mistaken for the guest.
     */
    static boolean isOurs(long pid, String marker) {
        Optional<ProcessHandle> ph = ProcessHandle.of(pid);
        if (ph.isEmpty() || !ph.get().isAlive()) {
            return false;
        }
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).contains(marker);
        } catch (IOException e) {
            return ph.get().info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false);
        }
    }

    /** CPU time (user + system) of a process in nanoseconds, 0 when unknown. */
    static long cpuTimeNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the comm field: state(0) ppid(1) ... utime(11) stime(12)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
        }
    }

    /** Resident set size of a process in KiB ({@code VmRSS} of /proc/PID/status), 0 when unknown. */
    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The last lines of a log, prefixed for an error message, or "" when empty. */
    static String tail(Path log) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long len = f.length();
            long from = Math.max(0, len - 2048);
            byte[] b = new byte[(int) (len - from)];
            f.seek(from);
            f.readFully(b);
            List<String> lines = new String(b, StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("20") && !l.startsWith("LC_ALL")).toList();
            if (lines.isEmpty()) {
                return "";
            }
            return ": " + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether /dev/kvm can be opened read-write (KVM usable by this process). */
    static boolean kvmUsable() {
        try (RandomAccessFile f = new RandomAccessFile("/dev/kvm", "rw")) {
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
