package org.jvirt.tests.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.core.DriverManager;
import org.jvirt.core.Environment;
import org.jvirt.core.InstalledDriver;

/** The example plugin as built by the reactor ({@code plugins/example/target/*.jar}), loaded from a plugin folder. */
class ExamplePluginTest {
    @TempDir
    Path tmp;

    static Path exampleJar() {
        Path jar = Path.of(System.getProperty("jvirt.example.plugin.jar",
                "../plugins/example/target/jvirt-plugin-example-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(jar), "build plugins/example first: " + jar);
        return jar;
    }

    private Path pluginFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(exampleJar(), dir.resolve(exampleJar().getFileName()));
        return dir;
    }

    private DriverManager manager(Path plugins) {
        return DriverManager.standard(Environment.of(Map.of("XDG_CONFIG_HOME", tmp.resolve("cfg").toString()),
                Map.of("jvirt.plugin.dir", plugins.toString()), false));
    }

    @Test
    void demoDriverIsDiscoveredBesideTheModulePathDrivers() throws IOException {
        Path plugins = pluginFolder();
        List<InstalledDriver> drivers = manager(plugins).drivers();
        InstalledDriver demo = drivers.stream().filter(d -> d.descriptor().name().equals("demo")).findFirst()
                .orElseThrow(() -> new AssertionError("no demo driver in " + drivers));
        assertEquals(InstalledDriver.Origin.PLUGIN, demo.origin());
        assertEquals(plugins.resolve(exampleJar().getFileName()).toString(), demo.location());
        InstalledDriver test = drivers.stream().filter(d -> d.descriptor().schemes().contains("test")).findFirst()
                .orElseThrow(() -> new AssertionError("no test driver in " + drivers));
        assertEquals(InstalledDriver.Origin.MODULE_PATH, test.origin());
        assertTrue(drivers.indexOf(test) < drivers.indexOf(demo), "module path before plugins at equal priority");
    }

    @Test
    void openDemoListsItsDomains() throws IOException {
        try (Connect conn = manager(pluginFolder()).open("demo:///", null, false)) {
            assertEquals("DEMO", conn.getType());
            assertEquals(List.of("demo-web", "demo-db"), conn.listAllDomains().stream().map(Domain::getName).toList());
            Domain web = conn.lookupDomainByName("demo-web");
            assertTrue(web.isActive());
            assertEquals(conn.getType(), web.getConnect().getType());
            VirtException e = assertThrows(VirtException.class, () -> conn.defineDomain("<domain/>"));
            assertEquals(ErrorCode.NO_SUPPORT, e.code());
        }
    }

    @Test
    void pluginCallsRunWithThePluginLoaderAsContextClassLoader() throws Exception {
        Connect conn = manager(pluginFolder()).open("demo:///", null, false);
        Class<?> features = Arrays.stream(conn.getClass().getInterfaces())
                .filter(i -> i.getName().equals("org.jvirt.plugin.example.DemoFeatures")).findFirst()
                .orElseThrow(() -> new AssertionError("the wrapper lost the plugin's own interface"));
        assertNotSame(getClass().getClassLoader(), features.getClassLoader(), "DemoFeatures comes from the plugin");
        Method check = features.getMethod("contextClassLoaderIsPlugin");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        assertEquals(Boolean.TRUE, check.invoke(conn));
        assertEquals(Boolean.TRUE, check.invoke(conn.unwrap(features)));
        assertEquals(before, Thread.currentThread().getContextClassLoader(), "restored after the call");
    }

    @Test
    void pluginClassesAreNotVisibleToTheHost() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.jvirt.plugin.example.DemoDriver"));
    }

    @Test
    void withoutThePluginDemoIsNoConnect() {
        VirtException e = assertThrows(VirtException.class,
                () -> manager(tmp.resolve("empty")).open("demo:///", null, false));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertTrue(e.getMessage().contains("no installed driver handles scheme 'demo'"), e.getMessage());
    }

    @Test
    void virtOpenFindsThePluginInAFreshJvmOnTheClassPath() throws Exception {
        Path plugins = pluginFolder();
        List<String> cp = new ArrayList<>();
        for (String prop : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(prop);
            if (v != null && !v.isEmpty()) {
                cp.add(v);
            }
        }
        cp.add(Path.of(OpenDemoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, cp),
                "-Djvirt.plugin.dir=" + plugins, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                OpenDemoMain.class.getName(), "demo:///")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("driver demo PLUGIN"), out);
        assertTrue(out.contains("domain demo-web true"), out);
        assertTrue(out.contains("domain demo-db false"), out);
    }
}
