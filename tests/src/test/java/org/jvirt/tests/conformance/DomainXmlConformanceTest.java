package org.jvirt.tests.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code corpus/domain-xml}: {@code generic/} in→out in live (active) mode as libvirt's
 * genericxml2xmltest; {@code qemu/} out→out (the expectation parsed and formatted again must come
 * back unchanged) in the manifest's modes, {@code out-active.xml} replacing the expectation of the
 * active mode where present. Every output is also validated against {@code domain.rng}.
 */
class DomainXmlConformanceTest {
    static final String GENERIC = "domain-xml/generic";
    static final String QEMU = "domain-xml/qemu";

    @TestFactory
    Stream<DynamicTest> generic() {
        return Corpus.cases("domain-xml", "generic/", GENERIC).stream().flatMap(c -> {
            Path in = c.file("generic/" + c.id() + ".in.xml");
            Path out = c.file("generic/" + c.id() + ".out.xml");
            return RoundTrip.of(GENERIC, c.id(), out, "domain.rng", () -> Model.domain(Corpus.read(in), false));
        });
    }

    @TestFactory
    Stream<DynamicTest> qemu() {
        return Corpus.cases("domain-xml", "qemu/", QEMU).stream().flatMap(c -> {
            Path out = c.file("qemu/" + c.id() + ".out.xml");
            Path outActive = c.file("qemu/" + c.id() + ".out-active.xml");
            return Corpus.list(c.entry().get("modes")).stream().map(Object::toString).flatMap(mode -> {
                boolean inactive = mode.equals("inactive");
                Path expected = !inactive && Files.exists(outActive) ? outActive : out;
                return RoundTrip.of(QEMU, c.id() + "@" + mode, expected, "domain.rng",
                        () -> Model.domain(Corpus.read(expected), inactive));
            });
        });
    }

    @AfterAll
    static void report() {
        Conformance.report(GENERIC, "rng/" + GENERIC, QEMU, "rng/" + QEMU);
    }
}
