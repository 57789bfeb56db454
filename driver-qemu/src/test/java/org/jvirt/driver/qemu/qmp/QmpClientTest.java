package org.jvirt.driver.qemu.qmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The QMP client against a scripted peer on a real unix socket (exact byte-level scenarios: split
 * lines, events between command and reply, replies out of order, EOF with commands pending) and
 * against a real QEMU.
 */
class QmpClientTest {
    private static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, "
            + "\"major\": 7}, \"package\": \"\"}, \"capabilities\": [\"oob\"]}}\n";
    private final List<AutoCloseable> closers = new ArrayList<>();
    private Process qemu;

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closers) {
            c.close();
        }
        if (qemu != null) {
            qemu.destroyForcibly();
            qemu.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Records events and the close. */
    static final class Recorder implements QmpClient.Listener {
        final BlockingQueue<QmpEvent> events = new LinkedBlockingQueue<>();
        final CompletableFuture<Boolean> closed = new CompletableFuture<>();

        @Override
        public void onEvent(QmpEvent event) {
            events.add(event);
        }

        @Override
        public void onClose(boolean requested) {
            closed.complete(requested);
        }
    }

    /** A scripted QMP peer: one connection, lines read one by one. */
    final class Peer {
        final ServerSocketChannel server;
        final Path path;
        SocketChannel ch;
        BufferedReader in;
        OutputStream out;

        Peer() throws IOException {
            Path dir = Files.createTempDirectory("qmpt");
            path = dir.resolve("s");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            closers.add(() -> {
                server.close();
                if (ch != null) {
                    ch.close();
                }
                Files.deleteIfExists(path);
                Files.deleteIfExists(dir);
            });
        }

        /** Accepts, greets, answers qmp_capabilities. */
        void handshake() throws IOException {
            ch = server.accept();
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            out = Channels.newOutputStream(ch);
            send(GREETING.substring(0, 20));
            send(GREETING.substring(20));
            Map<String, Object> cmd = read();
            assertEquals("qmp_capabilities", cmd.get("execute"));
            send("{\"return\": {}, \"id\": \"" + cmd.get("id") + "\"}\n");
        }

        Map<String, Object> read() throws IOException {
            return Json.parseObject(in.readLine());
        }

        void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private QmpClient connect(Peer peer, Recorder rec) throws Exception {
        CompletableFuture<QmpClient> c = CompletableFuture.supplyAsync(
                () -> QmpClient.connect("t", peer.path, Duration.ofSeconds(10), () -> true, rec));
        peer.handshake();
        QmpClient client = c.get(10, TimeUnit.SECONDS);
        closers.add(0, client);
        return client;
    }

    @Test
    void eventsBetweenCommandAndReplyAreDeliveredInOrderAndNotLost() throws Exception {
        Peer peer = new Peer();
        Recorder rec = new Recorder();
        QmpClient c = connect(peer, rec);
        assertEquals(7L, Json.obj(Json.obj(c.greeting().get("version")).get("qemu")).get("major"));
        Future<Object> reply = Executors.newSingleThreadExecutor().submit(() -> c.execute("quit"));
        Map<String, Object> cmd = peer.read();
        assertEquals("quit", cmd.get("execute"));
        // as QEMU does for quit: the SHUTDOWN event precedes the reply; one line split in two writes
        peer.send("{\"timestamp\": {\"seconds\": 1, \"microseconds\": 5}, \"event\": \"SHUTDOWN\", \"data\": "
                + "{\"guest\": false, \"reason\": \"host-qmp-quit\"}}\n{\"event\": \"STOP\", \"timest");
        peer.send("amp\": {\"seconds\": 2, \"microseconds\": 0}}\n{\"return\": {}, \"id\": \"" + cmd.get("id")
                + "\"}\n{\"event\": \"X\"}\n");
        assertEquals(Map.of(), reply.get(5, TimeUnit.SECONDS));
        QmpEvent e1 = rec.events.poll(5, TimeUnit.SECONDS);
        assertNotNull(e1);
        assertEquals("SHUTDOWN", e1.name());
        assertEquals("host-qmp-quit", e1.data().get("reason"));
        assertEquals(1_000_005L, e1.timestampMicros());
        assertEquals("STOP", rec.events.poll(5, TimeUnit.SECONDS).name());
        assertEquals("X", rec.events.poll(5, TimeUnit.SECONDS).name());
        // EOF: the close comes after all events
        peer.ch.close();
        assertFalse(rec.closed.get(5, TimeUnit.SECONDS), "closed by the peer, not requested");
        assertFalse(c.isOpen());
    }

    @Test
    void repliesAreMatchedByIdEvenOutOfOrderAndErrorsCarryQemuClass() throws Exception {
        Peer peer = new Peer();
        QmpClient c = connect(peer, new Recorder());
        ExecutorService ex = Executors.newFixedThreadPool(2);
        Future<Object> a = ex.submit(() -> c.execute("query-a"));
        Map<String, Object> ca = peer.read();
        Future<Object> b = ex.submit(() -> c.execute("query-b"));
        Map<String, Object> cb = peer.read();
        peer.send("{\"return\": \"B\", \"id\": \"" + cb.get("id") + "\"}\n");
        assertEquals("B", b.get(5, TimeUnit.SECONDS));
        assertFalse(a.isDone());
        peer.send("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command query-a has not been found\"}, "
                + "\"id\": \"" + ca.get("id") + "\"}\n");
        Exception e = assertThrows(Exception.class, () -> a.get(5, TimeUnit.SECONDS));
        QmpException q = (QmpException) e.getCause();
        assertEquals("CommandNotFound", q.errorClass());
        assertEquals("The command query-a has not been found", q.desc());
        ex.shutdown();
    }

    @Test
    void pendingCommandsFailAtOnceWhenTheMonitorCloses() throws Exception {
        Peer peer = new Peer();
        Recorder rec = new Recorder();
        QmpClient c = connect(peer, rec);
        CountDownLatch sent = new CountDownLatch(1);
        Future<Object> f = Executors.newSingleThreadExecutor().submit(() -> {
            sent.countDown();
            return c.execute("query-status", null, Duration.ofSeconds(60));
        });
        sent.await();
        peer.read();
        long t0 = System.nanoTime();
        peer.ch.close();
        Exception e = assertThrows(Exception.class, () -> f.get(5, TimeUnit.SECONDS));
        assertTrue(((QmpException) e.getCause()).isClosed(), e.toString());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
        QmpException later = assertThrows(QmpException.class, () -> c.execute("query-status"));
        assertTrue(later.isClosed());
        rec.closed.get(5, TimeUnit.SECONDS);
    }

    @Test
    void commandTimesOut() throws Exception {
        Peer peer = new Peer();
        QmpClient c = connect(peer, new Recorder());
        QmpException e = assertThrows(QmpException.class, () -> c.execute("slow", null, Duration.ofMillis(200)));
        assertEquals(QmpException.TIMEOUT, e.errorClass());
        // a late reply for the abandoned id is ignored, the connection stays usable
        Map<String, Object> first = peer.read();
        peer.send("{\"return\": 1, \"id\": \"" + first.get("id") + "\"}\n");
        Future<Object> f = Executors.newSingleThreadExecutor().submit(() -> c.execute("next"));
        Map<String, Object> next = peer.read();
        peer.send("{\"return\": 2, \"id\": \"" + next.get("id") + "\"}\n");
        assertEquals(2L, f.get(5, TimeUnit.SECONDS));
    }

    @Test
    void connectGivesUpWhenTheProcessIsGone() {
        Path nowhere = Path.of("/tmp/jvirt-no-such-socket-" + System.nanoTime());
        QmpException e = assertThrows(QmpException.class,
                () -> QmpClient.connect("t", nowhere, Duration.ofSeconds(30), () -> false, new Recorder()));
        assertTrue(e.isClosed());
        e = assertThrows(QmpException.class,
                () -> QmpClient.connect("t", nowhere, Duration.ofMillis(100), () -> true, new Recorder()));
        assertEquals(QmpException.TIMEOUT, e.errorClass());
    }

    // ---- real QEMU ----

    private QmpClient startQemu(Recorder rec) throws Exception {
        Path bin = Path.of("/usr/bin/qemu-system-x86_64");
        if (!Files.isExecutable(bin)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("QEMU missing and CI set");
            }
            Assumptions.abort("QEMU not installed");
        }
        Path dir = Files.createTempDirectory("qmpq");
        Path sock = dir.resolve("m.sock");
        qemu = new ProcessBuilder(bin.toString(), "-S", "-no-user-config", "-nodefaults", "-display", "none",
                "-machine", "pc", "-accel", "tcg", "-m", "32",
                "-qmp", "unix:" + sock + ",server=on,wait=off")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        QmpClient c = QmpClient.connect("q", sock, Duration.ofSeconds(30), qemu::isAlive, rec);
        closers.add(0, c);
        return c;
    }

    @Test
    void realQemuHandshakeCommandsEventsAndErrors() throws Exception {
        Recorder rec = new Recorder();
        QmpClient c = startQemu(rec);
        assertEquals("prelaunch", Json.str(Json.obj(c.execute("query-status")), "status"));
        c.execute("cont");
        assertEquals("RESUME", rec.events.poll(10, TimeUnit.SECONDS).name());
        c.execute("stop");
        assertEquals("STOP", rec.events.poll(10, TimeUnit.SECONDS).name());
        QmpException e = assertThrows(QmpException.class, () -> c.execute("no-such-cmd"));
        assertEquals("CommandNotFound", e.errorClass());
        e = assertThrows(QmpException.class, () -> c.execute("query-status", Map.of("x", 1)));
        assertEquals("GenericError", e.errorClass());
        assertTrue(e.desc().contains("'x'"), e.desc());
        assertEquals("{\"return\":{\"name\":null}}".length() > 0, true);
        String raw = c.executeJson("{\"execute\":\"query-kvm\"}", Duration.ofSeconds(10));
        assertTrue(raw.startsWith("{\"return\":{"), raw);
        String err = c.executeJson("{\"execute\":\"nope\"}", Duration.ofSeconds(10));
        assertTrue(err.contains("CommandNotFound"), err);
    }

    @Test
    void realQemuConcurrentCommandsFromManyThreads() throws Exception {
        QmpClient c = startQemu(new Recorder());
        ExecutorService ex = Executors.newFixedThreadPool(8);
        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String cmd = i % 2 == 0 ? "query-status" : "query-name";
            fs.add(ex.submit(() -> c.execute(cmd)));
        }
        for (int i = 0; i < fs.size(); i++) {
            Map<String, Object> r = Json.obj(fs.get(i).get(30, TimeUnit.SECONDS));
            assertTrue(i % 2 == 0 ? r.containsKey("status") : !r.containsKey("status"), r.toString());
        }
        ex.shutdown();
    }

    @Test
    void realQemuKilledIsNoticedAtOnce() throws Exception {
        Recorder rec = new Recorder();
        QmpClient c = startQemu(rec);
        long t0 = System.nanoTime();
        qemu.destroyForcibly();
        assertFalse(rec.closed.get(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3));
        assertTrue(assertThrows(QmpException.class, () -> c.execute("query-status")).isClosed());
    }

    @Test
    void realQemuQuitSendsShutdownBeforeTheReply() throws Exception {
        Recorder rec = new Recorder();
        QmpClient c = startQemu(rec);
        c.execute("quit");
        QmpEvent e = rec.events.poll(5, TimeUnit.SECONDS);
        assertEquals("SHUTDOWN", e.name());
        assertEquals("host-qmp-quit", e.data().get("reason"));
        assertFalse(rec.closed.get(5, TimeUnit.SECONDS));
        assertTrue(qemu.waitFor(10, TimeUnit.SECONDS));
    }
}
