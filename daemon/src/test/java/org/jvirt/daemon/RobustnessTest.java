package org.jvirt.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.testing.libvirt.Libvirtd;

/**
 * Malformed, truncated, oversized and out-of-order messages, unknown programs and procedures,
 * clients vanishing mid-message and mid-call: jvirtd answers byte for byte as libvirtd answers (or
 * closes the connection where libvirtd closes it) and keeps serving its other clients. Then a
 * bounded random corpus (fuzz), max_clients and keepalive.
 */
class RobustnessTest {
    private static JvirtdProcess jvirtd;
    private static Libvirtd libvirtd;

    @BeforeAll
    static void start() throws Exception {
        libvirtd = Libvirtd.start();
        jvirtd = JvirtdProcess.start();
    }

    @AfterAll
    static void stop() {
        if (jvirtd != null) {
            jvirtd.close();
        }
        if (libvirtd != null) {
            libvirtd.close();
        }
    }

    private static final int REMOTE = Program.REMOTE.number();

    /** Sends the messages in order and collects every reply (up to one per message) as hex. */
    private static List<String> exchange(Path socket, List<byte[]> msgs, int expectReplies) throws IOException {
        List<String> out = new ArrayList<>();
        try (Raw r = new Raw(socket)) {
            for (byte[] m : msgs) {
                r.send(m);
            }
            for (int i = 0; i < expectReplies; i++) {
                byte[] reply = r.read(5000);
                out.add(reply == null ? "EOF" : HexFormat.of().formatHex(reply));
            }
        }
        // libvirtd runs calls on several workers, so replies may come in any order.
        java.util.Collections.sort(out);
        return out;
    }

    private static void sameAsLibvirtd(List<byte[]> msgs, int replies) throws IOException {
        List<String> want = exchange(libvirtd.socket(), msgs, replies);
        List<String> got = exchange(jvirtd.server.rwSocket(), msgs, replies);
        assertEquals(want, got);
    }

    private static byte[] open(int serial) {
        return Raw.call(RemoteProgram.CONNECT_OPEN, serial, "test:///default", 0);
    }

    @Test
    void errorRepliesAreLibvirtdsBytes() throws IOException {
        byte[] empty = new byte[0];
        sameAsLibvirtd(List.of(
                Raw.header(REMOTE, 1, 9999, 0, 5, 0, empty),                   // unknown procedure
                Raw.header(REMOTE, 1, 0, 0, 6, 0, empty),                      // procedure 0
                Raw.header(REMOTE, 1, -3, 0, 7, 0, empty),                     // negative procedure
                Raw.header(0x12345678, 1, 1, 0, 8, 0, empty),                  // unknown program
                Raw.header(REMOTE, 2, 1, 0, 9, 0, empty),                      // wrong version
                Raw.header(REMOTE, 1, 3, 0, 10, 0, empty),                     // GET_TYPE before CONNECT_OPEN
                Raw.header(REMOTE, 1, 66, 0, 11, 2, empty),                    // a CALL with status CONTINUE
                Raw.header(REMOTE, 1, 1, 0, 12, 0, new byte[] {0, 0, 0, 7}), // optional flag 7: undecodable
                Raw.header(REMOTE, 1, 1, 0, 13, 0, new byte[] {0, 0, 0, 1, 0x7f, 0, 0, 0}), // string over 4 MiB
                Raw.header(REMOTE, 1, 60, 0, 14, 0, new byte[] {0, 0, 0, 10}), // feature 10 before open
                Raw.header(REMOTE, 1, 60, 0, 15, 0, new byte[] {0, 0, 0, 14})  // feature 14 before open
        ), 11);
    }

