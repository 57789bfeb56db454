package org.jvirt.driver.qemu;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.driver.qemu.qmp.Json;
import org.jvirt.driver.qemu.qmp.QmpClient;
import org.jvirt.driver.qemu.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Save images ({@code virDomainSave}, managed save, restore) in libvirt's layout: a 92-byte header
 * ({@code virQEMUSaveHeader}: magic {@code LibvirtQemudSave}, version 2, XML length, was-running,
 * compression 0 = raw, cookie offset, 14 unused words; host byte order), the domain XML
 * (NUL-terminated, padded so the QEMU stream starts on a 4 KiB boundary), then QEMU's migration
 * stream. While the image is written its magic is {@code LibvirtQemudPart}, so an interrupted save
 * is never restored.
 *
 * <p>The stream moves over a unix socket the driver owns rather than an {@code exec:} command or a
 * passed file descriptor: {@code -sandbox spawn=deny} forbids QEMU to run commands, QEMU 7.2 has no
 * {@code file:} URI, and Java cannot pass descriptors over unix sockets. Save: the driver listens,
 * QEMU {@code migrate unix:SOCK}, the driver appends what it receives to the image. Restore: QEMU
 * {@code migrate-incoming unix:SOCK}, the driver connects and sends the stream from the image.
 */
final class SaveImage {
    private static final Logger LOG = LoggerFactory.getLogger(SaveImage.class);
    static final byte[] MAGIC = "LibvirtQemudSave".getBytes(StandardCharsets.US_ASCII);
    static final byte[] MAGIC_PARTIAL = "LibvirtQemudPart".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    static final int HEADER_SIZE = 92;
    private static final int ALIGN = 4096;
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(5);

    /** A parsed header. */
    record Header(int version, int dataLen, boolean wasRunning, int compressed, String xml, long streamOffset) {
    }

    private SaveImage() {
    }

