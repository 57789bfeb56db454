package org.jvirt.driver.remote.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.core.ClientConfig;
import org.jvirt.core.ConfFile;
import org.jvirt.core.Environment;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;
import org.jvirt.rpc.client.RpcClient;
import org.jvirt.rpc.client.Transport;
import org.jvirt.rpc.client.Transports;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a URI into a transport and an open, authenticated hypervisor connection, as libvirt's
 * remote driver does ({@code remoteConnectOpen}): pick the transport, connect, AUTH_LIST and
 * authenticate, ask for keepalive (feature 10), CONNECT_OPEN with the URI the daemon should see,
 * then ask for event callbacks (14) and close callbacks (15).
 */
public final class RemoteOpener {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteOpener.class);

    /** The driver's version. */
    public static final String VERSION = "0.1.0";

    /** Query parameters the client consumes; all others go to the daemon with the URI. */
    private static final Set<String> CLIENT_PARAMS = Set.of("name", "command", "socket", "auth", "sshauth", "netcat",
            "keyfile", "pkipath", "known_hosts", "known_hosts_verify", "tls_priority", "mode", "proxy", "no_sanity",
            "no_verify", "no_tty", "authfile", "keepalive_interval", "keepalive_count", "timeout");

    static final int DEFAULT_TCP_PORT = 16509;
    static final int DEFAULT_TLS_PORT = 16514;
    private static final int CONNECT_TIMEOUT_MS = 20_000;

    private RemoteOpener() {
    }

    /**
     * Opens a URI with a transport or a host.
     *
     * @param request the request
     * @return the connection
     */
    public static RemoteConnect open(OpenRequest request) {
        ConnectUri uri = request.uri();
        String transport = uri.transport().orElse(uri.host().isPresent() ? "tls" : "unix")
                .toLowerCase(Locale.ROOT);
        Transport t = switch (transport) {
            case "unix" -> Transports.unix(Path.of(uri.param("socket")
                    .orElseGet(() -> defaultSocket(uri.driver(), uri.path(), request.readOnly()).toString())));
            case "tcp" -> Transports.tcp(host(uri), uri.port() > 0 ? uri.port() : DEFAULT_TCP_PORT, CONNECT_TIMEOUT_MS);
            case "tls" -> Transports.tls(host(uri), uri.port() > 0 ? uri.port() : DEFAULT_TLS_PORT,
                    TlsFiles.context(uri, Environment.system()),
                    !"1".equals(uri.param("no_verify").orElse("0")), CONNECT_TIMEOUT_MS);
            case "ssh" -> Transports.command(SshCommand.build(uri, request.readOnly()), true);
            case "ext" -> Transports.command(List.of("sh", "-c", uri.param("command").orElseThrow(() ->
                    VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                            "remote_open: for 'ext' transport, command is required"))), false);
            default -> throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                    "remote_open: transport in URL not recognised (should be tls|unix|ssh|ext|tcp): " + transport);
        };
        return handshake(t, uri, request.readOnly());
    }

    /**
     * The local fallback: a daemon-driver URI without host goes to the local daemon socket.
     *
     * @param request the request
     * @return accepted, or declined when no daemon socket exists
     */
    public static OpenResult openLocal(OpenRequest request) {
        ConnectUri uri = request.uri();
        Path sock = uri.param("socket").map(Path::of)
                .orElseGet(() -> defaultSocket(uri.driver(), uri.path(), request.readOnly()));
        if (!Files.exists(sock)) {
            return OpenResult.declined("no local libvirt daemon listens at " + sock);
        }
        return OpenResult.accepted(handshake(Transports.unix(sock), uri, request.readOnly()));
    }

    private static String host(ConnectUri uri) {
        return uri.host().orElse("localhost");
    }

    /** libvirt's default daemon socket for a driver URI. */
    static Path defaultSocket(String driver, String path, boolean readOnly) {
        String suffix = readOnly ? "-sock-ro" : "-sock";
        Environment env = Environment.system();
        boolean session = path.equals("/session") || (!env.isPrivileged() && !path.equals("/system"));
        Path dir;
        if (session && !env.isPrivileged()) {
            String xdg = env.getenvNonEmpty("XDG_RUNTIME_DIR");
            dir = xdg != null ? Path.of(xdg, "libvirt")
                    : Path.of(System.getProperty("user.home"), ".cache", "libvirt");
        } else {
            dir = Path.of("/var/run/libvirt");
        }
        String d = driver.equals("kvm") ? "qemu" : driver.equals("libxl") ? "xen" : driver;
        Path modular = dir.resolve("virt" + d + "d" + suffix);
        if (!d.equals("remote") && Files.exists(modular)) {
            return modular;
        }
        return dir.resolve("libvirt" + suffix);
    }

    /**
     * The URI the daemon is sent in CONNECT_OPEN: {@code name} if given, else the URI without
     * transport, user, host, port and the client's own parameters.
     *
     * @param uri the client's URI
     * @return the name, {@code ""} for {@code remote://...} with no path
     */
    static String nameForDaemon(ConnectUri uri) {
        Optional<String> explicit = uri.param("name");
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (uri.driver().equals("remote") && (uri.path().isEmpty() || uri.path().equals("/"))) {
            return "";
        }
        StringBuilder sb = new StringBuilder(uri.driver()).append("://").append(uri.path().isEmpty() ? "/"
                : uri.path());
        String sep = "?";
        for (Map.Entry<String, String> p : uri.params()) {
            if (!CLIENT_PARAMS.contains(p.getKey())) {
                sb.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
                sep = "&";
            }
        }
        return sb.toString();
    }

    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/:,".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static RemoteConnect handshake(Transport transport, ConnectUri uri, boolean readOnly) {
        Duration timeout = uri.param("timeout").map(s -> Duration.ofSeconds(parseInt(uri, "timeout", s))).orElse(null);
        RpcClient client = new RpcClient(transport, timeout);
        try {
            authenticate(client, uri);
            boolean keepalive = supports(client, RemoteProgram.Feature.PROGRAM_KEEPALIVE);
            int[] ka = keepaliveSettings(uri);
            if (keepalive && ka[0] > 0) {
                client.startKeepAlive(ka[0], ka[1]);
            }
            String name = nameForDaemon(uri);
            client.call(RemoteProgram.CONNECT_OPEN, name, readOnly ? 1 : 0);
            boolean callbacks = supports(client, RemoteProgram.Feature.REMOTE_EVENT_CALLBACK);
            boolean closeCallback = supports(client, RemoteProgram.Feature.REMOTE_CLOSE_CALLBACK);
            if (closeCallback) {
                client.call(RemoteProgram.CONNECT_REGISTER_CLOSE_CALLBACK);
            }
            LOG.debug("Opened {} over {} (name sent: '{}', keepalive {}, event callbacks {})", uri,
                    transport.describe(), name, keepalive, callbacks);
            return new RemoteConnect(client, uri, readOnly, keepalive, callbacks, closeCallback);
        } catch (VirtException e) {
            client.close();
            throw e;
        }
    }

    private static boolean supports(RpcClient client, int feature) {
        try {
            return client.call(RemoteProgram.CONNECT_SUPPORTS_FEATURE, feature).i32("supported") != 0;
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT) {
                return false;
            }
            throw e;
        }
    }

    private static void authenticate(RpcClient client, ConnectUri uri) {
        List<Object> types;
        try {
            types = client.call(RemoteProgram.AUTH_LIST).list("types");
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_SUPPORT) {
                return;
            }
            throw e;
        }
        if (types.isEmpty() || types.contains(0)) {
            return;
        }
        String wanted = uri.param("auth").orElse(null);
        int type = (Integer) types.get(0);
        if (wanted != null) {
            type = wanted.startsWith("sasl") ? 1 : wanted.equals("polkit") ? 2 : type;
        }
        switch (type) {
            case 2 -> {
                Struct r = client.call(RemoteProgram.AUTH_POLKIT);
                if (r.i32("complete") != 1) {
                    throw VirtException.of(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE, "polkit authentication incomplete");
                }
            }
            case 1 -> throw VirtException.of(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                    "the server requires SASL, which jvirt's remote driver does not implement yet");
            default -> throw VirtException.of(ErrorCode.AUTH_FAILED, ErrorDomain.REMOTE,
                    "unsupported authentication type " + type);
        }
    }

    /** Keepalive interval and count: URI parameters, else the client config file, else libvirt's 5 and 5. */
    static int[] keepaliveSettings(ConnectUri uri) {
        int interval = 5;
        int count = 5;
        try {
            Path conf = ClientConfig.location(Environment.system());
            if (Files.isRegularFile(conf)) {
                ConfFile f = ConfFile.parse(Files.readString(conf), conf.toString());
                interval = f.getLong("keepalive_interval").map(Long::intValue).orElse(interval);
                count = f.getLong("keepalive_count").map(Long::intValue).orElse(count);
            }
        } catch (java.io.IOException | VirtException e) {
            LOG.debug("client config not read for keepalive: {}", e.toString());
        }
        interval = uri.param("keepalive_interval").map(s -> parseInt(uri, "keepalive_interval", s)).orElse(interval);
        count = uri.param("keepalive_count").map(s -> parseInt(uri, "keepalive_count", s)).orElse(count);
        return new int[] {interval, count};
    }

    private static int parseInt(ConnectUri uri, String param, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE,
                    "bad value '" + v + "' for " + param + " in " + uri);
        }
    }

    /** For the ssh transport: the command line, as libvirt's client builds it. */
    static final class SshCommand {
        private SshCommand() {
        }

        static List<String> build(ConnectUri uri, boolean readOnly) {
            List<String> cmd = new ArrayList<>();
            cmd.add(uri.param("command").orElse("ssh"));
            if (uri.port() > 0) {
                cmd.add("-p");
                cmd.add(Integer.toString(uri.port()));
            }
            uri.user().ifPresent(u -> {
                cmd.add("-l");
                cmd.add(u);
            });
            uri.param("keyfile").ifPresent(k -> {
                cmd.add("-i");
                cmd.add(k);
            });
            cmd.add("-T");
            cmd.add("-e");
            cmd.add("none");
            if ("1".equals(uri.param("no_tty").orElse("0"))) {
                cmd.add("-o");
                cmd.add("BatchMode=yes");
            }
            if ("1".equals(uri.param("no_verify").orElse("0"))) {
                cmd.add("-o");
                cmd.add("StrictHostKeyChecking=no");
            }
            cmd.add("--");
            cmd.add(host(uri));
            String nc = uri.param("netcat").orElse("nc");
            Optional<String> socket = uri.param("socket");
            String ro = readOnly ? "-ro" : "";
            if (socket.isPresent() || "netcat".equals(uri.param("mode").orElse(""))) {
                cmd.add(nc + " -U " + socket.orElse("/var/run/libvirt/libvirt-sock" + ro));
            } else {
                String daemonUri = nameForDaemon(uri);
                cmd.add("sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; if test $? = 0; then virt-ssh-helper "
                        + (readOnly ? "-r " : "") + "'\"'\"'" + daemonUri + "'\"'\"'; else " + nc
                        + " -U /var/run/libvirt/libvirt-sock" + ro + "; fi'");
            }
            return cmd;
        }
    }
}