    @Test
    void ignoredMessagesAndStateMachineAreLibvirtds() throws IOException {
        byte[] empty = new byte[0];
        // One call at a time: both daemons run a client's calls concurrently, so pipelined replies may reorder.
        List<byte[]> msgs = List.of(
                Raw.ping(),                                                    // answered with PONG
                open(3),
                Raw.call(RemoteProgram.CONNECT_GET_TYPE, 4),
                Raw.call(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, 5, "nosuch"),
                Raw.header(REMOTE, 1, 3, 0, 6, 0, new byte[] {0, 0, 0, 0, 1, 2, 3, 4}), // trailing junk: ignored
                Raw.call(RemoteProgram.CONNECT_GET_TYPE, 6),                   // duplicate serial: answered again
                open(7));                                                      // second open: error
        for (Path sock : List.of(libvirtd.socket(), jvirtd.server.rwSocket())) {
            try (Raw r = new Raw(sock)) {
                r.send(Raw.header(REMOTE, 1, 3, 1, 1, 0, empty));              // a client REPLY: dropped
                r.send(Raw.header(REMOTE, 1, 209, 3, 2, 2, new byte[] {1, 2, 3, 4})); // STREAM for no stream: dropped
                r.send(Raw.ping());
                assertEquals(Program.KEEPALIVE.number(), ByteBuffer.wrap(r.read(5000)).getInt(4), "only the PONG");
            }
        }
        List<List<String>> both = new ArrayList<>();
        for (Path sock : List.of(libvirtd.socket(), jvirtd.server.rwSocket())) {
            List<String> out = new ArrayList<>();
            try (Raw r = new Raw(sock)) {
                for (byte[] m : msgs) {
                    r.send(m);
                    out.add(HexFormat.of().formatHex(r.read(5000)));
                }
            }
            both.add(out);
        }
        assertEquals(both.get(0), both.get(1));
    }

    @Test
    void closesOnBadLengthWordsLikeLibvirtd() throws IOException {
        for (int len : new int[] {3, 4, 27, 33554437, 0x7fffffff, -1}) {
            for (Path sock : List.of(libvirtd.socket(), jvirtd.server.rwSocket())) {
                try (Raw r = new Raw(sock)) {
                    r.send(ByteBuffer.allocate(32).putInt(len).array());
                    assertTrue(r.closedWithin(5000), "length " + len + " on " + sock);
                }
            }
        }
        stillServes();
    }

    @Test
    void vanishingClientsDoNotDisturbOthers() throws Exception {
        try (Raw steady = new Raw(jvirtd.server.rwSocket())) {
            steady.send(open(0));
            assertNotNull(steady.reply(5000));
            // Truncated: a length word promising more than is sent, then gone.
            for (int i = 0; i < 20; i++) {
                try (Raw r = new Raw(jvirtd.server.rwSocket())) {
                    r.send(new byte[] {0, 0, 1, 0, 0x20, 0, (byte) 0x80});
                }
                // Mid-call: a call sent, the client gone before the reply.
                try (Raw r = new Raw(jvirtd.server.rwSocket())) {
                    r.send(open(0));
                    r.send(Raw.call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, 1, 1, 0));
                }
            }
            steady.send(Raw.call(RemoteProgram.CONNECT_GET_HOSTNAME, 1));
            byte[] reply = steady.reply(5000);
            assertEquals(0, ByteBuffer.wrap(reply).getInt(24), "status OK");
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (jvirtd.server.clientCount() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, jvirtd.server.clientCount(), "every vanished client is gone");
        stillServes();
    }

    @Test
    void oversizedMessageIsReadAndAnswered() throws IOException {
        // The largest legal message (33554436 bytes): libvirtd answers it and ignores the trailing zeros.
        byte[] big = new byte[33554436];
        ByteBuffer.wrap(big).putInt(big.length).putInt(REMOTE).putInt(1).putInt(66).putInt(0).putInt(1).putInt(0);
        sameAsLibvirtd(List.of(big), 1);
    }

