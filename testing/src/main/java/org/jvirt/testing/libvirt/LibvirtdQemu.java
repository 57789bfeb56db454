package org.jvirt.testing.libvirt;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway libvirtd 9.0 with its QEMU (and storage) driver, kept off the host's libvirt: it runs
 * in its own mount namespace ({@code unshare --mount}) where private directories are bound over
 * {@code /etc/libvirt}, {@code /var/lib/libvirt}, {@code /var/cache/libvirt}, {@code /var/log/libvirt}
 * and {@code /run/libvirt}, and over {@code /etc/passwd}/{@code /etc/group} copies that add the
 * {@code libvirt-qemu} user and {@code kvm} group its QEMU driver insists on. Its sockets are in a
 * private directory. qemu.conf: root, no security driver, no namespaces or cgroups, QEMU's output to
 * a file (no virtlogd). Stopped by pid; QEMUs it leaves are killed by pid by the tests. The host
 * gets only empty mount points ({@code mkdir -p}) where the libvirt directories are missing.
 * Missing libvirtd, unshare or QEMU driver: fails when env CI is set, else skips.
 *
 * <p>Its sockets exist before its QEMU driver has initialised, so {@link #start(Probe)} takes the
 * caller's own readiness probe (real {@code virsh}, or jvirt's remote driver), which needs nothing
 * from this module.
 */
public final class LibvirtdQemu implements AutoCloseable {
    private static final Path LIBVIRTD = Path.of("/usr/sbin/libvirtd");
    private static final Path MODULES = Path.of("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver");

    private final Path dir;
    private final Process process;

    private LibvirtdQemu(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Tells whether the daemon at a URI answers yet (its QEMU driver has initialised). */
    @FunctionalInterface
    public interface Probe {
        /**
         * @param uri the daemon's {@code qemu+unix} URI
         * @return true once it answers
         */
        boolean answers(String uri) throws IOException, InterruptedException;
    }

    private static void missing(String what) {
        if (System.getenv("CI") != null) {
            fail(what + " (CI is set, so this is a failure)");
        }
        Assumptions.abort(what + "; skipping");
    }

    /**
     * Starts one and waits (at most 60 s) until {@code ready} accepts its {@link #uri()}.
     *
     * @param ready probes the daemon's URI; true once its QEMU driver answers
     * @return the running daemon
     */
    public static LibvirtdQemu start(Probe ready) throws IOException, InterruptedException {
        if (!Files.isExecutable(LIBVIRTD) || !Files.exists(MODULES.resolve("libvirt_driver_qemu.so"))) {
            missing("libvirtd with its QEMU driver is not installed (libvirt-daemon-driver-qemu)");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            missing("unshare (util-linux) is not installed");
        }
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "lq");
        for (String d : new String[] {"etc", "var-lib", "var-cache", "var-log", "run", "sock", "drv", "pool"}) {
            Files.createDirectories(dir.resolve(d));
        }
        for (String m : new String[] {"qemu", "storage"}) {
            Path so = MODULES.resolve("libvirt_driver_" + m + ".so");
            Files.createSymbolicLink(dir.resolve("drv").resolve(so.getFileName()), so);
        }
        Files.writeString(dir.resolve("passwd"), Files.readString(Path.of("/etc/passwd"))
                + "libvirt-qemu:x:64055:64055:Libvirt Qemu:/nonexistent:/usr/sbin/nologin\n");
        Files.writeString(dir.resolve("group"), Files.readString(Path.of("/etc/group"))
                + "kvm:x:64056:\nlibvirt-qemu:x:64055:\n");
        Files.writeString(dir.resolve("etc/qemu.conf"), "user = \"root\"\ngroup = \"root\"\ndynamic_ownership = 0\n"
                + "remember_owner = 0\nsecurity_driver = \"none\"\nnamespaces = []\ncgroup_controllers = []\n"
                + "stdio_handler = \"file\"\n");
        Files.writeString(dir.resolve("etc/libvirtd.conf"), "listen_tls = 0\nlisten_tcp = 0\nunix_sock_dir = \""
                + dir.resolve("sock") + "\"\nauth_unix_rw = \"none\"\nauth_unix_ro = \"none\"\nlog_outputs = \"3:stderr\"\n");
        String[][] binds = {{"etc", "/etc/libvirt"}, {"var-lib", "/var/lib/libvirt"}, {"var-cache", "/var/cache/libvirt"},
            {"var-log", "/var/log/libvirt"}, {"run", "/run/libvirt"}, {"passwd", "/etc/passwd"}, {"group", "/etc/group"}};
        StringBuilder sh = new StringBuilder("set -e\n");
        for (String[] b : binds) {
            Files.createDirectories(Path.of(b[1]).getParent());
            if (!b[0].equals("passwd") && !b[0].equals("group")) {
                Files.createDirectories(Path.of(b[1]));
            }
            sh.append("mount --bind '").append(dir.resolve(b[0])).append("' '").append(b[1]).append("'\n");
        }
        sh.append("exec ").append(LIBVIRTD).append(" -f '").append(dir.resolve("etc/libvirtd.conf")).append("' -p '")
                .append(dir.resolve("libvirtd.pid")).append("'\n");
        Files.writeString(dir.resolve("start.sh"), sh);
        // unshare and sh exec: the process is libvirtd itself, so its pid is the one to stop.
        ProcessBuilder pb = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh",
                dir.resolve("start.sh").toString());
        pb.environment().put("LIBVIRT_DRIVER_DIR", dir.resolve("drv").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("libvirtd.log").toFile());
        Process p = pb.start();
        LibvirtdQemu d = new LibvirtdQemu(dir, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String log = Files.readString(dir.resolve("libvirtd.log"));
                d.close();
                if (log.contains("unshare failed") || log.contains("mount:")) {
                    missing("cannot make a private mount namespace for libvirtd: " + log);
                }
                fail("libvirtd (QEMU driver) exited with " + p.exitValue() + ": " + log);
            }
            if (Files.exists(d.socket()) && ready.answers(d.uri())) {
                return d;
            }
            Thread.sleep(200);
        }
        d.close();
        fail("libvirtd (QEMU driver) did not start within 60 s");
        return null;
    }

    /** Its private directory (also holds {@code pool/}, a directory for storage pools). */
    public Path dir() {
        return dir;
    }

    /** The read-write UNIX socket. */
    public Path socket() {
        return dir.resolve("sock/libvirt-sock");
    }

    /** {@code qemu+unix:///system?socket=...}. */
    public String uri() {
        return "qemu+unix:///system?socket=" + socket();
    }

    /** The daemon's pid. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        Daemons.stop(process, 15, dir);
    }

    /** Kills, by pid, every QEMU whose command line contains {@code marker} (a guest name or a root). */
    public static void killQemus(String marker) {
        ProcessHandle.allProcesses().forEach(ph -> {
            String cmd = ph.info().commandLine().orElse("");
            if (cmd.contains("qemu-system") && cmd.contains(marker)) {
                ph.destroyForcibly();
                ph.onExit().completeOnTimeout(ph, 5, TimeUnit.SECONDS).join();
            }
        });
    }
}
