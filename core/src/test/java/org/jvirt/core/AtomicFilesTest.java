package org.jvirt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writesCreatesParentsAndReplaces() throws IOException {
        Path f = tmp.resolve("a/b/c.xml");
        AtomicFiles.writeString(f, "one");
        assertEquals("one", Files.readString(f));
        AtomicFiles.writeString(f, "two\u00e9");
        assertEquals("two\u00e9", Files.readString(f));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(List.of(f), s.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void failureLeavesTheOldContent() throws IOException {
        Path f = tmp.resolve("x.xml");
        AtomicFiles.writeString(f, "old");
        // a directory in the way of the rename makes the move fail
        Path blocked = tmp.resolve("dir");
        Files.createDirectories(blocked.resolve("child"));
        assertThrows(IOException.class, () -> AtomicFiles.writeString(blocked, "new"));
        assertEquals("old", Files.readString(f));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count(), "temporary file removed after a failure");
        }
    }

    @Test
    void concurrentWritersNeverTearTheFile() throws Exception {
        Path f = tmp.resolve("c.txt");
        List<Thread> ts = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            String content = String.valueOf((char) ('a' + i)).repeat(10_000);
            Thread t = new Thread(() -> {
                try {
                    for (int r = 0; r < 20; r++) {
                        AtomicFiles.writeString(f, content);
                        String read = Files.readString(f);
                        if (read.length() != 10_000 || read.chars().distinct().count() != 1) {
                            errors.add(new AssertionError("torn read"));
                        }
                    }
                } catch (IOException e) {
                    errors.add(e);
                }
            });
            ts.add(t);
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(List.of(), errors);
    }
}
