package org.jvirt.tests.conformance;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/** Two dynamic tests per round trip: the exact-text comparison, then RELAX NG validation of what jvirt formatted. */
final class RoundTrip {
    private RoundTrip() {
    }

    /**
     * @param set the set name (the schema check is reported as {@code rng/SET})
     * @param name the case name (with its mode suffix)
     * @param expected the expected output file
     * @param schema the schema file name for the validation, e.g. {@code domain.rng}
     * @param produce parses and formats; returns jvirt's output
     */
    static Stream<DynamicTest> of(String set, String name, Path expected, String schema, Callable<String> produce) {
        AtomicReference<String> out = new AtomicReference<>();
        DynamicTest compare = Conformance.test(set, name, () -> {
            String actual = produce.call();
            out.set(actual);
            Compare.sameText(Corpus.read(expected), actual, name);
        });
        DynamicTest valid = Conformance.test("rng/" + set, name, () -> {
            String actual = out.get();
            Assumptions.assumeTrue(actual != null, "nothing formatted (the round trip failed before formatting)");
            Rng.check(schema, actual);
        });
        return Stream.of(compare, valid);
    }
}
