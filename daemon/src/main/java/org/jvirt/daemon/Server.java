package org.jvirt.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon: listening sockets ({@code libvirt-sock}, {@code libvirt-sock-ro}, TCP, TLS), one
 * reader thread per client, a pool of {@code max_workers} worker threads that run the calls,
 * {@code max_clients} (when full the daemon stops accepting, as libvirtd does, so new connections
 * wait in the kernel's backlog), and the keepalive ticker. Thread-safe.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** Stack size of a client's reader thread: it only frames packets. */
    private static final long READER_STACK = 256 * 1024;

    /**
     * A listening socket's properties.
     *
     * @param name for logs
     * @param auth {@code none} or {@code polkit}
     * @param readOnly whether clients coming in here are read-only
     */
    record Listener(String name, String auth, boolean readOnly) {
    }

    private final DaemonConfig config;
    private final boolean listen;
    private final Dispatcher dispatcher;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService ticker;
    private final Semaphore slots;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> sockets = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private Path rwSocket;
    private Path roSocket;
    private int tcpPort = -1;
    private int tlsPort = -1;

    /**
     * A daemon with this configuration; nothing listens before {@link #start}.
     *
     * @param config the configuration
     * @param listen whether TCP/TLS listeners are allowed ({@code --listen})
     */
    public Server(DaemonConfig config, boolean listen) {
        this.config = config;
        this.listen = listen;
        this.dispatcher = new Dispatcher();
        this.workers = new ThreadPoolExecutor(config.maxWorkers(), config.maxWorkers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("jvirtd-worker"));
        this.ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(daemonThreads("jvirtd-keepalive"));
        this.slots = new Semaphore(config.maxClients());
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Opens every configured listener and starts serving.
     *
     * @throws VirtException {@link ErrorCode#SYSTEM_ERROR} if a socket cannot be opened
     */
    public synchronized void start() {
        try {
            Files.createDirectories(config.unixSockDir());
            rwSocket = config.unixSockDir().resolve("libvirt-sock");
            roSocket = config.unixSockDir().resolve("libvirt-sock-ro");
            unix(rwSocket, config.unixSockRwPerms(), new Listener("unix-rw", config.authUnixRw(), false));
            unix(roSocket, config.unixSockRoPerms(), new Listener("unix-ro", config.authUnixRo(), true));
            if (listen && config.listenTcp()) {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(address(config.tcpPort()), 50);
                tcpPort = ss.getLocalPort();
                sockets.add(ss);
                acceptTcp(ss, new Listener("tcp", config.authTcp(), false), null);
            }
            if (listen && config.listenTls()) {
                ServerTls.Setup tls = ServerTls.context(config);
                // A plain socket: the TLS layer goes on per client, so that a refused client can be
                // closed without a close_notify, as libvirtd closes it.
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(address(config.tlsPort()), 50);
                tlsPort = ss.getLocalPort();
                sockets.add(ss);
                acceptTcp(ss, new Listener("tls", config.authTls(), false), tls);
            }
        } catch (IOException e) {
            close();
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Failed to start jvirtd's listeners: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (config.keepaliveInterval() > 0) {
            ticker.scheduleWithFixedDelay(this::keepaliveTick, 1, 1, TimeUnit.SECONDS);
        }
    }

    private InetSocketAddress address(int port) throws IOException {
        String a = config.listenAddr();
        return a == null || a.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(a), port);
    }

    private void unix(Path path, String perms, Listener l) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(path), 50);
        Files.setPosixFilePermissions(path, posix(DaemonConfig.parsePerms(perms, l.name())));
        sockets.add(() -> {
            ch.close();
            Files.deleteIfExists(path);
        });
        Thread t = new Thread(() -> {
            while (!closing) {
                try {
                    SocketChannel c = ch.accept();
                    admit(new Conn.Unix(c), l);
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    if (!closing) {
                        LOG.warn("{}: accept failed: {}", l.name(), e.toString());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "jvirtd-accept-" + l.name());
        t.setDaemon(true);
        acceptors.add(t);
        t.start();
    }

    private void acceptTcp(ServerSocket ss, Listener l, ServerTls.Setup tls) {
        Thread t = new Thread(() -> {
            while (!closing) {
                try {
                    Socket s = ss.accept();
                    if (tls != null) {
                        // The handshake and the 0x01 byte happen on the client's own thread.
                        slots.acquire();
                        startReader(() -> tlsHandshake(s, tls, l), "jvirtd-tls");
                    } else {
                        admit(new Conn.Sock(s), l);
                    }
                } catch (IOException e) {
                    if (closing) {
                        return;
                    }
                    LOG.warn("{}: accept failed: {}", l.name(), e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "jvirtd-accept-" + l.name());
        t.setDaemon(true);
        acceptors.add(t);
        t.start();
    }

    private void tlsHandshake(Socket raw, ServerTls.Setup tls, Listener l) {
        try {
            raw.setTcpNoDelay(true);
            SSLSocket s = (SSLSocket) tls.ctx().getSocketFactory().createSocket(raw, null, raw.getPort(), true);
            s.setUseClientMode(false);
            s.setWantClientAuth(true);
            // TLS 1.2: the JDK's TLS 1.3 server sends a NewSessionTicket after the handshake, and
            // libvirt's client, reading the confirmation byte from a non-blocking socket, takes the
            // ticket's arrival for data and fails with EAGAIN ("Unable to read TLS confirmation:
            // Resource temporarily unavailable"). gnutls' server does not trip it.
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setSoTimeout(10_000);
            s.startHandshake();
            ServerTls.verify(s.getSession(), tls.clients(), config.tlsAllowedDnList());
            s.getOutputStream().write(1); // libvirt's "certificate accepted" byte
            s.getOutputStream().flush();
            s.setSoTimeout(0);
            Client c = new Client(this, new Conn.Sock(s), l, ids.incrementAndGet());
            clients.add(c);
            if (closing) {
                c.close();
                return;
            }
            c.run();
        } catch (IOException | RuntimeException e) {
            LOG.warn("tls: refused {}: {}", raw.getRemoteSocketAddress(), e.getMessage());
            try {
                raw.close(); // no close_notify: the client reads an I/O error, as from libvirtd
            } catch (IOException ignored) {
                // already gone
            }
            slots.release();
        }
    }

    /** Waits for a client slot (max_clients), then starts the client's reader. */
    private void admit(Conn conn, Listener l) throws InterruptedException {
        if (!slots.tryAcquire()) {
            LOG.info("{}: {} clients, waiting for one to leave before accepting more", l.name(), config.maxClients());
            slots.acquire();
        }
        if (closing) {
            conn.close();
            slots.release();
            return;
        }
        Client c = new Client(this, conn, l, ids.incrementAndGet());
        clients.add(c);
        startReader(c, "jvirtd-client-" + c.id);
    }

    private void startReader(Runnable r, String name) {
        Thread t = new Thread(null, r, name, READER_STACK);
        t.setDaemon(true);
        t.start();
    }

    /** Called by a client once it is closed. */
    void removed(Client c) {
        if (clients.remove(c)) {
            slots.release();
        }
    }

    private void keepaliveTick() {
        long now = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(config.keepaliveInterval());
        for (Client c : clients) {
            if (!c.keepaliveOn || c.isClosed()) {
                continue;
            }
            long silent = now - c.lastRx;
            if (silent >= interval * (c.pingsOut + 1L)) {
                if (c.pingsOut >= config.keepaliveCount()) {
                    LOG.info("client {}: no answer to {} keepalive PINGs, closing", c.id, c.pingsOut);
                    c.close();
                } else {
                    c.ping();
                }
            }
        }
    }

    DaemonConfig config() {
        return config;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    ExecutorService workers() {
        return workers;
    }

    /** The read-write UNIX socket's path. */
    public Path rwSocket() {
        return rwSocket;
    }

    /** The read-only UNIX socket's path. */
    public Path roSocket() {
        return roSocket;
    }

    /** The TCP port listened on, or -1. */
    public int tcpPort() {
        return tcpPort;
    }

    /** The TLS port listened on, or -1. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The number of connected clients. */
    public int clientCount() {
        return clients.size();
    }

    /** Blocks until {@link #close} has run. */
    public void await() throws InterruptedException {
        stopped.await();
    }

    /** Stops listening, drops every client and removes the socket files. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        for (AutoCloseable s : sockets) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing listener: {}", e.toString());
            }
        }
        for (Client c : List.copyOf(clients)) {
            c.close();
        }
        ticker.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        stopped.countDown();
    }

    private static Set<PosixFilePermission> posix(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }
}
