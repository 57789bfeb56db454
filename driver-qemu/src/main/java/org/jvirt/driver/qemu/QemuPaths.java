package org.jvirt.driver.qemu;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.core.Environment;
import org.jvirt.spi.ConnectUri;

/**
 * Where one QEMU driver instance keeps its files, as libvirt lays them out:
 *
 * <table>
 * <caption>directories per URI</caption>
 * <tr><th></th><th>{@code qemu:///system}</th><th>{@code qemu:///session}</th><th>{@code qemu:///embed?root=R}</th></tr>
 * <tr><td>config (persistent XML)</td><td>/etc/jvirt/qemu</td><td>$XDG_CONFIG_HOME/jvirt/qemu</td><td>R/etc/qemu</td></tr>
 * <tr><td>autostart links</td><td>/etc/jvirt/qemu/autostart</td><td>$XDG_CONFIG_HOME/jvirt/qemu/autostart</td><td>R/etc/qemu/autostart</td></tr>
 * <tr><td>state (managed save images in save/)</td><td>/var/lib/jvirt/qemu</td><td>$XDG_CONFIG_HOME/jvirt/qemu/lib</td><td>R/lib/qemu</td></tr>
 * <tr><td>run (pid, live XML, sockets)</td><td>/run/jvirt/qemu</td><td>$XDG_RUNTIME_DIR/jvirt/qemu/run</td><td>R/run/qemu</td></tr>
 * <tr><td>log</td><td>/var/log/jvirt/qemu</td><td>$XDG_CACHE_HOME/jvirt/qemu/log</td><td>R/log/qemu</td></tr>
 * <tr><td>cache (capabilities)</td><td>/var/cache/jvirt/qemu</td><td>$XDG_CACHE_HOME/jvirt/qemu/cache</td><td>R/cache/qemu</td></tr>
 * </table>
 *
 * <p>Unix socket paths must stay under 108 bytes ({@code sun_path}); {@link #domainRunDir} falls
 * back to a short directory under {@code java.io.tmpdir} named by a hash of the run directory when
 * the natural place is too deep (the chosen path is recorded in the domain's status file).
 *
 * @param uri the canonical URI of this driver instance
 * @param configDir persistent domain definitions
 * @param stateDir driver state
 * @param runDir per-guest pid files, live XML, status, sockets
 * @param logDir per-guest QEMU logs
 * @param cacheDir capability cache
 * @param privileged whether this is the system instance
 */
public record QemuPaths(String uri, Path configDir, Path stateDir, Path runDir, Path logDir, Path cacheDir,
                        boolean privileged) {
    /** {@code sizeof(sun_path)}: a socket path needs its bytes plus a NUL within it. */
    static final int SUN_PATH_MAX = 108;

    /**
     * The layout for a {@code qemu:} URI.
     *
     * @param uri {@code qemu:///system}, {@code qemu:///session} or {@code qemu:///embed?root=DIR}
     * @param env the process environment (XDG variables, home)
     * @return the layout
     * @throws VirtException {@link ErrorCode#INVALID_ARG} for another path or a relative root
     */
    public static QemuPaths forUri(ConnectUri uri, Environment env) {
        String path = uri.path();
        switch (path) {
            case "/system" -> {
                return new QemuPaths("qemu:///system", Path.of("/etc/jvirt/qemu"), Path.of("/var/lib/jvirt/qemu"),
                        Path.of("/run/jvirt/qemu"), Path.of("/var/log/jvirt/qemu"), Path.of("/var/cache/jvirt/qemu"),
                        true);
            }
            case "/session" -> {
                String home = env.getProperty("user.home");
                Path config = xdg(env, "XDG_CONFIG_HOME", home, ".config").resolve("jvirt/qemu");
                Path cache = xdg(env, "XDG_CACHE_HOME", home, ".cache").resolve("jvirt/qemu");
                String runtime = env.getenvNonEmpty("XDG_RUNTIME_DIR");
                Path run = runtime != null ? Path.of(runtime, "jvirt/qemu/run") : cache.resolve("run");
                return new QemuPaths("qemu:///session", config, config.resolve("lib"), run, cache.resolve("log"),
                        cache.resolve("cache"), false);
            }
            case "/embed" -> {
                String root = uri.param("root").orElseThrow(() -> VirtException.of(ErrorCode.INVALID_ARG,
                        ErrorDomain.QEMU, "URI must be qemu:///embed?root=/some/path"));
                Path r = Path.of(root);
                if (!r.isAbsolute()) {
                    throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                            "root path must be absolute: '" + root + "'");
                }
                r = r.normalize();
                return new QemuPaths("qemu:///embed?root=" + r, r.resolve("etc/qemu"), r.resolve("lib/qemu"),
                        r.resolve("run/qemu"), r.resolve("log/qemu"), r.resolve("cache/qemu"), false);
            }
            default -> throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "unexpected QEMU URI path '" + path + "', try qemu:///system, qemu:///session or "
                            + "qemu:///embed?root=/some/path");
        }
    }

    private static Path xdg(Environment env, String var, String home, String fallback) {
        String v = env.getenvNonEmpty(var);
        if (v != null) {
            return Path.of(v);
        }
        if (home == null) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "no home directory for the session");
        }
        return Path.of(home, fallback);
    }

    /** The persistent definition of a domain. */
    Path configFile(String name) {
        return configDir.resolve(name + ".xml");
    }

    /** The pid file of a running domain. */
    Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    /** The live XML of a running domain. */
    Path liveXmlFile(String name) {
        return runDir.resolve(name + ".xml");
    }

    /** The status of a running domain: pid, monitor path, state (read on reconnect). */
    Path statusFile(String name) {
        return runDir.resolve(name + ".status");
    }

    /** A domain's managed save image ({@code STATE/save/NAME.save}, as libvirt's {@code qemu/save}). */
    Path managedSaveFile(String name) {
        return stateDir.resolve("save").resolve(name + ".save");
    }

    /** The autostart mark of a domain: a symbolic link {@code CONFIG/autostart/NAME.xml} to its config. */
    Path autostartLink(String name) {
        return configDir.resolve("autostart").resolve(name + ".xml");
    }

    /** The log capturing a domain's QEMU stderr. */
    Path logFile(String name) {
        return logDir.resolve(name + ".log");
    }

    /**
     * The directory of a running domain's sockets: {@code run/domain-ID-SHORTNAME}, or when its
     * monitor socket path would not fit {@code sun_path}, {@code $TMPDIR/jvirt-HASH/ID-SHORTNAME}.
     */
    Path domainRunDir(int id, String name) {
        String leaf = "domain-" + id + "-" + shortName(name);
        Path natural = runDir.resolve(leaf);
        if (fits(natural.resolve("monitor.sock"))) {
            return natural;
        }
        Path alt = Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "jvirt-" + hash(runDir.toString()))
                .resolve(id + "-" + shortName(name));
        if (!fits(alt.resolve("monitor.sock"))) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "monitor socket path for '" + name + "' does not fit in " + SUN_PATH_MAX + " bytes");
        }
        return alt;
    }

    static boolean fits(Path socket) {
        // sun_path holds 108 bytes with the NUL, but Java's UnixDomainSocketAddress refuses 107-byte paths
        // ("Unix domain path too long"), so QEMU could listen on a socket the driver cannot connect to
        return socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length < SUN_PATH_MAX - 1;
    }

    /** libvirt's short name: the first 20 characters of the name, without path separators. */
    static String shortName(String name) {
        String s = name.length() > 20 ? name.substring(0, 20) : name;
        return s.replace('/', '_');
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
