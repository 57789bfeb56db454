package org.jvirt.tests.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.jvirt.api.Connect;
import org.jvirt.core.Virt;
import org.jvirt.driver.qemu.QemuArgv;

/**
 * {@code corpus/qemu-argv} (and {@code derived/}): for each case with {@code NAME.qemu-7.2.args} (what
 * libvirt 9.0 generated with this machine's QEMU 7.2), the QEMU driver's domxml-to-native argv must
 * equal it under the README's rules ({@link Argv}). Capabilities come from probing the real emulators
 * (cached under {@code target/qemu-caps}); no guest runs. Needs QEMU: missing QEMU fails under
 * {@code CI}, else skips.
 */
class QemuArgvConformanceTest {
    static final String SET = "qemu-argv";
    static final String DERIVED = "qemu-argv/derived";
    static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    /** The state directory of a system daemon, so that paths derived from it read as libvirt's. */
    static final Path STATE = Path.of("/var/lib/libvirt/qemu");

    static Path cacheDir() {
        return Path.of("target", "qemu-caps").toAbsolutePath();
    }

    static void requireQemu() {
        if (!Files.isExecutable(QEMU)) {
            if (System.getenv("CI") != null) {
                Assertions.fail("QEMU not installed (" + QEMU + ") and CI is set");
            }
            Assumptions.abort("QEMU not installed (" + QEMU + ")");
        }
    }

    /** The argv jvirt builds for a domain XML file (the pure entry point, as domxml-to-native). */
    static List<String> build(Path xml) {
        return QemuArgv.build(Corpus.read(xml), cacheDir(), STATE);
    }

    static DynamicTest check(String set, Corpus.Case c, String sub) {
        return Conformance.test(set, c.id(), () -> {
            requireQemu();
            Path xml = c.file(sub + c.id() + ".xml");
            List<String> expected = Argv.lines(Corpus.read(c.file(sub + c.id() + ".qemu-7.2.args")));
            Argv.same(expected, build(xml), set + "/" + c.id());
        });
    }

    @TestFactory
    Stream<DynamicTest> qemu72() {
        return Corpus.cases("qemu-argv", "", SET).stream()
                .filter(c -> c.fileEnding(".qemu-7.2.args") != null)
                .map(c -> check(SET, c, ""));
    }

    @TestFactory
    Stream<DynamicTest> derived() {
        return Corpus.cases("qemu-argv", "manifest-derived.json", "", DERIVED).stream()
                .map(c -> check(DERIVED, c, "derived/"));
    }

    static final String SEED = "qemu-argv/libvirt-tests-seed";

    /**
     * The seed features against libvirt's own expectations where these were made with real QEMU
     * capabilities (JSON syntax): only what does not depend on capabilities or on the host is compared,
     * the memory backends, memory devices, NUMA nodes, {@code -m}, {@code -mem-prealloc} and NVMe
     * storage layers, in order (libvirt's tests mock hugetlbfs mounts and host NUMA nodes).
     */
    @TestFactory
    Stream<DynamicTest> seedFeaturesAgainstLibvirtTests() {
        return Corpus.cases("qemu-argv", "", SEED).stream()
                .filter(c -> Boolean.TRUE.equals(c.entry().get("seed_feature")))
                .filter(c -> c.fileEnding(".libvirt-tests.args") != null)
                .filter(c -> {
                    Object lt = c.entry().get("libvirt_tests");
                    return lt instanceof java.util.Map<?, ?> m && String.valueOf(m.get("caps")).startsWith("real")
                            && "x86_64".equals(String.valueOf(m.get("arch")));
                })
                .map(c -> Conformance.test(SEED, c.id(), () -> {
                    requireQemu();
                    List<String> expected = seedSubset(Argv.shell(Corpus.read(c.fileEnding(".libvirt-tests.args"))));
                    List<String> actual = seedSubset(build(c.file(c.id() + ".xml")));
                    Argv.same(expected, actual, SEED + "/" + c.id());
                }));
    }

    /** The seed-feature arguments of a command line, emulator first (for {@link Argv#same}). */
    static List<String> seedSubset(List<String> argv) {
        List<String> out = new java.util.ArrayList<>();
        out.add(argv.get(0));
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            String v = i + 1 < argv.size() ? argv.get(i + 1) : "";
            boolean keep = switch (a) {
                case "-object" -> v.contains("\"qom-type\":\"memory-backend");
                case "-device" -> v.matches(".*\"driver\":\"(pc-dimm|nvdimm|virtio-mem-pci|virtio-pmem-pci)\".*");
                case "-blockdev" -> v.contains("\"driver\":\"nvme\"");
                case "-numa", "-m" -> true;
                default -> false;
            };
            if (a.equals("-mem-prealloc")) {
                out.add(a);
            } else if (keep) {
                out.add(a);
                out.add(v);
                i++;
            }
        }
        return out;
    }

    /** The product path: {@code Connect.domainXmlToNative("qemu-argv", xml)} prints the same command. */
    @Test
    void throughTheConnection() throws Exception {
        requireQemu();
        Path xml = Corpus.root().resolve("qemu-argv/balloon-device.xml");
        Assumptions.assumeTrue(Files.exists(xml), "case held back");
        Path root = Path.of("target", "qemu-embed-argv").toAbsolutePath();
        try (Connect conn = Virt.open("qemu:///embed?root=" + root)) {
            String line = conn.domainXmlToNative("qemu-argv", Corpus.read(xml));
            Assertions.assertTrue(line.startsWith("LC_ALL=C "), line);
            List<String> argv = Argv.shell(line);
            Argv.same(build(xml), argv, "domxml-to-native");
            Assertions.assertThrows(org.jvirt.api.VirtException.class,
                    () -> conn.domainXmlToNative("xen-xl", Corpus.read(xml)));
        }
    }

    /**
     * Through the product: {@code jvirsh -c qemu:///embed?root=... domxml-to-native qemu-argv FILE} prints
     * the seed features' command lines as libvirt did (the jvirsh distribution must be built).
     */
    @Test
    void jvirshDomxmlToNative() throws Exception {
        requireQemu();
        Path lib = Path.of(System.getProperty("jvirt.dist", "../cli/target/jvirt")).resolve("lib");
        Assumptions.assumeTrue(Files.isDirectory(lib), "the jvirsh distribution is not built (" + lib + ")");
        Path root = Path.of("target", "qemu-embed-jvirsh").toAbsolutePath();
        for (String c : List.of("derived/memory-hotplug-virtio-mem-prealloc", "derived/disk-nvme-noencryption",
                "balloon-device-period")) {
            Path xml = Corpus.root().resolve("qemu-argv/" + c + ".xml");
            if (!Files.exists(xml)) {
                continue;
            }
            ProductXmlTest.Result r = ProductXmlTest.run(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-p", lib.toString(),
                    "--add-modules", "ALL-MODULE-PATH", "-m", "org.jvirt.cli/org.jvirt.cli.Jvirsh",
                    "-c", "qemu:///embed?root=" + root, "domxml-to-native", "qemu-argv", xml.toString()));
            Assertions.assertEquals(0, r.exit(), "jvirsh failed: " + r.err());
            List<String> expected = Argv.lines(Corpus.read(Corpus.root().resolve("qemu-argv/" + c + ".qemu-7.2.args")));
            Argv.same(expected, Argv.shell(r.out()), "jvirsh domxml-to-native " + c);
        }
    }

    @AfterAll
    static void report() {
        Conformance.report(SET, DERIVED, SEED);
    }
}
