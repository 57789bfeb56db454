package org.jvirt.driver.qemu.qmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One QMP connection to one QEMU over its unix monitor socket.
 *
 * <p>A reader thread reads the socket line by line (QMP sends one JSON object per line) and
 * routes each line: replies complete the command waiting for their {@code id}, events go in
 * arrival order to the {@link Listener} on a separate delivery thread (so that a listener may issue
 * commands itself), nothing is dropped. When the socket reaches EOF or fails — QEMU exited or was
 * killed — every pending command fails at once with {@link QmpException#CLOSED}, and
 * {@link Listener#onClose} is called once, after every event read before the EOF.
 *
 * <p>Thread-safe: any number of threads may issue commands concurrently; writes are serialised
 * and replies are matched by id.
 */
public final class QmpClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QmpClient.class);
    private static final AtomicLong CLIENTS = new AtomicLong();
    /** Longest QMP line accepted (query-qmp-schema is ~210 KB on 7.2). */
    private static final int MAX_LINE = 64 * 1024 * 1024;

    /** Receives the events and the end of a connection. */
    public interface Listener {
        /** An event, in arrival order, on the client's delivery thread. */
        void onEvent(QmpEvent event);

        /**
         * The connection ended, called once on the delivery thread after all events.
         *
         * @param requested whether {@link #close()} ended it (rather than QEMU or an I/O error)
         */
        void onClose(boolean requested);
    }

    private final String label;
    private final SocketChannel channel;
    private final Listener listener;
    private final ExecutorService delivery;
    private final Object writeLock = new Object();
    private final Map<String, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Map<String, Object>> greeting = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closeRequested;
    private volatile String closeReason = "monitor closed";

    private QmpClient(String label, SocketChannel channel, Listener listener) {
        this.label = label;
        this.channel = channel;
        this.listener = listener;
        long n = CLIENTS.incrementAndGet();
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qmp-events-" + label + "-" + n);
            t.setDaemon(true);
            return t;
        });
        Thread reader = new Thread(this::readLoop, "qmp-reader-" + label + "-" + n);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Connects to a monitor socket, waits for the greeting and negotiates capabilities.
     *
     * @param label a name for threads and logs (the domain name)
     * @param socket the unix socket path
     * @param timeout how long to keep retrying while the socket does not exist or refuses, and to
     *        wait for the handshake
     * @param alive polled while retrying: when it turns false (QEMU exited) connecting stops
     * @param listener events and close
     * @return the ready client
     * @throws QmpException when QEMU exited, the socket never answered, or the handshake failed
     */
    public static QmpClient connect(String label, Path socket, Duration timeout, BooleanSupplier alive,
                                    Listener listener) {
        Objects.requireNonNull(listener, "listener");
        long deadline = System.nanoTime() + timeout.toNanos();
        SocketChannel ch = null;
        IOException last = null;
        while (ch == null) {
            try {
                ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                last = e;
                if (!alive.getAsBoolean()) {
                    throw new QmpException(QmpException.CLOSED, "QEMU exited before its monitor answered", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new QmpException(QmpException.TIMEOUT, "monitor socket " + socket
                            + " did not answer within " + timeout.toMillis() + " ms", last);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new QmpException(QmpException.CLOSED, "interrupted while connecting", ie);
                }
            }
        }
        QmpClient c = new QmpClient(label, ch, listener);
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            Map<String, Object> g;
            try {
                g = c.greeting.get(Math.max(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new QmpException(QmpException.TIMEOUT, "no QMP greeting on " + socket, e);
            } catch (ExecutionException e) {
                throw new QmpException(QmpException.CLOSED, "monitor closed before its greeting", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QmpException(QmpException.CLOSED, "interrupted", e);
            }
            LOG.debug("{}: QMP greeting {}", label, g);
            c.execute("qmp_capabilities", null, Duration.ofSeconds(Math.max(5, timeout.toSeconds())));
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** QEMU's greeting ({@code {"QMP": {"version": ..., "capabilities": [...]}}}), its {@code QMP} member. */
    public Map<String, Object> greeting() {
        return Json.obj(greeting.getNow(Map.of()).get("QMP"));
    }

    /**
     * Runs a command and waits for its reply.
     *
     * @param command the command, e.g. {@code query-status}
     * @param arguments its arguments, or {@code null}
     * @param timeout how long to wait for the reply
     * @return the {@code return} member of the reply
     * @throws QmpException on an error reply, timeout, or a closed monitor
     */
    public Object execute(String command, Map<String, ?> arguments, Duration timeout) {
        Objects.requireNonNull(command, "command");
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("execute", command);
        if (arguments != null && !arguments.isEmpty()) {
            msg.put("arguments", arguments);
        }
        return send(msg, command, timeout);
    }

    /** Runs a command with the default timeout of 30 s. */
    public Object execute(String command, Map<String, ?> arguments) {
        return execute(command, arguments, Duration.ofSeconds(30));
    }

    /** Runs a command without arguments with the default timeout. */
    public Object execute(String command) {
        return execute(command, null);
    }

    /**
     * Runs a command given as JSON text (QMP passthrough, as {@code virsh qemu-monitor-command}).
     * Its {@code id}, if any, is replaced by the client's own.
     *
     * @param json a JSON object with {@code execute} and optional {@code arguments}
     * @param timeout how long to wait
     * @return the whole reply as JSON text, e.g. {@code {"return":{}}}
     * @throws QmpException on timeout or a closed monitor (error replies are returned, not thrown)
     */
    public String executeJson(String json, Duration timeout) {
        Map<String, Object> parsed = Json.parseObject(json);
        if (!(parsed.get("execute") instanceof String cmd)) {
            throw new JsonException("QMP input member 'execute' must be a string", 0);
        }
        Map<String, Object> msg = new LinkedHashMap<>(parsed);
        msg.remove("id");
        try {
            Object ret = send(msg, cmd, timeout);
            return Json.write(Map.of("return", ret == null ? Map.of() : ret));
        } catch (QmpException e) {
            if (e.errorClass().startsWith("jvirt:")) {
                throw e;
            }
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("class", e.errorClass());
            err.put("desc", e.desc());
            return Json.write(Map.of("error", err));
        }
    }

    private Object send(Map<String, Object> msg, String command, Duration timeout) {
        String id = "jv-" + ids.incrementAndGet();
        msg.put("id", id);
        CompletableFuture<Object> f = new CompletableFuture<>();
        pending.put(id, f);
        if (closed.get()) {
            pending.remove(id);
            throw new QmpException(QmpException.CLOSED, closeReason + " (command " + command + ")", null);
        }
        byte[] line = (Json.write(msg) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (writeLock) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        } catch (IOException e) {
            pending.remove(id);
            shutdown("write failed: " + e.getMessage(), false);
            throw new QmpException(QmpException.CLOSED, "cannot send " + command + ": " + e.getMessage(), e);
        }
        LOG.trace("{}: -> {}", label, msg);
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.remove(id);
            throw new QmpException(QmpException.TIMEOUT, "no reply to " + command + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QmpException q) {
                throw new QmpException(q.errorClass(), q.desc(), q.getCause());
            }
            throw new QmpException(QmpException.CLOSED, String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            pending.remove(id);
            Thread.currentThread().interrupt();
            throw new QmpException(QmpException.CLOSED, "interrupted waiting for " + command, e);
        }
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return !closed.get();
    }

    /** Closes the connection; pending commands fail; {@link Listener#onClose} is called with {@code true}. Idempotent. */
    @Override
    public void close() {
        closeRequested = true;
        shutdown("monitor closed by jvirt", true);
    }

    private void readLoop() {
        try (InputStream in = Channels.newInputStream(channel)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            byte[] buf = new byte[8192];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, start, i - start);
                        handleLine(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(buf, start, n - start);
                if (line.size() > MAX_LINE) {
                    throw new IOException("QMP line longer than " + MAX_LINE + " bytes");
                }
            }
            shutdown("monitor closed (EOF): QEMU exited", closeRequested);
        } catch (IOException e) {
            boolean quiet = closeRequested || e instanceof SocketException
                    || e instanceof java.nio.channels.AsynchronousCloseException;
            if (!quiet) {
                LOG.warn("{}: monitor read failed", label, e);
            }
            shutdown("monitor failed: " + e.getMessage(), closeRequested);
        } catch (RuntimeException e) {
            LOG.error("{}: QMP reader died", label, e);
            shutdown("QMP reader failed: " + e, closeRequested);
        }
    }

    private void handleLine(String text) {
        if (text.isBlank()) {
            return;
        }
        Map<String, Object> msg;
        try {
            msg = Json.parseObject(text);
        } catch (JsonException e) {
            LOG.warn("{}: malformed QMP line ignored ({}): {}", label, e.getMessage(), text);
            return;
        }
        LOG.trace("{}: <- {}", label, text);
        if (msg.containsKey("event")) {
            QmpEvent ev = QmpEvent.of(msg);
            delivery.execute(() -> {
                try {
                    listener.onEvent(ev);
                } catch (RuntimeException e) {
                    LOG.warn("{}: event listener failed on {}", label, ev.name(), e);
                }
            });
        } else if (msg.containsKey("QMP")) {
            greeting.complete(msg);
        } else if (msg.containsKey("return") || msg.containsKey("error")) {
            Object id = msg.get("id");
            CompletableFuture<Object> f = id instanceof String s ? pending.remove(s) : null;
            if (f == null) {
                LOG.warn("{}: QMP reply for no pending command: {}", label, text);
                return;
            }
            if (msg.containsKey("error")) {
                Map<String, Object> err = Json.obj(msg.get("error"));
                f.completeExceptionally(new QmpException(String.valueOf(err.get("class")),
                        String.valueOf(err.get("desc")), null));
            } else {
                f.complete(msg.get("return"));
            }
        } else {
            LOG.warn("{}: unexpected QMP message: {}", label, text);
        }
    }

    private void shutdown(String reason, boolean requested) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeReason = reason;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: close", label, e);
        }
        greeting.completeExceptionally(new QmpException(QmpException.CLOSED, reason, null));
        List<CompletableFuture<Object>> fs = new ArrayList<>(pending.values());
        pending.clear();
        for (CompletableFuture<Object> f : fs) {
            f.completeExceptionally(new QmpException(QmpException.CLOSED, reason, null));
        }
        LOG.debug("{}: {}", label, reason);
        try {
            delivery.execute(() -> {
                try {
                    listener.onClose(requested);
                } catch (RuntimeException e) {
                    LOG.warn("{}: close listener failed", label, e);
                }
            });
        } finally {
            delivery.shutdown();
        }
    }
}
