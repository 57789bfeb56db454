package org.jvirt.tests.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared libvirt corpus ({@code ../shared/corpus} beside the repository) and reads its
 * manifests. Absent corpus: the tests fail when the environment variable {@code CI} is set, else they
 * are skipped. {@code -Djvirt.corpus=DIR} or {@code JVIRT_CORPUS=DIR} point elsewhere.
 */
final class Corpus {
    private static final Path ROOT = locate();

    private Corpus() {
    }

    /** One manifest entry. */
    record Case(String set, String id, Path dir, Map<String, Object> entry) {
        /** A file of the case, by its name relative to the set folder. */
        Path file(String name) {
            return dir.resolve(name);
        }

        /** The case's files with the given suffix that exist in this copy of the corpus. */
        Path fileEnding(String suffix) {
            for (Object f : list(entry.get("files"))) {
                if (f.toString().endsWith(suffix)) {
                    Path p = dir.resolve(f.toString());
                    return Files.exists(p) ? p : null;
                }
            }
            return null;
        }

        /** A string field of the entry, or {@code null}. */
        String str(String key) {
            Object v = entry.get(key);
            return v == null ? null : v.toString();
        }

        /** Whether all of the case's files are present (a quarter of the corpus is held back). */
        boolean present() {
            for (Object f : list(entry.get("files"))) {
                if (!Files.exists(dir.resolve(f.toString()))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Path locate() {
        String explicit = System.getProperty("jvirt.corpus", System.getenv("JVIRT_CORPUS"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String start = System.getProperty("jvirt.root", System.getProperty("user.dir"));
        for (Path p = Path.of(start).toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared").resolve("corpus");
            if (Files.isRegularFile(c.resolve("README.md"))) {
                return c;
            }
        }
        return null;
    }

    /** The corpus folder; fails under CI, else skips, when it is missing. */
    static Path root() {
        if (ROOT == null) {
            if (System.getenv("CI") != null) {
                Assertions.fail("corpus ../shared/corpus not found (CI is set, so this is a failure)");
            }
            Assumptions.abort("corpus ../shared/corpus not found; skipping conformance tests");
        }
        return ROOT;
    }

    /** Whether the corpus is there (no failing or skipping). */
    static boolean available() {
        return ROOT != null;
    }

    /**
     * The cases of a manifest whose id starts with {@code prefix} (empty for all) and whose files exist.
     *
     * @param manifestDir folder of {@code manifest.json}, relative to the corpus root
     * @param prefix id prefix, e.g. {@code generic/}
     * @param setName the name reported and used in the known-failures list
     */
    static List<Case> cases(String manifestDir, String prefix, String setName) {
        return cases(manifestDir, "manifest.json", prefix, setName);
    }

    /** As {@link #cases(String, String, String)} for a manifest of another name, e.g. {@code manifest-invalid.json}. */
    static List<Case> cases(String manifestDir, String manifest, String prefix, String setName) {
        Path dir = root().resolve(manifestDir);
        Map<String, Object> m = map(Json.parse(read(dir.resolve(manifest))));
        List<Case> out = new ArrayList<>();
        for (Object o : list(m.get("cases"))) {
            Map<String, Object> e = map(o);
            String id = e.get("id").toString();
            if (!id.startsWith(prefix)) {
                continue;
            }
            Case c = new Case(setName, id.substring(prefix.length()), dir, e);
            if (c.present()) {
                out.add(c);
            }
        }
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
