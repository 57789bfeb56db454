package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.core.AtomicFiles;
import org.jvirt.driver.qemu.qmp.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capabilities of each QEMU binary, probed once and cached in memory and on disk
 * ({@code cache/capabilities/HASH.json}), keyed by the binary's path, size and mtime (and the cache
 * format), so that an upgraded QEMU is probed again. Thread-safe: one probe per binary at a time.
 */
final class CapsCache {
    private static final Logger LOG = LoggerFactory.getLogger(CapsCache.class);
    /** Bump when {@link QemuCaps}' JSON or the probe changes. */
    static final int FORMAT = 2;

    private record Entry(Map<String, Object> key, QemuCaps caps) {
    }

    private final Path dir;
    private final Path scratch;
    private final Map<String, Entry> memory = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    CapsCache(Path cacheDir, Path scratch) {
        this.dir = cacheDir.resolve("capabilities");
        this.scratch = scratch;
    }

    /**
     * The capabilities of a binary, probing it when no valid cache entry exists.
     *
     * @param binary the emulator
     * @return its capabilities
     * @throws VirtException when the binary is missing or the probe fails
     */
    QemuCaps get(Path binary) {
        Path abs = binary.toAbsolutePath().normalize();
        String path = abs.toString();
        synchronized (locks.computeIfAbsent(path, k -> new Object())) {
            Map<String, Object> key = key(abs);
            Entry e = memory.get(path);
            if (e != null && e.key().equals(key)) {
                return e.caps();
            }
            Path file = dir.resolve(QemuPaths.hash(path) + ".json");
            QemuCaps caps = load(file, key);
            if (caps == null) {
                caps = CapsProbe.probe(abs, scratch);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("key", key);
                doc.put("caps", caps.toJson());
                try {
                    AtomicFiles.writeString(file, Json.write(doc) + "\n");
                } catch (IOException ex) {
                    LOG.warn("cannot cache capabilities of {} in {}: {}", path, file, ex.toString());
                }
            }
            memory.put(path, new Entry(key, caps));
            return caps;
        }
    }

    /** Whether a valid on-disk entry exists for the binary (for tests). */
    boolean cachedOnDisk(Path binary) {
        Path abs = binary.toAbsolutePath().normalize();
        return load(dir.resolve(QemuPaths.hash(abs.toString()) + ".json"), key(abs)) != null;
    }

    /** Forgets the in-memory entries (the disk cache stays). */
    void clearMemory() {
        memory.clear();
    }

    private static Map<String, Object> key(Path binary) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(binary, BasicFileAttributes.class);
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Cannot find QEMU binary " + binary + ": " + e.getMessage());
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("binary", binary.toString());
        key.put("size", a.size());
        key.put("mtime", a.lastModifiedTime().toMillis());
        key.put("format", (long) FORMAT);
        return key;
    }

    private static QemuCaps load(Path file, Map<String, Object> key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Map<String, Object> doc = Json.parseObject(Files.readString(file));
            if (!key.equals(Json.obj(doc.get("key")))) {
                LOG.info("capabilities cache {} is stale for {}", file, key.get("binary"));
                return null;
            }
            return QemuCaps.fromJson(Json.obj(doc.get("caps")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable capabilities cache {}: {}", file, e.toString());
            return null;
        }
    }
}
