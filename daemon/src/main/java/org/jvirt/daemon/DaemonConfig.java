package org.jvirt.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.core.ConfFile;

/**
 * The libvirtd.conf settings jvirtd supports, with libvirtd 9.0's defaults (a build without
 * polkit: the read-write socket is 0700 and every UNIX auth is {@code none}). Immutable; the
 * {@code with*} methods return changed copies (tests and the command line use them).
 *
 * @param unixSockDir {@code unix_sock_dir}: where {@code libvirt-sock} and {@code libvirt-sock-ro} go
 * @param unixSockRwPerms {@code unix_sock_rw_perms}, octal
 * @param unixSockRoPerms {@code unix_sock_ro_perms}, octal
 * @param listenTcp {@code listen_tcp} (only with {@code --listen})
 * @param listenTls {@code listen_tls} (only with {@code --listen})
 * @param tcpPort {@code tcp_port}
 * @param tlsPort {@code tls_port}
 * @param listenAddr {@code listen_addr}
 * @param authUnixRw {@code auth_unix_rw}: none or polkit (polkit admits only uid 0, as libvirtd does for root)
 * @param authUnixRo {@code auth_unix_ro}
 * @param authTcp {@code auth_tcp}: only none is supported
 * @param authTls {@code auth_tls}: only none is supported (the client certificate is the check)
 * @param keyFile {@code key_file}
 * @param certFile {@code cert_file}
 * @param caFile {@code ca_file}
 * @param tlsAllowedDnList {@code tls_allowed_dn_list}: glob patterns of client DNs; empty = any certificate the CA signed
 * @param maxClients {@code max_clients}
 * @param maxWorkers {@code max_workers}
 * @param keepaliveInterval {@code keepalive_interval} seconds; -1 turns the server's PINGs off
 * @param keepaliveCount {@code keepalive_count}
 * @param qemuEmbedRoot {@code qemu_embed_root} (jvirtd's own setting, {@code null} when unset): clients
 *        opening {@code qemu:///system} or {@code qemu:///session} are served by
 *        {@code qemu:///embed?root=DIR}, since libvirt's clients refuse {@code /embed} URIs for a remote
 *        connection ("No driver available for embedded mode") and a shared host's system
 *        directories stay untouched
 */
