package org.jvirt.rpc.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.ProcedureTable;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.RemoteError;
import org.jvirt.rpc.Struct;
import org.jvirt.rpc.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client connection speaking libvirt's RPC protocol over a {@link Transport}.
 *
 * <p>Threads: one reader thread per connection reads every packet and routes it — replies to the
 * waiting call by serial, stream packets to their stream, keepalive PINGs answered at once with a
 * PONG, event messages to a single event-dispatch thread (in order, so a slow listener never
 * stalls replies). Callers block only in their own call. Serials count from 0 and are shared by
 * all programs, as libvirt's client does.
 *
 * <p>Failure: when the peer hangs up, a read or write fails, or keepalive finds the peer silent,
 * the connection closes once, every pending call and stream fails at once with the same
 * {@link VirtException}, later calls fail immediately with it, and the close listeners run.
 * A call may also have its own timeout ({@link ErrorCode#OPERATION_TIMEOUT}); its late reply is
 * then dropped. Thread-safe.
 */
public final class RpcClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int PING = 1;
    private static final int PONG = 2;

    /**
     * A handler of event messages of one program.
     */
    @FunctionalInterface
    public interface EventHandler {
        /**
         * Called on the event-dispatch thread, in arrival order.
         *
         * @param procedure the event's procedure
         * @param body the decoded message
         */
        void onEvent(Procedure procedure, Struct body);
    }

    private record Pending(Procedure procedure, CompletableFuture<Packet> reply) {
    }

    private final Transport transport;
    private final String name;
    private final Duration defaultTimeout;
    private final AtomicInteger serials = new AtomicInteger();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Set<Integer> abandoned = ConcurrentHashMap.newKeySet();
    private final Map<Integer, RpcStream> streams = new ConcurrentHashMap<>();
    private final Map<Integer, ProcedureTable> eventTables = new ConcurrentHashMap<>();
    private final Map<Integer, EventHandler> eventHandlers = new ConcurrentHashMap<>();
    private final List<Consumer<VirtException>> closeListeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicReference<VirtException> closed = new AtomicReference<>();
    private final ExecutorService events;
    private final Thread reader;
    private volatile ScheduledExecutorService keepalive;
    private volatile long lastReceived = System.nanoTime();
    private final AtomicInteger unansweredPings = new AtomicInteger();

    /**
     * Starts a client over an open transport.
     *
     * @param transport the transport; the client owns and closes it
     * @param defaultTimeout the timeout of calls that give none; {@code null} waits until the reply
     *                       or the connection's end (keepalive bounds that)
     */
    public RpcClient(Transport transport, Duration defaultTimeout) {
        this.transport = transport;
        this.defaultTimeout = defaultTimeout;
        int id = IDS.incrementAndGet();
        this.name = "jvirt-rpc-" + id;
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-events");
            t.setDaemon(true);
            return t;
        });
        this.reader = new Thread(this::readLoop, name + "-reader");
        reader.setDaemon(true);
        reader.start();
        LOG.debug("{}: connected over {}", name, transport.describe());
    }

    /** The transport's description. */
    public String describe() {
        return transport.describe();
    }

    /** Whether the transport is encrypted. */
    public boolean isEncrypted() {
        return transport.isEncrypted();
    }

    /** Whether the peer is local (UNIX socket). */
    public boolean isLocal() {
        return transport.isLocal();
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return closed.get() == null;
    }

    /** Why the connection closed, or {@code null} while open. */
    public VirtException closeReason() {
        return closed.get();
    }

    /**
     * Routes event messages of a program to a handler (one handler per program).
     *
     * @param table the program's procedure table, to decode its event messages
     * @param handler the handler
     */
    public void setEventHandler(ProcedureTable table, EventHandler handler) {
        eventTables.put(table.program().number(), table);
        eventHandlers.put(table.program().number(), handler);
    }

    /**
     * Adds a listener called once when the connection closes, with the reason.
     *
     * @param listener the listener
     */
    public void addCloseListener(Consumer<VirtException> listener) {
        closeListeners.add(listener);
        VirtException why = closed.get();
        if (why != null) {
            listener.accept(why);
        }
    }

    /**
     * Calls a procedure and waits for its result, with the default timeout.
     *
     * @param procedure the procedure
     * @param args one value per argument field
     * @return the result
     * @throws VirtException the server's error, or a closed connection, or a timeout
     */
    public Struct call(Procedure procedure, Object... args) {
        return call(defaultTimeout, procedure, args);
    }

    /**
     * Calls a procedure and waits for its result.
     *
     * @param timeout how long to wait, {@code null} for no limit
     * @param procedure the procedure
     * @param args one value per argument field
     * @return the result
     */
    public Struct call(Duration timeout, Procedure procedure, Object... args) {
        int serial = serials.getAndIncrement();
        byte[] msg = encodeCall(procedure, serial, args);
        Pending p = new Pending(procedure, new CompletableFuture<>());
        pending.put(serial, p);
        try {
            send(msg);
        } catch (VirtException e) {
            pending.remove(serial);
            throw e;
        }
        return decodeReply(procedure, await(serial, p, timeout));
    }

    /**
     * Calls a stream procedure: registers the stream first (so no early packet is lost), makes the
     * call, and returns the stream once the reply says OK.
     *
     * @param procedure a procedure of kind READ_STREAM or WRITE_STREAM
     * @param args its arguments
     * @return the open stream
     */
    public RpcStream openStream(Procedure procedure, Object... args) {
        if (!procedure.isStream()) {
            throw new IllegalArgumentException(procedure + " does not open a stream");
        }
        int serial = serials.getAndIncrement();
        byte[] msg = encodeCall(procedure, serial, args);
        RpcStream stream = new RpcStream(this, procedure, serial);
        streams.put(serial, stream);
        Pending p = new Pending(procedure, new CompletableFuture<>());
        pending.put(serial, p);
        try {
            send(msg);
            decodeReply(procedure, await(serial, p, defaultTimeout));
        } catch (VirtException e) {
            pending.remove(serial);
            streams.remove(serial);
            throw e;
        }
        VirtException why = closed.get();
        if (why != null) {
            stream.fail(why);
        }
        return stream;
    }

    void streamDone(int serial) {
        streams.remove(serial);
    }

    private static byte[] encodeCall(Procedure procedure, int serial, Object... args) {
        XdrWriter w = Packet.start(Header.of(procedure.program(), procedure.number(), MessageType.CALL, serial,
                MessageStatus.OK));
        procedure.encodeArgs(w, args);
        return Packet.finish(w);
    }

    private Packet await(int serial, Pending p, Duration timeout) {
        try {
            return timeout == null ? p.reply.get() : p.reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(serial);
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.RPC, ErrorCode.OPERATION_TIMEOUT.format(
                    "no reply to " + p.procedure.name() + " within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(serial);
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.RPC,
                    ErrorCode.OPERATION_ABORTED.format("interrupted while waiting for " + p.procedure.name()), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtException v) {
                // Re-thrown here so the caller's stack is in the trace; the reader's is the cause.
                throw new VirtException(v.code(), v.domain(), v.getMessage(), v);
            }
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, String.valueOf(e.getCause()), e);
        }
    }

    private void abandon(int serial) {
        if (pending.remove(serial) != null) {
            abandoned.add(serial);
        }
    }

    static Struct decodeReply(Procedure procedure, Packet reply) {
        if (reply.header().status() == MessageStatus.ERROR) {
            throw RemoteError.decode(reply.reader()).toException();
        }
        if (reply.header().status() != MessageStatus.OK) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                    "Unexpected message status " + reply.header().status().number()));
        }
        return procedure.decodeRet(reply.reader());
    }

    /**
     * Writes one framed message.
     *
     * @param message the bytes
     * @throws VirtException a closed connection, or the write failure (which closes it)
     */
    void send(byte[] message) {
        VirtException why = closed.get();
        if (why != null) {
            throw closedError(why);
        }
        writeLock.lock();
        try {
            Packet.write(transport.output(), message);
        } catch (IOException e) {
            VirtException v = new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Cannot write data: " + e.getMessage(), e);
            closeWith(v);
            throw closedError(closed.get());
        } finally {
            writeLock.unlock();
        }
    }

    private static VirtException closedError(VirtException why) {
        return new VirtException(why.code(), why.domain(), why.getMessage(), why);
    }

    /**
     * Starts libvirt-style keepalive: after {@code intervalSeconds} of silence from the peer a PING
     * is sent; after {@code count} unanswered PINGs the connection closes as dead (so a dead peer
     * is noticed after about interval × (count + 1) seconds). Call only when the server said it
     * supports keepalive. Calling again replaces the schedule.
     *
     * @param intervalSeconds seconds of silence before a PING, &gt; 0
     * @param count unanswered PINGs tolerated
     */
    public synchronized void startKeepAlive(int intervalSeconds, int count) {
        stopKeepAlive();
        if (intervalSeconds <= 0 || !isOpen()) {
            return;
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-keepalive");
            t.setDaemon(true);
            return t;
        });
        long interval = TimeUnit.SECONDS.toNanos(intervalSeconds);
        s.scheduleAtFixedRate(() -> keepaliveTick(interval, count), intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        keepalive = s;
    }

    /** Stops keepalive. */
    public synchronized void stopKeepAlive() {
        ScheduledExecutorService s = keepalive;
        keepalive = null;
        if (s != null) {
            s.shutdownNow();
        }
    }

    private void keepaliveTick(long intervalNanos, int count) {
        if (!isOpen()) {
            return;
        }
        if (System.nanoTime() - lastReceived < intervalNanos - TimeUnit.MILLISECONDS.toNanos(50)) {
            return;
        }
        if (unansweredPings.get() >= count) {
            LOG.warn("{}: no answer from {} to {} keepalive PINGs, closing", name, transport.describe(), count);
            closeWith(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    ErrorCode.INTERNAL_ERROR.format("connection closed due to keepalive timeout")));
            return;
        }
        unansweredPings.incrementAndGet();
        byte[] ping = Packet.frame(Header.of(Program.KEEPALIVE, PING, MessageType.MESSAGE, 0, MessageStatus.OK),
                new byte[0], 0, 0);
        // A writer stuck on a full socket must not stall keepalive: skip this PING but count it.
        if (writeLock.tryLock()) {
            try {
                Packet.write(transport.output(), ping);
            } catch (IOException e) {
                closeWith(new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                        "Cannot write data: " + e.getMessage(), e));
            } finally {
                writeLock.unlock();
            }
        }
    }

    private void readLoop() {
        try {
            while (true) {
                Packet p = Packet.read(transport.input());
                if (p == null) {
                    closeWith(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                            ErrorCode.INTERNAL_ERROR.format("client socket is closed")));
                    return;
                }
                lastReceived = System.nanoTime();
                unansweredPings.set(0);
                dispatch(p);
            }
        } catch (IOException e) {
            closeWith(new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Cannot recv data: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e));
        } catch (VirtException e) {
            closeWith(e);
        } catch (RuntimeException e) {
            LOG.error("{}: reader failed", name, e);
            closeWith(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    ErrorCode.INTERNAL_ERROR.format("reader failed: " + e), e));
        }
    }

    private void dispatch(Packet p) {
        Header h = p.header();
        if (h.isFor(Program.KEEPALIVE)) {
            if (h.procedure() == PING) {
                LOG.trace("{}: PING, sending PONG", name);
                try {
                    send(Packet.frame(Header.of(Program.KEEPALIVE, PONG, MessageType.MESSAGE, 0, MessageStatus.OK),
                            new byte[0], 0, 0));
                } catch (VirtException e) {
                    LOG.debug("{}: PONG not sent: {}", name, e.getMessage());
                }
            }
            return;
        }
        switch (h.type()) {
            case REPLY, REPLY_WITH_FDS -> {
                Pending c = pending.get(h.serial());
                if (c == null || !h.isFor(c.procedure.program())) {
                    if (abandoned.remove(h.serial())) {
                        LOG.debug("{}: dropping late reply {}", name, h);
                        return;
                    }
                    // As libvirt's client: a reply nobody waits for means the peer is confused.
                    throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                            "no call waiting for reply with prog 0x" + Integer.toHexString(h.program())
                                    + " vers " + h.version() + " serial " + h.serial()));
                }
                pending.remove(h.serial());
                if (h.procedure() != c.procedure.number()) {
                    c.reply.completeExceptionally(new VirtException(ErrorCode.RPC, ErrorDomain.RPC,
                            ErrorCode.RPC.format("Unexpected message proc " + h.procedure() + " != "
                                    + c.procedure.number())));
                    return;
                }
                c.reply.complete(p);
            }
            case MESSAGE -> dispatchEvent(p);
            case STREAM, STREAM_HOLE -> {
                RpcStream s = streams.get(h.serial());
                if (s == null) {
                    LOG.debug("{}: dropping packet for unknown stream {}", name, h);
                } else {
                    s.deliver(p);
                }
            }
            default -> LOG.debug("{}: ignoring {}", name, h);
        }
    }

    private void dispatchEvent(Packet p) {
        Header h = p.header();
        ProcedureTable table = eventTables.get(h.program());
        EventHandler handler = eventHandlers.get(h.program());
        if (table == null || handler == null || table.program().version() != h.version()) {
            LOG.debug("{}: ignoring event of unregistered program {}", name, h);
            return;
        }
        Procedure proc = table.byNumber(h.procedure()).filter(x -> x.kind() == Procedure.Kind.EVENT).orElse(null);
        if (proc == null) {
            LOG.debug("{}: ignoring unknown event {}", name, h);
            return;
        }
        try {
            events.execute(() -> {
                try {
                    handler.onEvent(proc, proc.decodeArgs(p.reader()));
                } catch (RuntimeException e) {
                    LOG.warn("{}: event handler for {} failed", name, proc, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("{}: event after close dropped", name);
        }
    }

    private void closeWith(VirtException why) {
        if (!closed.compareAndSet(null, why)) {
            return;
        }
        LOG.debug("{}: closing: {}", name, why.getMessage());
        stopKeepAlive();
        transport.close();
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending p : all) {
            p.reply.completeExceptionally(why);
        }
        for (RpcStream s : new ArrayList<>(streams.values())) {
            s.fail(why);
        }
        streams.clear();
        for (Consumer<VirtException> l : closeListeners) {
            try {
                events.execute(() -> l.accept(why));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                l.accept(why);
            }
        }
        events.shutdown();
    }

    /**
     * Closes the connection (without any goodbye call; send CONNECT_CLOSE first for that).
     * Pending calls fail. Idempotent.
     */
    @Override
    public void close() {
        closeWith(new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                ErrorCode.INTERNAL_ERROR.format("client socket is closed")));
    }

    @Override
    public String toString() {
        return name + "[" + transport.describe() + "]";
    }
}
