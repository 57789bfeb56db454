package org.jvirt.tests.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin story end to end: copy the built distribution ({@code cli/target/jvirt}), drop the
 * example plugin jar into its {@code plugins/} folder, and run it. Nothing names the plugin folder:
 * core finds it beside the {@code lib/} folder its own jar sits in.
 */
class DistributionPluginTest {
    @TempDir
    Path tmp;

    private Path dist;

    @BeforeEach
    void installDistributionWithPlugin() throws IOException {
        Path built = Path.of(System.getProperty("jvirt.dist", "../cli/target/jvirt"));
        // The reactor packages cli before this module runs, so a missing distribution is a build bug.
        assertTrue(Files.isDirectory(built.resolve("lib")),
                "no distribution at " + built.toAbsolutePath() + ": 'mvn verify' packages cli before tests");
        dist = tmp.resolve("jvirt");
        Files.createDirectories(dist.resolve("lib"));
        Files.createDirectories(dist.resolve("plugins"));
        try (Stream<Path> jars = Files.list(built.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                Files.copy(jar, dist.resolve("lib").resolve(jar.getFileName()));
            }
        }
        Path plugin = ExamplePluginTest.exampleJar();
        Files.copy(plugin, dist.resolve("plugins").resolve(plugin.getFileName()));
    }

    private Result run(List<String> javaArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.addAll(javaArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JVIRT_PLUGIN_DIR");
        pb.environment().remove("JVIRT_DEFAULT_URI");
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("cfg").toString());
        pb.environment().put("JVIRT_CONFIG", tmp.resolve("cfg/none.conf").toString());
        Path errFile = Files.createTempFile(tmp, "stderr", ".txt");
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out");
        return new Result(p.exitValue(), out, Files.readString(errFile));
    }

    private record Result(int exit, String out, String err) {
    }

    @Test
    void coreFindsThePluginsFolderBesideLib() throws Exception {
        Path testClasses = Path.of(OpenDemoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Result r = run(List.of("-p", dist.resolve("lib").toString(), "--add-modules", "ALL-MODULE-PATH",
                "-cp", testClasses.toString(), OpenDemoMain.class.getName(), "demo:///"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("driver demo PLUGIN"), r.out());
        assertTrue(r.out().contains("domain demo-web true"), r.out());
    }

    @Test
    void jvirshListsTheDemoDomains() throws Exception {
        Result r = run(List.of("-p", dist.resolve("lib").toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.jvirt.cli/org.jvirt.cli.Jvirsh", "-c", "demo:///", "list", "--all"));
        assertEquals(0, r.exit(), r.out() + r.err());
        // virsh's table:  " 1    demo-web   running" and " -    demo-db    shut off"
        assertTrue(Pattern.compile("(?m)^\\s*1\\s+demo-web\\s+running\\s*$").matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("(?m)^\\s*-\\s+demo-db\\s+shut off\\s*$").matcher(r.out()).find(), r.out());
    }
}