    /** Writes header + XML with the partial magic; returns where the QEMU stream starts. */
    static long writeHeader(Path file, String xml, boolean wasRunning) throws IOException {
        byte[] x = xml.getBytes(StandardCharsets.UTF_8);
        int len = x.length + 1;
        int total = HEADER_SIZE + len;
        int pad = (ALIGN - total % ALIGN) % ALIGN;
        len += pad;
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + len).order(ByteOrder.nativeOrder());
        b.put(MAGIC_PARTIAL).putInt(VERSION).putInt(len).putInt(wasRunning ? 1 : 0).putInt(0).putInt(0);
        b.put(new byte[14 * 4]);
        b.put(x);
        b.flip();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
        return HEADER_SIZE + (long) len;
    }

    /**
     * Reads and checks a header.
     *
     * @throws VirtException {@link ErrorCode#OPERATION_FAILED} for a file that is not a complete save image
     */
    static Header read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.nativeOrder());
            while (h.hasRemaining() && ch.read(h) > 0) {
                // fill
            }
            if (h.hasRemaining()) {
                throw bad(file, "too short");
            }
            h.flip();
            byte[] magic = new byte[16];
            h.get(magic);
            if (Arrays.equals(magic, MAGIC_PARTIAL)) {
                throw bad(file, "save image is incomplete");
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw bad(file, "image magic is incorrect");
            }
            int version = h.getInt();
            int dataLen = h.getInt();
            boolean running = h.getInt() != 0;
            int compressed = h.getInt();
            if (version != VERSION) {
                throw bad(file, "image version is not supported (" + version + " > " + VERSION + ")");
            }
            if (compressed != 0) {
                throw bad(file, "compressed save images are not supported yet");
            }
            if (dataLen <= 0 || dataLen > 16 * 1024 * 1024) {
                throw bad(file, "invalid XML length " + dataLen);
            }
            ByteBuffer x = ByteBuffer.allocate(dataLen);
            while (x.hasRemaining() && ch.read(x) > 0) {
                // fill
            }
            byte[] raw = x.array();
            int end = 0;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            return new Header(version, dataLen, running, compressed, new String(raw, 0, end, StandardCharsets.UTF_8),
                    HEADER_SIZE + (long) dataLen);
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "cannot read save image " + file
                    + ": " + e.getMessage());
        }
    }

    private static VirtException bad(Path file, String why) {
        return VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, why + ": " + file);
    }

    /** Saves a running guest into {@code file} and stops it (shut off, reason saved). */
    static void save(QemuHost host, DomainObj obj, Path file) {
        obj.beginJob();
        MigrationJob job = null;
        boolean wasRunning = false;
        boolean ok = false;
        QmpClient mon = null;
        Path sockDir = null;
        ServerSocketChannel server = null;
        try {
            DomainDef live;
            synchronized (obj) {
                if (!obj.isActive() || obj.monitor == null) {
                    throw QemuHost.notRunning();
                }
                if (obj.migration != null) {
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "another migration job is already running for domain '" + obj.name + "'");
                }
                wasRunning = obj.reason.state() == DomainState.RUNNING;
                live = obj.liveDef;
                mon = obj.monitor;
                job = new MigrationJob(true, false);
                obj.migration = job;
            }
            String xml = DomainXml.format(live, EnumSet.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE));
            if (wasRunning) {
                synchronized (obj) {
                    obj.pendingPause = DomainStateReason.PAUSED_SAVE;
                }
                QemuHost.monitorCall(obj, mon, "stop", null);
                synchronized (obj) {
                    if (obj.isActive() && obj.reason.state() == DomainState.RUNNING) {
                        obj.reason = DomainStateReason.PAUSED_SAVE;
                        host.events.emit(obj, DomainEventType.SUSPENDED, QemuHost.SUSPENDED_PAUSED);
                    }
                    obj.pendingPause = null;
                }
            }
            long offset = writeHeader(file, xml, wasRunning);
            sockDir = Files.createTempDirectory("jvirt-save");
            Path sock = sockDir.resolve("s.sock");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(sock));
            CompletableFuture<Long> copied = receive(server, file, offset, obj.name);
            QemuCaps caps = host.caps.get(Path.of(live.devices().emulator()));
            QemuHost.setMigrationCapabilities(mon, plainCapabilities(caps));
            mon.execute("migrate-set-parameters", Map.of("max-bandwidth",
                    QemuMigration.BANDWIDTH_MAX_MIB * 1024 * 1024), QemuHost.CMD_TIMEOUT);
            mon.execute("migrate", Map.of("uri", "unix:" + sock), QemuHost.CMD_TIMEOUT);
            job.markStarted();
            String st = awaitFinal(obj, mon, job);
            if (!"completed".equals(st)) {
                throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "saving " + obj.name
                        + " failed: " + migrateError(mon));
            }
            long n = copied.get(STREAM_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(MAGIC), 0);
                ch.force(true);
            }
            ok = true;
            LOG.info("saved {} to {} ({} bytes of QEMU state)", obj.name, file, n);
            long gen;
            long pid;
            synchronized (obj) {
                obj.stopReason = DomainStateReason.SHUTOFF_SAVED;
                gen = obj.generation;
                pid = obj.pid;
            }
            QemuProcess.killByPid(pid, QemuHost.DESTROY_GRACE);
            host.processStopped(obj, gen, DomainStateReason.SHUTOFF_SAVED);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "saving " + obj.name + " to "
                    + file + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        } catch (QmpException e) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "saving " + obj.name + " failed: "
                    + e.getMessage());
        } finally {
            closeQuietly(server, sockDir);
            if (!ok && job != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("cannot remove partial save image {}: {}", file, e.toString());
                }
                if (wasRunning && mon != null && mon.isOpen()) {
                    resumeAfterFailure(host, obj, mon);
                }
            }
            synchronized (obj) {
                if (obj.migration == job) {
                    obj.migration = null;
                }
            }
            obj.endJob();
        }
    }

    private static void resumeAfterFailure(QemuHost host, DomainObj obj, QmpClient mon) {
        try {
            synchronized (obj) {
                obj.pendingResume = DomainStateReason.RUNNING_SAVE_CANCELED;
            }
            mon.execute("cont", null, QemuHost.CMD_TIMEOUT);
        } catch (QmpException e) {
            LOG.warn("{}: cannot resume after a failed save: {}", obj.name, e.getMessage());
        }
        host.writeStatusQuietly(obj);
    }

    /** The capabilities of a save or restore stream: events on, everything else that could interfere off. */
    static Map<String, Boolean> plainCapabilities(QemuCaps caps) {
        return QemuMigration.forSide(caps, Map.of("events", true));
    }

    private static CompletableFuture<Long> receive(ServerSocketChannel server, Path file, long offset, String name) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (SocketChannel c = server.accept();
                 FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                long pos = offset;
                ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
                while (c.read(b) >= 0) {
                    b.flip();
                    while (b.hasRemaining()) {
                        pos += out.write(b, pos);
                    }
                    b.clear();
                }
                out.force(true);
                done.complete(pos - offset);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "jvirt-save-" + name);
        t.setDaemon(true);
        t.start();
        return done;
    }

    private static String awaitFinal(DomainObj obj, QmpClient mon, MigrationJob job) throws InterruptedException {
        long end = System.nanoTime() + STREAM_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            String st = job.await(Set.of(), Duration.ofSeconds(1));
            if (MigrationJob.FINAL.contains(st)) {
                return st;
            }
            if (!mon.isOpen()) {
                return "failed";
            }
            job.update(Json.str(Json.obj(mon.execute("query-migrate", null, QemuHost.CMD_TIMEOUT)), "status"));
        }
        return job.status();
    }

    private static String migrateError(QmpClient mon) {
        try {
            Map<String, Object> q = Json.obj(mon.execute("query-migrate", null, QemuHost.CMD_TIMEOUT));
            String d = Json.str(q, "error-desc");
            return "status " + Json.str(q, "status") + (d != null ? ": " + d : "");
        } catch (QmpException e) {
            return e.getMessage();
        }
    }

    private static void closeQuietly(ServerSocketChannel server, Path dir) {
        try {
            if (server != null) {
                server.close();
            }
            if (dir != null) {
                Files.deleteIfExists(dir.resolve("s.sock"));
                Files.deleteIfExists(dir.resolve("r.sock"));
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            LOG.debug("cleanup of {}: {}", dir, e.toString());
        }
    }

    /**
     * Restores an image into {@code obj} (whose job the caller holds): QEMU starts waiting for the
     * stream, the driver sends it, then the guest runs (or stays paused).
     *
     * @param running {@code TRUE}/{@code FALSE} to override the image's was-running flag, or {@code null}
     */
    static void restoreInto(QemuHost host, DomainObj obj, Path file, Boolean running) {
        Header h = read(file);
        DomainDef def = host.prepare(h.xml());
        if (!def.uuid().equals(obj.uuid) || !def.name().equals(obj.name)) {
            throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "save image " + file
                    + " holds domain '" + def.name() + "' (" + def.uuid() + "), not '" + obj.name + "'");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("jvirt-restore");
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot create a temp dir: " + e);
        }
        Path sock = dir.resolve("r.sock");
        QemuCaps caps = host.caps.get(Path.of(def.devices().emulator()));
        host.launch(obj, def, true, new QemuHost.Incoming("unix:" + sock, plainCapabilities(caps),
                QemuHost.STARTED_RESTORED));
        boolean ok = false;
        try {
            QmpClient mon = host.requireRunningMonitor(obj);
            MigrationJob job;
            synchronized (obj) {
                job = obj.migration;
            }
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(sock));
                 FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long pos = h.streamOffset();
                long size = in.size();
                while (pos < size) {
                    pos += in.transferTo(pos, size - pos, c);
                }
            }
            String st = awaitFinal(obj, mon, job);
            if (!"completed".equals(st)) {
                throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "restoring " + obj.name
                        + " from " + file + " failed: " + migrateError(mon));
            }
            boolean run = running != null ? running : h.wasRunning();
            if (run) {
                synchronized (obj) {
                    obj.pendingResume = DomainStateReason.RUNNING_RESTORED;
                }
                QemuHost.monitorCall(obj, mon, "cont", null);
                synchronized (obj) {
                    if (obj.isActive() && obj.reason.state() == DomainState.PAUSED) {
                        obj.reason = DomainStateReason.RUNNING_RESTORED;
                        obj.pendingResume = null;
                        host.events.emit(obj, DomainEventType.RESUMED, QemuHost.RESUMED_UNPAUSED);
                    }
                }
            } else {
                synchronized (obj) {
                    obj.reason = DomainStateReason.PAUSED_USER;
                    host.events.emit(obj, DomainEventType.SUSPENDED, QemuHost.SUSPENDED_RESTORED);
                }
            }
            synchronized (obj) {
                obj.migration = null;
            }
            host.writeStatusQuietly(obj);
            ok = true;
            LOG.info("restored {} from {}", obj.name, file);
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "restoring " + obj.name + " from "
                    + file + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        } catch (QmpException e) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "restoring " + obj.name + " failed: "
                    + e.getMessage());
        } finally {
            closeQuietly(null, dir);
            if (!ok) {
                long gen;
                long pid;
                synchronized (obj) {
                    gen = obj.generation;
                    pid = obj.pid;
                    obj.stopReason = DomainStateReason.SHUTOFF_FAILED;
                }
                if (pid > 0) {
                    QemuProcess.killByPid(pid, Duration.ofSeconds(2));
                }
                host.processStopped(obj, gen, DomainStateReason.SHUTOFF_FAILED);
            }
        }
    }
}
