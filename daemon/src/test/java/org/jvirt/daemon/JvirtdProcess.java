package org.jvirt.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * jvirtd in this JVM on private sockets in a temp dir (the same {@link Server} the launcher runs),
 * optionally with TCP on a free loopback port.
 */
final class JvirtdProcess implements AutoCloseable {
    final Path dir;
    final Server server;

    private JvirtdProcess(Path dir, Server server) {
        this.dir = dir;
        this.server = server;
    }

    static JvirtdProcess start() throws IOException {
        return start(c -> c);
    }

    static JvirtdProcess start(java.util.function.UnaryOperator<DaemonConfig> tweak) throws IOException {
        Path dir = Files.createTempDirectory("jvirtd-test-");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DaemonConfig cfg = DaemonConfig.defaults().withUnixSockDir(dir.resolve("run")).withTcp(true, "127.0.0.1", port)
                .withTls(false, 0, null, null, null, java.util.List.of());
        Server srv = new Server(tweak.apply(cfg), true);
        srv.start();
        return new JvirtdProcess(dir, srv);
    }

    String unixUri() {
        return "test+unix:///default?socket=" + server.rwSocket();
    }

    String roUri() {
        return "test+unix:///default?socket=" + server.roSocket();
    }

    String tcpUri() {
        return "test+tcp://127.0.0.1:" + server.tcpPort() + "/default";
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
