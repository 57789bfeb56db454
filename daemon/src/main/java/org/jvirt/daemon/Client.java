package org.jvirt.daemon;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.Connect;
import org.jvirt.api.Registration;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.RemoteError;
import org.jvirt.rpc.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: a reader thread that frames packets, answers keepalive PINGs at once and
 * hands calls to the server's workers (at most {@link #MAX_REQUESTS} outstanding, as libvirtd's
 * {@code max_client_requests}; beyond that the reader stops reading), serialised writes, the
 * client's hypervisor connection and its event registrations.
 */
final class Client implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Client.class);
    /** libvirtd's max_client_requests default. */
    static final int MAX_REQUESTS = 5;
    /** Events queued for a client that does not read before it is dropped. */
    private static final int MAX_QUEUED_EVENTS = 10_000;
    private static final int PING = 1;
    private static final int PONG = 2;

    final Server server;
    final Conn conn;
    final Server.Listener listener;
    final boolean readOnlySocket;
    final long id;

    // Connection state, guarded by "this".
    private volatile boolean authenticated;
    private Connect hv;
    private boolean readOnly;

    final Map<Integer, Registration> callbacks = new ConcurrentHashMap<>();
    final Map<Integer, Registration> legacyCallbacks = new ConcurrentHashMap<>();
    final AtomicInteger nextCallbackId = new AtomicInteger();

    private final Semaphore inflight = new Semaphore(MAX_REQUESTS);
    private final Object writeLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    // Keepalive (touched by the reader and the server's ticker).
    volatile boolean keepaliveOn;
    volatile long lastRx = System.nanoTime();
    volatile int pingsOut;

    // Events waiting to be written, drained by one worker at a time.
    private final ArrayDeque<byte[]> events = new ArrayDeque<>();
    private boolean draining;

    Client(Server server, Conn conn, Server.Listener listener, long id) {
        this.server = server;
        this.conn = conn;
        this.listener = listener;
        this.readOnlySocket = listener.readOnly();
        this.id = id;
        this.authenticated = listener.auth().equals("none");
    }

    // ---- state ----

    boolean isAuthenticated() {
        return authenticated;
    }

    void setAuthenticated() {
        authenticated = true;
    }

    synchronized Connect hv() {
        return hv;
    }

    synchronized boolean isReadOnly() {
        return readOnly || readOnlySocket;
    }

    synchronized void setHv(Connect c, boolean ro) {
        this.hv = c;
        this.readOnly = ro;
    }

    /** Drops the hypervisor connection and every event registration. */
    void closeHv() {
        Connect c;
        synchronized (this) {
            c = hv;
            hv = null;
        }
        callbacks.values().forEach(Client::quietClose);
        callbacks.clear();
        legacyCallbacks.values().forEach(Client::quietClose);
        legacyCallbacks.clear();
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("client {}: closing hypervisor connection: {}", id, e.toString());
            }
        }
    }

    private static void quietClose(Registration r) {
        try {
            r.close();
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    // ---- reading ----

    @Override
    public void run() {
        try {
            InputStream in = conn.in();
            byte[] lenWord = new byte[4];
            while (!closed.get()) {
                if (!readFully(in, lenWord, 4, true)) {
                    break;
                }
                int len = ((lenWord[0] & 0xff) << 24) | ((lenWord[1] & 0xff) << 16) | ((lenWord[2] & 0xff) << 8)
                        | (lenWord[3] & 0xff);
                if (len < Packet.MIN_LENGTH || len > Packet.MAX_LENGTH) {
                    // libvirtd closes the connection for a length word out of range.
                    LOG.debug("client {}: length word {} out of range, closing", id, len & 0xffffffffL);
                    break;
                }
                byte[] msg = new byte[len - 4];
                if (!readFully(in, msg, msg.length, false)) {
                    break;
                }
                lastRx = System.nanoTime();
                pingsOut = 0;
                handle(msg);
            }
        } catch (IOException e) {
            LOG.debug("client {}: {}", id, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("client {}: reader failed", id, e);
        } finally {
            close();
        }
    }

    private static boolean readFully(InputStream in, byte[] b, int len, boolean eofOk) throws IOException {
        int n = 0;
        while (n < len) {
            int r = in.read(b, n, len - n);
            if (r < 0) {
                if (n == 0 && eofOk) {
                    return false;
                }
                throw new EOFException("connection closed inside a message");
            }
            n += r;
        }
        return true;
    }

    private void handle(byte[] msg) throws InterruptedException {
        int prog = intAt(msg, 0);
        int vers = intAt(msg, 4);
        int proc = intAt(msg, 8);
        int type = intAt(msg, 12);
        int serial = intAt(msg, 16);
        int status = intAt(msg, 20);
        if (prog == Program.KEEPALIVE.number()) {
            if (vers == Program.KEEPALIVE.version() && type == MessageType.MESSAGE.number() && proc == PING) {
                send(Packet.frame(new Header(prog, vers, PONG, MessageType.MESSAGE, 0, MessageStatus.OK),
                        new byte[0], 0, 0));
            }
            return; // PONGs and unknown keepalive procedures need nothing
        }
        if (type != MessageType.CALL.number() && type != MessageType.CALL_WITH_FDS.number()) {
            // Client REPLYs, stray STREAM packets and the like are dropped, as libvirtd drops them.
            LOG.debug("client {}: ignoring message type {} for prog 0x{} proc {}", id, type,
                    Integer.toHexString(prog), proc);
            return;
        }
        MessageType t = MessageType.fromNumber(type);
        Header h = new Header(prog, vers, proc, t, serial, MessageStatus.OK);
        if (status != MessageStatus.OK.number()) {
            sendError(h, Dispatcher.rpcError("Unexpected message status " + (status & 0xffffffffL)));
            return;
        }
        if (t == MessageType.CALL_WITH_FDS) {
            sendError(h, Dispatcher.rpcError("Unexpected message type " + type + " (no file descriptors on "
                    + conn.describe() + ")"));
            return;
        }
        Dispatcher.Target target = server.dispatcher().target(prog, vers, proc);
        if (target.error() != null) {
            sendError(h, target.error());
            return;
        }
        inflight.acquire();
        try {
            server.workers().execute(() -> {
                try {
                    server.dispatcher().call(this, h, target, msg);
                } finally {
                    inflight.release();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inflight.release();
            close();
        }
    }

    private static int intAt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    // ---- writing ----

    /** Writes one framed message; a failed write closes the client. */
    void send(byte[] framed) {
        synchronized (writeLock) {
            if (closed.get()) {
                return;
            }
            try {
                conn.write(framed);
            } catch (IOException e) {
                LOG.debug("client {}: write failed: {}", id, e.toString());
                close();
            }
        }
    }

    /** Sends an error reply to a call. */
    void sendError(Header call, RemoteError err) {
        XdrWriter w = Packet.start(call.with(MessageType.REPLY, MessageStatus.ERROR));
        err.encode(w);
        send(Packet.finish(w));
    }

    /** Queues an event message; written in order by one worker at a time. */
    void sendEvent(byte[] framed) {
        synchronized (events) {
            if (events.size() >= MAX_QUEUED_EVENTS) {
                LOG.warn("client {}: {} events unread, dropping the client", id, events.size());
                close();
                return;
            }
            events.add(framed);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            server.workers().execute(this::drainEvents);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (events) {
                draining = false;
            }
        }
    }

    private void drainEvents() {
        while (true) {
            byte[] next;
            synchronized (events) {
                next = events.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            send(next);
        }
    }

    /** Sends a keepalive PING. */
    void ping() {
        pingsOut++;
        send(Packet.frame(Header.of(Program.KEEPALIVE, PING, MessageType.MESSAGE, 0, MessageStatus.OK),
                new byte[0], 0, 0));
    }

    /** Closes the socket and the hypervisor connection; idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        conn.close();
        closeHv();
        server.removed(this);
    }
}
