package org.jvirt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ServiceLoader discovery of class-path drivers from a real jar with META-INF/services. */
class ServiceLoaderSourceTest {
    @TempDir
    Path tmp;

    private static String driver(String pkg, String cls, String name, String ctorBody) {
        return """
                package %s;
                import java.util.Set;
                import org.jvirt.spi.*;
                public class %s implements Driver {
                    public %s() { %s }
                    public DriverDescriptor descriptor() {
                        return new DriverDescriptor("%s", Set.of("%s"), "1", DriverDescriptor.Locality.LOCAL, 0);
                    }
                    public OpenResult open(OpenRequest r) { return OpenResult.declined("test"); }
                }
                """.formatted(pkg, cls, cls, ctorBody, name, name);
    }

    @Test
    void classPathDriversAreFoundAndBrokenOnesLoggedWithTheirJar() throws Exception {
        Path jar = new TestJars()
                .source("cp.GoodDriver", driver("cp", "GoodDriver", "good", ""))
                .source("cp.ThrowingDriver", driver("cp", "ThrowingDriver", "throwing",
                        "throw new IllegalStateException(\"ctor boom\");"))
                .file("META-INF/services/org.jvirt.spi.Driver",
                        "# providers\ncp.GoodDriver\ncp.MissingDriver\ncp.ThrowingDriver\n")
                .build(tmp.resolve("cp-drivers.jar"));
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        List<DriverSource.Found> found;
        try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            t.setContextClassLoader(cl);
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            found = DriverSource.serviceLoader().discover();
        } finally {
            t.setContextClassLoader(saved);
            System.setErr(savedErr);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        List<DriverSource.Found> good = found.stream()
                .filter(f -> f.driver().descriptor().name().equals("good")).toList();
        assertEquals(1, good.size(), log);
        assertEquals(InstalledDriver.Origin.CLASS_PATH, good.get(0).origin());
        assertEquals(jar.toString(), good.get(0).location());
        assertNull(good.get(0).contextLoader(), "class-path drivers need no context class loader switch");
        assertTrue(found.stream().noneMatch(f -> f.driver().descriptor().name().equals("throwing")));
        assertTrue(log.contains("cp.MissingDriver") && log.contains("cp-drivers.jar"), log);
        assertTrue(log.contains("cp.ThrowingDriver") && log.contains("cp-drivers.jar") && log.contains("ctor boom"),
                log);
    }
}
