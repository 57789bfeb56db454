package org.jvirt.tests.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * Bookkeeping shared by the conformance tests: the known-failures list
 * ({@code conformance/known-failures.txt}: {@code SET/CASE  reason} per line), pass counts per set,
 * and the rule that an unlisted failure fails the build and so does a listed case that passes.
 *
 * <p>A listed failure is reported as skipped ("aborted") with its reason. Cases absent from this copy
 * of the corpus are never run, so their entries are neither stale nor failing.
 *
 * <p>{@code -Djvirt.conformance.record=FILE} appends every unlisted failure to FILE in the list's
 * format, with the first line of its message as the reason (a starting point for the list).
 * {@code -Djvirt.conformance.prune=true} removes stale entries from the source list instead of failing
 * (then regenerate docs/conformance.md with {@code -Djvirt.conformance.update=true}).
 */
final class Conformance {
    static final String KNOWN_FAILURES = "conformance/known-failures.txt";

    private static final Map<String, String> KNOWN = load();
    private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();

    private Conformance() {
    }

    /** Pass counts of one set. */
    static final class Tally {
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger passed = new AtomicInteger();
        final AtomicInteger known = new AtomicInteger();
    }

    /** The known-failures list, in file order. */
    static Map<String, String> known() {
        return Collections.unmodifiableMap(KNOWN);
    }

    private static Map<String, String> load() {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = Conformance.class.getClassLoader().getResourceAsStream(KNOWN_FAILURES)) {
            if (in == null) {
                return m;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] kv = l.split("\\s+", 2);
                m.put(kv[0], kv.length > 1 ? kv[1].strip() : "(no reason given)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /**
     * A dynamic test for one case.
     *
     * @param set the set name, e.g. {@code domain-xml/generic}
     * @param name the case name within the set (with a {@code @mode} suffix where a case runs in several modes)
     * @param body the check; throws on failure
     */
    static DynamicTest test(String set, String name, Executable body) {
        String key = set + "/" + name;
        Tally t = TALLIES.computeIfAbsent(set, k -> new Tally());
        return DynamicTest.dynamicTest(name, () -> {
            Throwable failure = null;
            try {
                body.execute();
            } catch (TestAbortedException e) {
                throw e;
            } catch (Throwable e) {
                failure = e;
            }
            t.total.incrementAndGet();
            String reason = KNOWN.get(key);
            if (failure == null) {
                t.passed.incrementAndGet();
                if (reason != null && Boolean.getBoolean("jvirt.conformance.prune")) {
                    prune(key);
                } else if (reason != null) {
                    Assertions.fail("stale entry in " + KNOWN_FAILURES + ": " + key
                            + " passes now; remove it (and its line in docs/conformance.md)");
                }
                return;
            }
            if (reason != null) {
                t.known.incrementAndGet();
                Assumptions.abort("known failure (" + reason + "): " + firstLine(failure));
            }
            record(key, failure);
            if (failure instanceof Error err) {
                throw err;
            }
            throw new AssertionError(key + ": " + failure, failure);
        });
    }

    /** Prints and returns {@code set: P/N passed} for each named set that ran. */
    static void report(String... sets) {
        for (String s : sets) {
            Tally t = TALLIES.get(s);
            if (t == null || t.total.get() == 0) {
                System.out.println(s + ": no cases run");
                continue;
            }
            System.out.println(s + ": " + t.passed.get() + "/" + t.total.get() + " passed"
                    + (t.known.get() > 0 ? " (" + t.known.get() + " listed as known failures)" : ""));
        }
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    private static synchronized void prune(String key) {
        Path list = Path.of(System.getProperty("jvirt.root", "..")).resolve("tests/src/test/resources")
                .resolve(KNOWN_FAILURES);
        try {
            java.util.List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
            lines.removeIf(l -> l.startsWith(key + " ") || l.startsWith(key + "\t") || l.equals(key));
            Files.write(list, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void record(String key, Throwable failure) {
        String file = System.getProperty("jvirt.conformance.record");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), key + "  " + firstLine(failure).replace('\t', ' ') + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
