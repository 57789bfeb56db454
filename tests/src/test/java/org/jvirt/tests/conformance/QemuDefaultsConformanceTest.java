package org.jvirt.tests.conformance;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.core.Virt;

/**
 * Define-time defaults of the QEMU driver: {@code corpus/domain-xml/qemu/NAME.in.xml} defined through
 * {@code qemu:///embed} and dumped inactive ({@code dumpxml --inactive --security-info}) must give
 * {@code NAME.out.xml}: implicit controllers, default models, PCI and drive addresses, the default
 * balloon, as far as this machine's QEMU 7.2 allows. Versioned machine types are mapped back to
 * their alias family on both sides (the README's cross-host rule: libvirt's test capabilities keep
 * {@code pc} or resolve to QEMU 8.0's names, a real QEMU 7.2 resolves to {@code pc-i440fx-7.2}).
 * Needs QEMU (see {@link QemuArgvConformanceTest#requireQemu()}).
 */
class QemuDefaultsConformanceTest {
    static final String SET = "domain-xml/qemu-defaults";
    private static final Pattern MACHINE = Pattern.compile("machine='pc-(i440fx|q35)-[0-9.]+'");
    private static Connect conn;

    @BeforeAll
    static void open() {
        if (Corpus.available() && java.nio.file.Files.isExecutable(QemuArgvConformanceTest.QEMU)) {
            conn = Virt.open("qemu:///embed?root=" + Path.of("target", "qemu-embed-defaults").toAbsolutePath());
        }
    }

    @AfterAll
    static void close() throws Exception {
        Conformance.report(SET);
        if (conn != null) {
            conn.close();
        }
    }

    static String machineAlias(String xml) {
        return MACHINE.matcher(xml).replaceAll(m -> "machine='" + (m.group(1).equals("i440fx") ? "pc" : "q35") + "'");
    }

    @TestFactory
    Stream<DynamicTest> defaults() {
        return Corpus.cases("domain-xml", "qemu/", SET).stream().map(c -> Conformance.test(SET, c.id(), () -> {
            QemuArgvConformanceTest.requireQemu();
            String in = Corpus.read(c.file("qemu/" + c.id() + ".in.xml"));
            String expected = Corpus.read(c.file("qemu/" + c.id() + ".out.xml"));
            Domain d = conn.defineDomain(in);
            String actual;
            try {
                actual = d.getXMLDesc(EnumSet.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE));
            } finally {
                d.undefine();
            }
            Compare.sameText(machineAlias(expected), machineAlias(actual), c.id());
        }));
    }
}
