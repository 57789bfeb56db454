package org.jvirt.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.VirtException;

/**
 * {@code jvirtd}: the command line of libvirtd ({@code -f/--config}, {@code -l/--listen},
 * {@code -d/--daemon}, {@code -p/--pid-file}, {@code -t/--timeout}) around a {@link Server}.
 */
public final class Jvirtd {
    private Jvirtd() {
    }

    /**
     * Runs the daemon until SIGTERM/SIGINT (or the idle timeout).
     *
     * @param args libvirtd's flags
     */
    public static void main(String[] args) {
        // jvirtd ships the remote driver only for peer-to-peer migration (the source opens the
        // destination's daemon); as in libvirtd, a local URI must never go on to another daemon
        System.setProperty(LOCAL_DAEMON_FALLBACK_OFF, "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Tells the remote driver's local-daemon fallback that it runs inside a daemon (see LocalDaemonDriver). */
    static final String LOCAL_DAEMON_FALLBACK_OFF = "jvirt.remote.insideDaemon";

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path config = null;
        Path pidFile = null;
        boolean listen = false;
        boolean daemon = false;
        int timeout = -1;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String val = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    val = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                switch (a) {
                    case "-f", "--config" -> config = Path.of(val != null ? val : next(args, ++i, a));
                    case "-p", "--pid-file" -> pidFile = Path.of(val != null ? val : next(args, ++i, a));
                    case "-t", "--timeout" -> timeout = Integer.parseInt(val != null ? val : next(args, ++i, a));
                    case "-l", "--listen" -> listen = true;
                    case "-d", "--daemon" -> daemon = true;
                    case "-v", "--verbose" -> System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
                    case "-V", "--version" -> {
                        out.println("jvirtd (jvirt) " + version());
                        return 0;
                    }
                    case "-h", "--help" -> {
                        usage(out);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unrecognized option '" + args[i] + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("jvirtd: " + e.getMessage());
            usage(err);
            return 1;
        }
        DaemonConfig cfg;
        try {
            cfg = config != null ? DaemonConfig.load(config) : defaultConfig();
        } catch (VirtException e) {
            err.println("jvirtd: Can't load config file: " + e.getMessage());
            return 1;
        }
        if (daemon) {
            // The launcher script forks (setsid, output to the log); here -d only stops console chatter.
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        }
        Server server = new Server(cfg, listen);
        try {
            server.start();
        } catch (VirtException e) {
            err.println("jvirtd: " + e.getMessage());
            return 1;
        }
        if (pidFile != null) {
            try {
                Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
            } catch (IOException e) {
                err.println("jvirtd: Failed to write pid file '" + pidFile + "': " + e.getMessage());
                server.close();
                return 1;
            }
        }
        final Path pid = pidFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (pid != null) {
                try {
                    Files.deleteIfExists(pid);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }, "jvirtd-shutdown"));
        try {
            if (timeout > 0) {
                idleWait(server, timeout);
                server.close();
            } else {
                server.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** libvirtd's -t: exit after this many seconds with no client. */
    private static void idleWait(Server server, int seconds) throws InterruptedException {
        long idleSince = System.nanoTime();
        while (true) {
            Thread.sleep(500);
            if (server.clientCount() > 0) {
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > TimeUnit.SECONDS.toNanos(seconds)) {
                return;
            }
        }
    }

    private static DaemonConfig defaultConfig() {
        Path etc = Path.of("/etc/libvirt/libvirtd.conf");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && Files.isReadable(etc)) {
            return DaemonConfig.load(etc);
        }
        if (!root) {
            String xdg = System.getenv("XDG_RUNTIME_DIR");
            Path run = xdg != null ? Path.of(xdg, "libvirt") : Path.of(System.getProperty("user.home"), ".cache",
                    "libvirt");
            return DaemonConfig.defaults().withUnixSockDir(run);
        }
        return DaemonConfig.defaults();
    }

    private static String next(String[] args, int i, String opt) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option '" + opt + "' requires an argument");
        }
        return args[i];
    }

    private static String version() {
        String v = Jvirtd.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }

    private static void usage(PrintStream s) {
        s.println("""
                Usage:
                  jvirtd [options]

                Options:
                  -h | --help            Display program help.
                  -v | --verbose         Verbose messages.
                  -d | --daemon          Run as a daemon & write PID file.
                  -l | --listen          Listen for TCP/IP connections.
                  -t | --timeout <secs>  Exit after timeout period.
                  -f | --config <file>   Configuration file.
                  -V | --version         Display version information.
                  -p | --pid-file <file> Change name of PID file.

                libvirtd.conf keys understood: unix_sock_dir, unix_sock_rw_perms, unix_sock_ro_perms,
                listen_tcp, listen_tls, tcp_port, tls_port, listen_addr, auth_unix_rw, auth_unix_ro,
                auth_tcp, auth_tls, key_file, cert_file, ca_file, tls_allowed_dn_list, max_clients,
                max_workers, keepalive_interval, keepalive_count.""");
    }
}