public record DaemonConfig(Path unixSockDir, String unixSockRwPerms, String unixSockRoPerms, boolean listenTcp,
                           boolean listenTls, int tcpPort, int tlsPort, String listenAddr, String authUnixRw,
                           String authUnixRo, String authTcp, String authTls, Path keyFile, Path certFile, Path caFile,
                           List<String> tlsAllowedDnList, int maxClients, int maxWorkers, int keepaliveInterval,
                           int keepaliveCount, Path qemuEmbedRoot) {

    /** Checks values. */
    public DaemonConfig {
        Objects.requireNonNull(unixSockDir, "unixSockDir");
        tlsAllowedDnList = List.copyOf(tlsAllowedDnList);
        parsePerms(unixSockRwPerms, "unix_sock_rw_perms");
        parsePerms(unixSockRoPerms, "unix_sock_ro_perms");
        for (String[] a : new String[][] {{"auth_unix_rw", authUnixRw}, {"auth_unix_ro", authUnixRo}}) {
            if (!a[1].equals("none") && !a[1].equals("polkit")) {
                throw conf(a[0] + " = \"" + a[1] + "\" is not supported by jvirtd (use \"none\" or \"polkit\")");
            }
        }
        for (String[] a : new String[][] {{"auth_tcp", authTcp}, {"auth_tls", authTls}}) {
            if (!a[1].equals("none")) {
                throw conf(a[0] + " = \"" + a[1] + "\" is not supported by jvirtd (use \"none\")");
            }
        }
        if (maxClients < 1 || maxWorkers < 1) {
            throw conf("max_clients and max_workers must be at least 1");
        }
    }

    /** libvirtd's defaults, as root. */
    public static DaemonConfig defaults() {
        return new DaemonConfig(Path.of("/run/libvirt"), "0700", "0777", false, true, 16509, 16514, "",
                "none", "none", "none", "none", Path.of("/etc/pki/libvirt/private/serverkey.pem"),
                Path.of("/etc/pki/libvirt/servercert.pem"), Path.of("/etc/pki/CA/cacert.pem"), List.of(), 5000, 20,
                5, 5, null);
    }

    /**
     * Reads a libvirtd.conf; settings it lacks keep their defaults. Unknown settings are ignored,
     * as libvirtd ignores those it does not know.
     *
     * @param file the file
     * @return the configuration
     * @throws VirtException {@link ErrorCode#CONF_SYNTAX} on bad syntax or types
     */
    public static DaemonConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CONF,
                    "Failed to open file '" + file + "': " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses libvirtd.conf text over the defaults.
     *
     * @param text the text
     * @param source a name for messages
     * @return the configuration
     */
    public static DaemonConfig parse(String text, String source) {
        ConfFile f = ConfFile.parse(text, source);
        DaemonConfig d = defaults();
        return new DaemonConfig(
                f.getString("unix_sock_dir").map(Path::of).orElse(d.unixSockDir),
                f.getString("unix_sock_rw_perms").orElse(d.unixSockRwPerms),
                f.getString("unix_sock_ro_perms").orElse(d.unixSockRoPerms),
                f.getLong("listen_tcp").map(v -> v != 0).orElse(d.listenTcp),
                f.getLong("listen_tls").map(v -> v != 0).orElse(d.listenTls),
                port(f, "tcp_port", d.tcpPort),
                port(f, "tls_port", d.tlsPort),
                f.getString("listen_addr").orElse(d.listenAddr),
                auth(f, "auth_unix_rw", d.authUnixRw),
                auth(f, "auth_unix_ro", d.authUnixRo),
                auth(f, "auth_tcp", d.authTcp),
                auth(f, "auth_tls", d.authTls),
                f.getString("key_file").map(Path::of).orElse(d.keyFile),
                f.getString("cert_file").map(Path::of).orElse(d.certFile),
                f.getString("ca_file").map(Path::of).orElse(d.caFile),
                f.getStringList("tls_allowed_dn_list").orElse(d.tlsAllowedDnList),
                f.getLong("max_clients").map(Long::intValue).orElse(d.maxClients),
                f.getLong("max_workers").map(Long::intValue).orElse(d.maxWorkers),
                f.getLong("keepalive_interval").map(Long::intValue).orElse(d.keepaliveInterval),
                f.getLong("keepalive_count").map(Long::intValue).orElse(d.keepaliveCount),
                f.getString("qemu_embed_root").map(Path::of).orElse(d.qemuEmbedRoot));
    }

    private static int port(ConfFile f, String key, int def) {
        // libvirtd wants a string ("16509"); accept a number too.
        var v = f.get(key);
        if (v.isEmpty()) {
            return def;
        }
        String s = f.getString(key).orElse(null);
        long n;
        if (s == null) {
            n = f.getLong(key).orElseThrow();
        } else {
            try {
                n = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw conf(f.source() + ": " + key + " = \"" + s + "\" is not a port number");
            }
        }
        if (n < 0 || n > 65535) {
            throw conf(f.source() + ": " + key + " = " + n + " is not a port number");
        }
        return (int) n;
    }

    private static String auth(ConfFile f, String key, String def) {
        return f.getString(key).map(s -> s.toLowerCase(Locale.ROOT)).orElse(def);
    }

    /**
     * Parses octal permissions like {@code "0700"}.
     *
     * @param perms the text
     * @param key the setting, for messages
     * @return the mode bits
     */
    static int parsePerms(String perms, String key) {
        try {
            int m = Integer.parseInt(perms.strip(), 8);
            if (m < 0 || m > 07777) {
                throw new NumberFormatException();
            }
            return m;
        } catch (NumberFormatException e) {
            throw conf("Failed to parse mode '" + perms + "' for " + key);
        }
    }

    private static VirtException conf(String msg) {
        return new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF, msg);
    }

    /** This configuration with another socket directory. */
    public DaemonConfig withUnixSockDir(Path dir) {
        return new DaemonConfig(dir, unixSockRwPerms, unixSockRoPerms, listenTcp, listenTls, tcpPort, tlsPort,
                listenAddr, authUnixRw, authUnixRo, authTcp, authTls, keyFile, certFile, caFile, tlsAllowedDnList,
                maxClients, maxWorkers, keepaliveInterval, keepaliveCount, qemuEmbedRoot);
    }

    /** This configuration with TCP on or off and its port and address. */
    public DaemonConfig withTcp(boolean on, String addr, int port) {
        return new DaemonConfig(unixSockDir, unixSockRwPerms, unixSockRoPerms, on, listenTls, port, tlsPort,
                addr, authUnixRw, authUnixRo, authTcp, authTls, keyFile, certFile, caFile, tlsAllowedDnList,
                maxClients, maxWorkers, keepaliveInterval, keepaliveCount, qemuEmbedRoot);
    }

    /** This configuration with TLS on or off, its port and files. */
    public DaemonConfig withTls(boolean on, int port, Path key, Path cert, Path ca, List<String> allowedDns) {
        return new DaemonConfig(unixSockDir, unixSockRwPerms, unixSockRoPerms, listenTcp, on, tcpPort, port,
                listenAddr, authUnixRw, authUnixRo, authTcp, authTls, key, cert, ca, allowedDns,
                maxClients, maxWorkers, keepaliveInterval, keepaliveCount, qemuEmbedRoot);
    }

    /** This configuration with other limits. */
    public DaemonConfig withLimits(int clients, int workers, int kaInterval, int kaCount) {
        return new DaemonConfig(unixSockDir, unixSockRwPerms, unixSockRoPerms, listenTcp, listenTls, tcpPort, tlsPort,
                listenAddr, authUnixRw, authUnixRo, authTcp, authTls, keyFile, certFile, caFile, tlsAllowedDnList,
                clients, workers, kaInterval, kaCount, qemuEmbedRoot);
    }

    /** This configuration with {@code qemu_embed_root} set (or unset with {@code null}). */
    public DaemonConfig withQemuEmbedRoot(Path root) {
        return new DaemonConfig(unixSockDir, unixSockRwPerms, unixSockRoPerms, listenTcp, listenTls, tcpPort, tlsPort,
                listenAddr, authUnixRw, authUnixRo, authTcp, authTls, keyFile, certFile, caFile, tlsAllowedDnList,
                maxClients, maxWorkers, keepaliveInterval, keepaliveCount, root);
    }
}
