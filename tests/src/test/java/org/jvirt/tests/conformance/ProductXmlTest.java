package org.jvirt.tests.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Through the product: {@code jvirsh -c test:///default 'define F; dumpxml --inactive NAME'} (and
 * {@code pool-define}/{@code pool-dumpxml}, {@code net-define}/{@code net-dumpxml}) prints exactly
 * what real {@code virsh -c test:///default} prints for the same corpus file. jvirsh runs from the
 * built distribution ({@code cli/target/jvirt/lib}) as a user runs it; real virsh from
 * {@code /usr/bin/virsh}. Skipped when either is missing. (libvirt's test driver refuses
 * {@code --inactive} for pools and networks, so those dump the live XML.) Set {@code product}.
 */
class ProductXmlTest {
    static final String SET = "product";

    record Doc(String kind, String file) {
    }

    static final List<Doc> DOCS = List.of(
            new Doc("domain", "domain-xml/generic/perf.in.xml"),
            new Doc("domain", "domain-xml/generic/cpu-cache-passthrough.in.xml"),
            new Doc("domain", "domain-xml/generic/tseg.in.xml"),
            new Doc("pool", "storage/pools/pool-dir.in.xml"),
            new Doc("pool", "storage/pools/pool-fs.in.xml"),
            new Doc("network", "network/isolated-network.in.xml"),
            new Doc("network", "network/routed-network.in.xml"),
            new Doc("network", "network/netboot-network.in.xml"));

    @TestFactory
    Stream<DynamicTest> jvirshAsVirsh() {
        Path corpus = Corpus.root();
        Path virsh = Path.of("/usr/bin/virsh");
        Path lib = Path.of(System.getProperty("jvirt.dist", "../cli/target/jvirt")).resolve("lib");
        Assumptions.assumeTrue(Files.isExecutable(virsh), "real virsh is not installed");
        Assumptions.assumeTrue(Files.isDirectory(lib), "the jvirsh distribution is not built (" + lib + ")");
        return DOCS.stream().filter(d -> Files.exists(corpus.resolve(d.file()))).map(d -> {
            String name = d.file().substring(d.file().lastIndexOf('/') + 1).replace(".in.xml", "");
            return Conformance.test(SET, d.kind() + "/" + name, () -> {
                Path file = corpus.resolve(d.file());
                String cmds = commands(d.kind(), file.toString(), nameOf(Corpus.read(file)));
                Result real = run(List.of(virsh.toString(), "-c", "test:///default", cmds));
                List<String> j = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-p", lib.toString(),
                        "--add-modules", "ALL-MODULE-PATH", "-m", "org.jvirt.cli/org.jvirt.cli.Jvirsh",
                        "-c", "test:///default", cmds));
                Result ours = run(j);
                Assertions.assertEquals(0, real.exit, "real virsh failed: " + real.err);
                Assertions.assertEquals(real.exit, ours.exit, "jvirsh exit status; stderr: " + ours.err.strip());
                Compare.sameText(real.out, ours.out, "jvirsh " + cmds);
            });
        });
    }

    static String commands(String kind, String file, String name) {
        return switch (kind) {
            case "domain" -> "define " + file + "; dumpxml --inactive " + name;
            case "pool" -> "pool-define " + file + "; pool-dumpxml " + name;
            default -> "net-define " + file + "; net-dumpxml " + name;
        };
    }

    static String nameOf(String xml) {
        Matcher m = Pattern.compile("<name>\\s*([^<]*?)\\s*</name>").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().remove("JVIRT_DEFAULT_URI");
        Path err = Files.createTempFile("product-xml", ".err");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @AfterAll
    static void report() {
        Conformance.report(SET);
    }
}
