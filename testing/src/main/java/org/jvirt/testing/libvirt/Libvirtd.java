package org.jvirt.testing.libvirt;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway libvirtd with only the test driver (the reference sheet's recipe): private sockets
 * in a temp dir, TCP on 127.0.0.1 with auth none, an empty driver-module dir so no optional
 * driver starts. Stopped by PID. When libvirtd is missing: fails if env CI is set, else skips.
 */
public final class Libvirtd implements AutoCloseable {
    private static final Path LIBVIRTD = Path.of("/usr/sbin/libvirtd");

    private final Path dir;
    private final Process process;
    private final int tcpPort;

    private Libvirtd(Path dir, Process process, int tcpPort) {
        this.dir = dir;
        this.process = process;
        this.tcpPort = tcpPort;
    }

    /** Starts one with only the built-in test driver and waits (at most 20 s) until its sockets accept connections. */
    public static Libvirtd start() throws IOException, InterruptedException {
        return start(new String[0]);
    }

    /**
     * Starts one that also loads some of libvirt's driver modules (e.g. {@code storage}), linked
     * into its private module directory.
     *
     * @param modules module names, as in {@code libvirt_driver_NAME.so}
     * @return the running daemon
     */
    public static Libvirtd start(String... modules) throws IOException, InterruptedException {
        return start(java.util.Map.of(), modules);
    }

    /**
     * Starts one with some configuration settings replaced or added (values written as given,
     * e.g. {@code "1"} or {@code "\"/path\""}).
     *
     * @param settings libvirtd.conf settings
     * @param modules driver modules to load
     * @return the running daemon
     */
    public static Libvirtd start(java.util.Map<String, String> settings, String... modules)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(LIBVIRTD)) {
            if (System.getenv("CI") != null) {
                fail("libvirtd is not installed at " + LIBVIRTD + " (CI is set, so this is a failure)");
            }
            Assumptions.abort("libvirtd is not installed at " + LIBVIRTD + "; skipping tests against a real daemon");
        }
        Path dir = Files.createTempDirectory("jvirt-libvirtd-");
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("nodrivers"));
        for (String m : modules) {
            Path so = Path.of("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_" + m + ".so");
            if (!Files.exists(so)) {
                Assumptions.abort("libvirt driver module " + so + " is not installed");
            }
            Files.createSymbolicLink(dir.resolve("nodrivers").resolve(so.getFileName()), so);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        java.util.Map<String, String> conf = new java.util.LinkedHashMap<>();
        for (String line : java.util.List.of(
                "listen_tls = 0",
                "listen_tcp = 1",
                "listen_addr = \"127.0.0.1\"",
                "tcp_port = \"" + port + "\"",
                "unix_sock_dir = \"" + dir.resolve("run") + "\"",
                "unix_sock_rw_perms = \"0700\"",
                "unix_sock_ro_perms = \"0777\"",
                "unix_sock_admin_perms = \"0700\"",
                "auth_unix_rw = \"none\"",
                "auth_unix_ro = \"none\"",
                "auth_tcp = \"none\"",
                "log_outputs = \"3:stderr\"")) {
            int eq = line.indexOf(" = ");
            conf.put(line.substring(0, eq), line.substring(eq + 3));
        }
        conf.putAll(settings);
        StringBuilder text = new StringBuilder();
        conf.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(dir.resolve("libvirtd.conf"), text);
        ProcessBuilder pb = new ProcessBuilder(LIBVIRTD.toString(), "--listen", "-f",
                dir.resolve("libvirtd.conf").toString(), "-p", dir.resolve("libvirtd.pid").toString());
        pb.environment().put("LIBVIRT_DRIVER_DIR", dir.resolve("nodrivers").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("libvirtd.log").toFile());
        Process p = pb.start();
        Libvirtd d = new Libvirtd(dir, p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String log = Files.readString(dir.resolve("libvirtd.log"));
                d.close();
                fail("libvirtd exited with " + p.exitValue() + ": " + log);
            }
            if (Files.exists(d.socket()) && tcpAccepts(port)) {
                return d;
            }
            Thread.sleep(50);
        }
        d.close();
        fail("libvirtd did not start within 20 s");
        return null;
    }

    private static boolean tcpAccepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The read-write UNIX socket. */
    public Path socket() {
        return dir.resolve("run").resolve("libvirt-sock");
    }

    /** The read-only UNIX socket. */
    public Path roSocket() {
        return dir.resolve("run").resolve("libvirt-sock-ro");
    }

    /** The TCP port on 127.0.0.1. */
    public int tcpPort() {
        return tcpPort;
    }

    /** {@code test+unix:///default?socket=...}, plus extra query parameters. */
    public String unixUri(String extra) {
        return "test+unix:///default?socket=" + socket() + (extra.isEmpty() ? "" : "&" + extra);
    }

    /** {@code test+tcp://127.0.0.1:PORT/default}. */
    public String tcpUri() {
        return "test+tcp://127.0.0.1:" + tcpPort + "/default";
    }

    /** The daemon's pid. */
    public long pid() {
        return process.pid();
    }

    /** Sends a signal by pid (e.g. STOP, CONT, KILL). */
    public void signal(String sig) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).inheritIO().start();
        if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new IOException("kill -" + sig + " " + process.pid() + " failed");
        }
    }

    /** Whether the daemon process is alive. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the daemon (SIGTERM, then SIGKILL after 10 s) and removes its directory. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                signal("CONT");
            } catch (IOException | InterruptedException ignored) {
                // best effort
            }
        }
        Daemons.stop(process, 10, dir);
    }
}
