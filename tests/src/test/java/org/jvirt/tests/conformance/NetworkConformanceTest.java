package org.jvirt.tests.conformance;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code corpus/network}: in→out as networkxml2xmltest ({@code format_flags} =
 * {@code VIR_NETWORK_XML_INACTIVE} formats inactive config), validated against {@code network.rng};
 * {@code network/invalid} must be refused (see {@link InvalidConformanceTest}).
 */
class NetworkConformanceTest {
    static final String NETWORK = "network";

    @TestFactory
    Stream<DynamicTest> network() {
        return Corpus.cases("network", "", NETWORK).stream()
                .filter(c -> "ok".equals(c.str("kind")))
                .flatMap(c -> {
                    Path in = c.file(c.id() + ".in.xml");
                    boolean inactive = "VIR_NETWORK_XML_INACTIVE".equals(c.str("format_flags"));
                    return RoundTrip.of(NETWORK, c.id(), c.file(c.id() + ".out.xml"), "network.rng",
                            () -> Model.network(Corpus.read(in), inactive));
                });
    }

    @AfterAll
    static void report() {
        Conformance.report(NETWORK, "rng/" + NETWORK);
    }
}
