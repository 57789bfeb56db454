package org.jvirt.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file replacement, a shared building block for drivers that keep state on disk
 * (persistent domain configs, status files, caches): the content goes to a temporary file in the
 * same directory, is forced to disk, then renamed over the target in one atomic step, and the
 * directory is forced too. A reader therefore sees either the old or the new content, never a
 * torn file, even if the JVM or the machine dies half-way (libvirt's {@code virFileRewrite}).
 *
 * <p>Thread-safe: concurrent writers of the same target each use their own temporary file; the
 * last rename wins.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Atomically replaces {@code target} with {@code text} encoded as UTF-8, creating parent
     * directories as needed.
     *
     * @param target the file to write
     * @param text its new content
     * @throws IOException if writing, syncing or renaming fails (the target is then untouched)
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Atomically replaces {@code target} with {@code bytes}, creating parent directories as needed.
     *
     * @param target the file to write
     * @param bytes its new content
     * @throws IOException if writing, syncing or renaming fails (the target is then untouched)
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + abs.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + abs + " atomically", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Forces a directory's entries to disk, so a rename survives a crash; best effort. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot open or sync directories; the rename is still atomic
        }
    }
}