    @Test
    void boundedFuzzKeepsServingWithBoundedMemory() throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Random rnd = new Random(20261122);
        List<byte[]> seeds = List.of(open(2), Raw.call(RemoteProgram.AUTH_LIST, 0),
                Raw.call(RemoteProgram.CONNECT_SUPPORTS_FEATURE, 1, 10),
                Raw.call(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, 3, "test"),
                Raw.call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, 4, 1, 3), Raw.ping());
        long end = System.currentTimeMillis() + 20_000;
        int sent = 0;
        try (Raw steady = new Raw(jvirtd.server.rwSocket())) {
            steady.send(open(0));
            assertNotNull(steady.reply(5000));
            for (int conn = 0; conn < 300 && System.currentTimeMillis() < end; conn++) {
                try (Raw r = new Raw(jvirtd.server.rwSocket())) {
                    int n = 1 + rnd.nextInt(12);
                    for (int i = 0; i < n; i++) {
                        byte[] m = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                        try {
                            r.send(m);
                            sent++;
                        } catch (IOException closed) {
                            break; // the daemon hung up, as it may for a bad length word
                        }
                    }
                }
                if (conn % 50 == 0) {
                    steady.send(Raw.call(RemoteProgram.CONNECT_GET_TYPE, conn + 1));
                    byte[] reply = steady.reply(5000);
                    assertEquals(0, ByteBuffer.wrap(reply).getInt(24), "steady client still served");
                }
            }
        }
        assertTrue(sent > 500, "sent " + sent);
        stillServes();
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        assertTrue(after - before < 64L * 1024 * 1024, "heap grew by " + (after - before) + " bytes");
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] m;
        switch (rnd.nextInt(5)) {
            case 0 -> { // bit flips anywhere after the length word
                m = seed.clone();
                for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
                    int at = 4 + rnd.nextInt(m.length - 4);
                    m[at] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> { // random payload, valid header
                byte[] payload = new byte[rnd.nextInt(256)];
                rnd.nextBytes(payload);
                m = Raw.header(REMOTE, 1, rnd.nextInt(450), 0, rnd.nextInt(), 0, payload);
            }
            case 2 -> { // random header words
                m = Raw.header(rnd.nextBoolean() ? REMOTE : rnd.nextInt(), rnd.nextInt(3), rnd.nextInt(),
                        rnd.nextInt(8), rnd.nextInt(), rnd.nextInt(4), new byte[rnd.nextInt(64)]);
            }
            case 3 -> { // truncated
                m = java.util.Arrays.copyOf(seed, 1 + rnd.nextInt(seed.length - 1));
            }
            default -> { // a lying length word (small, so nothing big is allocated)
                m = seed.clone();
                ByteBuffer.wrap(m).putInt(rnd.nextInt(200));
            }
        }
        return m;
    }

    private static void stillServes() throws IOException {
        try (Raw r = new Raw(jvirtd.server.rwSocket())) {
            r.send(open(0));
            byte[] opened = r.reply(5000);
            assertEquals(0, ByteBuffer.wrap(opened).getInt(24), () -> "open failed: " + new String(opened));
            r.send(Raw.call(RemoteProgram.CONNECT_GET_TYPE, 1));
            byte[] type = r.reply(5000);
            assertEquals(0, ByteBuffer.wrap(type).getInt(24), () -> "get type failed: " + new String(type));
        }
    }

    @Test
    void maxClientsIsEnforced() throws Exception {
        try (JvirtdProcess small = JvirtdProcess.start(c -> c.withLimits(2, 2, 5, 5))) {
            Path sock = small.server.rwSocket();
            try (Raw a = new Raw(sock); Raw b = new Raw(sock); Raw c = new Raw(sock)) {
                a.send(Raw.call(RemoteProgram.AUTH_LIST, 0));
                b.send(Raw.call(RemoteProgram.AUTH_LIST, 0));
                assertNotNull(a.reply(5000));
                assertNotNull(b.reply(5000));
                c.send(Raw.call(RemoteProgram.AUTH_LIST, 0));
                assertThrows(java.io.InterruptedIOException.class, () -> c.reply(1000),
                        "a third client waits while two are connected");
                assertEquals(2, small.server.clientCount());
                a.close();
                byte[] late = c.reply(5000);
                assertNotNull(late, "served once a slot is free");
                assertEquals(0, ByteBuffer.wrap(late).getInt(24));
            }
        }
    }

    @Test
    void keepaliveDropsSilentClientsAndAnswersPings() throws Exception {
        try (JvirtdProcess ka = JvirtdProcess.start(c -> c.withLimits(10, 2, 1, 2))) {
            try (Raw r = new Raw(ka.server.rwSocket())) {
                r.send(Raw.ping());
                byte[] pong = r.read(5000);
                assertEquals(Program.KEEPALIVE.number(), ByteBuffer.wrap(pong).getInt(4));
                assertEquals(2, ByteBuffer.wrap(pong).getInt(12), "PONG");
                r.send(Raw.call(RemoteProgram.CONNECT_SUPPORTS_FEATURE, 0, 10));
                assertNotNull(r.reply(5000));
                int pings = 0;
                long t0 = System.nanoTime();
                while (true) {
                    byte[] m = r.read(10_000);
                    if (m == null) {
                        break;
                    }
                    if (ByteBuffer.wrap(m).getInt(4) == Program.KEEPALIVE.number()) {
                        pings++;
                    }
                }
                long secs = (System.nanoTime() - t0) / 1_000_000_000L;
                assertEquals(2, pings, "keepalive_count PINGs");
                assertTrue(secs >= 2 && secs <= 5, "dropped after " + secs + " s");
            }
            // A client that never asked feature 10 is never pinged.
            try (Raw quiet = new Raw(ka.server.rwSocket())) {
                assertFalse(quiet.closedWithin(3500));
            }
        }
    }

}
