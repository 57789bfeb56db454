package org.jvirt.tests.bench.xml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.core.Virt;
import org.libvirt.LibvirtException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Domain XML parse+format throughput (documents per second) on the five largest domain documents of
 * the corpus and a small one, three ways in the same run:
 * <ul>
 * <li>{@code jvirtModel}: {@link DomainXml#parse} + {@link DomainXml#format} (secure), the model alone;</li>
 * <li>{@code jvirtTestDriver}: define + dumpxml + undefine on jvirt's {@code test:///default};</li>
 * <li>{@code libvirt}: {@code virDomainDefineXML} + {@code virDomainGetXMLDesc} + {@code virDomainUndefine}
 * on libvirt 9's own C test driver ({@code test:///default} in libvirt.so.0) through libvirt-java over JNA.</li>
 * </ul>
 * The documents are read from {@code ../shared/corpus/domain-xml} at set-up (found by walking up from
 * the working directory, or {@code -Djvirt.corpus=DIR}); nothing of the corpus is copied into the project.
 * Run: {@code bench/xml-bench.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class XmlBench {

    /** One document, by its corpus path below {@code domain-xml/}. */
    @State(Scope.Benchmark)
    public static class Doc {
        /** The five largest domain documents of the corpus, then a small one (530 bytes). */
        @Param({"qemu/disk-backing-chains-index.out.xml", "qemu/pseries-many-devices.out.xml",
            "qemu/user-aliases.out.xml", "qemu/aarch64-virt-graphics.out.xml", "qemu/virtio-options.out.xml",
            "generic/cpu-cache-passthrough.out.xml"})
        public String doc;

        String xml;
        String name;

        /** Reads the document. */
        @Setup(Level.Trial)
        public void read() {
            xml = XmlBench.read(corpus().resolve("domain-xml").resolve(doc));
            int a = xml.indexOf("<name>") + 6;
            name = xml.substring(a, xml.indexOf("</name>", a)).trim();
        }
    }

    /** jvirt's {@code test:///default}. */
    @State(Scope.Benchmark)
    public static class JvirtConn {
        Connect conn;

        /** Opens it. */
        @Setup(Level.Trial)
        public void open() {
            conn = Virt.open("test:///default");
        }

        /** Closes it. */
        @TearDown(Level.Trial)
        public void close() {
            conn.close();
        }
    }

    /** libvirt's {@code test:///default} through libvirt-java. */
    @State(Scope.Benchmark)
    public static class LibvirtConn {
        org.libvirt.Connect conn;

        /**
         * Opens it.
         *
         * @throws LibvirtException if libvirt fails
         */
        @Setup(Level.Trial)
        public void open() throws LibvirtException {
            conn = new org.libvirt.Connect("test:///default");
        }

        /**
         * Closes it.
         *
         * @throws LibvirtException if libvirt fails
         */
        @TearDown(Level.Trial)
        public void close() throws LibvirtException {
            conn.close();
        }
    }

    private static final EnumSet<DomainXmlFlag> SECURE = EnumSet.of(DomainXmlFlag.SECURE);

    /**
     * The model alone: parse and format.
     *
     * @param d the document
     * @return the formatted XML
     */
    @Benchmark
    public String jvirtModel(Doc d) {
        DomainDef def = DomainXml.parse(d.xml);
        return DomainXml.format(def, SECURE);
    }

    /**
     * Define, dumpxml and undefine on jvirt's test driver.
     *
     * @param d the document
     * @param c the connection
     * @return the XML
     */
    @Benchmark
    public String jvirtTestDriver(Doc d, JvirtConn c) {
        Domain dom = c.conn.defineDomain(d.xml);
        String x = dom.getXMLDesc();
        dom.undefine();
        return x;
    }

    /**
     * Define, XMLDesc and undefine on libvirt's C test driver.
     *
     * @param d the document
     * @param c the connection
     * @return the XML
     * @throws LibvirtException if libvirt fails
     */
    @Benchmark
    public String libvirt(Doc d, LibvirtConn c) throws LibvirtException {
        org.libvirt.Domain dom = c.conn.domainDefineXML(d.xml);
        String x = dom.getXMLDesc(0);
        dom.undefine();
        dom.free();
        return x;
    }

    static Path corpus() {
        String p = System.getProperty("jvirt.corpus", System.getenv("JVIRT_CORPUS"));
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("shared").resolve("corpus");
            if (Files.isDirectory(c.resolve("domain-xml"))) {
                return c;
            }
        }
        throw new IllegalStateException("corpus not found: set -Djvirt.corpus=DIR");
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
