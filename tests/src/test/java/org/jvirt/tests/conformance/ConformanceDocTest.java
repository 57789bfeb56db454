package org.jvirt.tests.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/conformance.md} in step with {@code known-failures.txt}: the part between the
 * {@code known-failures} markers is generated from the list. With {@code -Djvirt.conformance.update=true}
 * the test rewrites that part instead of failing.
 */
class ConformanceDocTest {
    static final String BEGIN = "<!-- known-failures:begin (generated from tests/src/test/resources/"
            + Conformance.KNOWN_FAILURES + " by ConformanceDocTest) -->";
    static final String END = "<!-- known-failures:end -->";

    static String generate(Map<String, String> known) {
        Map<String, Map<String, String>> bySet = new TreeMap<>();
        for (Map.Entry<String, String> e : known.entrySet()) {
            String key = e.getKey();
            String set = setOf(key);
            bySet.computeIfAbsent(set, k -> new LinkedHashMap<>()).put(key.substring(set.length() + 1), e.getValue());
        }
        StringBuilder b = new StringBuilder(BEGIN).append("\n");
        if (bySet.isEmpty()) {
            b.append("\nNo known failures.\n");
        }
        for (Map.Entry<String, Map<String, String>> s : bySet.entrySet()) {
            b.append("\n### ").append(s.getKey()).append(" (").append(s.getValue().size()).append(")\n\n");
            b.append("| case | reason |\n|---|---|\n");
            for (Map.Entry<String, String> c : s.getValue().entrySet()) {
                b.append("| `").append(c.getKey()).append("` | ").append(c.getValue().replace("|", "\\|")).append(" |\n");
            }
        }
        return b.append("\n").append(END).toString();
    }

    /** The set part of a key: known set names are matched longest first. */
    static String setOf(String key) {
        String[] sets = {"rng/domain-xml/generic", "rng/domain-xml/qemu", "rng/storage/pools", "rng/storage/volumes",
            "rng/network", "domain-xml/generic", "domain-xml/qemu", "storage/pools", "storage/volumes",
            "network/invalid", "network", "invalid/libvirt-generic", "invalid/libvirt-schema",
            "invalid/libvirt-qemu-parse", "invalid/crafted", "product", "qemu-argv/derived", "qemu-argv/invalid", "qemu-argv/libvirt-tests-seed",
            "qemu-argv", "domain-xml/qemu-defaults"};
        for (String s : sets) {
            if (key.startsWith(s + "/")) {
                return s;
            }
        }
        int slash = key.lastIndexOf('/');
        return slash > 0 ? key.substring(0, slash) : key;
    }

    @Test
    void docsListTheKnownFailures() throws IOException {
        Path root = Path.of(System.getProperty("jvirt.root", "..")).toAbsolutePath().normalize();
        Path doc = root.resolve("docs").resolve("conformance.md");
        Assertions.assertTrue(Files.exists(doc), doc + " is missing");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int b = text.indexOf("<!-- known-failures:begin");
        int e = text.indexOf(END);
        Assertions.assertTrue(b >= 0 && e > b, doc + " lacks the known-failures markers");
        String want = generate(Conformance.known());
        String have = text.substring(b, e + END.length());
        if (!want.equals(have)) {
            if (Boolean.getBoolean("jvirt.conformance.update")) {
                Files.writeString(doc, text.substring(0, b) + want + text.substring(e + END.length()),
                        StandardCharsets.UTF_8);
                return;
            }
            Assertions.fail("docs/conformance.md is out of date with " + Conformance.KNOWN_FAILURES
                    + "; run the tests once with -Djvirt.conformance.update=true");
        }
    }
}
