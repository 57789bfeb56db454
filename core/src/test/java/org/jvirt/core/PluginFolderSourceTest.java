package org.jvirt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.core.internal.ContextClassLoaderProxy;
import org.jvirt.core.internal.PluginFolderSource;

/** Plugins from real jars built here with javac, loaded by pf4j from a folder. */
class PluginFolderSourceTest {
    @TempDir
    Path tmp;

    /** A driver whose every object is a plugin-side proxy that fails when the TCCL is not the plugin's loader. */
    private static final String PROBE_DRIVER = """
            package probe;
            import java.util.Set;
            import org.jvirt.api.Connect;
            import org.jvirt.core.DriverExtension;
            import org.jvirt.spi.*;
            @org.pf4j.Extension
            public class ProbeDriver implements DriverExtension {
                public DriverDescriptor descriptor() {
                    check("descriptor");
                    return new DriverDescriptor("probe", Set.of("probe"), "1", DriverDescriptor.Locality.LOCAL, 0);
                }
                public OpenResult open(OpenRequest r) {
                    check("open");
                    return OpenResult.accepted((Connect) Probe.make(Connect.class));
                }
                static void check(String what) {
                    ClassLoader tccl = Thread.currentThread().getContextClassLoader();
                    if (tccl != ProbeDriver.class.getClassLoader()) {
                        throw new IllegalStateException("TCCL in " + what + " is " + tccl);
                    }
                }
            }
            """;

    private static final String PROBE = """
            package probe;
            import java.lang.reflect.*;
            import java.util.*;
            public class Probe implements InvocationHandler {
                private final Class<?> iface;
                Probe(Class<?> iface) { this.iface = iface; }
                public static Object make(Class<?> iface) {
                    return Proxy.newProxyInstance(Probe.class.getClassLoader(), new Class<?>[] {iface}, new Probe(iface));
                }
                public Object invoke(Object proxy, Method m, Object[] args) {
                    ProbeDriver.check(iface.getSimpleName() + "." + m.getName());
                    if (m.getDeclaringClass() == Object.class) {
                        switch (m.getName()) {
                            case "equals": return proxy == args[0];
                            case "hashCode": return System.identityHashCode(proxy);
                            default: return "probe " + iface.getSimpleName();
                        }
                    }
                    if (m.getName().equals("getName")) {
                        return String.valueOf(Thread.currentThread().getContextClassLoader() == Probe.class.getClassLoader());
                    }
                    return value(m.getGenericReturnType());
                }
                static Object value(Type t) {
                    Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : t instanceof Class<?> c ? c : null;
                    Type arg = t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
                    if (raw == null || raw == void.class) return null;
                    if (raw == boolean.class) return false;
                    if (raw == int.class) return 0;
                    if (raw == long.class) return 0L;
                    if (raw == double.class) return 0.0;
                    if (raw == String.class) return "probe";
                    if (raw == UUID.class) return new UUID(0, 0);
                    if (raw == List.class) { Object v = value(arg); return v == null ? List.of() : List.of(v); }
                    if (raw == Optional.class) return Optional.ofNullable(value(arg));
                    if (raw.isInterface() && raw.getPackageName().equals("org.jvirt.api")) return make(raw);
                    if (raw.isEnum()) return raw.getEnumConstants()[0];
                    return null;
                }
            }
            """;

    private Path pluginDir() {
        return tmp.resolve("plugins");
    }

    private DriverManager manager(Path plugins) {
        return new DriverManager(List.of(DriverSource.pluginFolder(plugins)), Environment.of(
                Map.of("XDG_CONFIG_HOME", tmp.resolve("none").toString()), Map.of(), false));
    }

    private Path buildProbe(String requires) throws Exception {
        return new TestJars().source("probe.ProbeDriver", PROBE_DRIVER).source("probe.Probe", PROBE)
                .plugin("probe-plugin", requires, "probe.ProbeDriver").build(pluginDir().resolve("probe.jar"));
    }

    @Test
    void pluginDriverIsFoundWithOriginAndJar() throws Exception {
        Path jar = buildProbe(">=0.1.0");
        DriverManager m = manager(pluginDir());
        assertEquals(1, m.drivers().size());
        InstalledDriver d = m.drivers().get(0);
        assertEquals("probe", d.descriptor().name());
        assertEquals(InstalledDriver.Origin.PLUGIN, d.origin());
        assertEquals(jar.toString(), d.location());
    }

    @Test
    void pluginClassesLiveInTheirOwnLoaderAndShareOnlyTheSpi() throws Exception {
        buildProbe(null);
        DriverSource.Found f = DriverSource.pluginFolder(pluginDir()).discover().get(0);
        ClassLoader pluginLoader = f.driver().getClass().getClassLoader();
        assertNotSame(Connect.class.getClassLoader(), pluginLoader);
        assertSame(f.contextLoader(), pluginLoader);
        assertSame(Connect.class, pluginLoader.loadClass("org.jvirt.api.Connect"), "the API is shared");
        assertSame(DriverManager.class, pluginLoader.loadClass("org.jvirt.core.DriverManager"), "core is shared");
        // A host class outside the shared packages (JUnit here, another driver in a distribution) is invisible.
        assertThrows(ClassNotFoundException.class, () -> pluginLoader.loadClass(Test.class.getName()));
        assertThrows(ClassNotFoundException.class, () -> pluginLoader.loadClass(PluginFolderSourceTest.class.getName()
                .replace("org.jvirt.core.", "org.jvirt.coretest.")));
    }

    @Test
    void everyCallIntoAPluginObjectRunsWithThePluginLoaderAsTccl() throws Exception {
        buildProbe(null);
        DriverManager m = manager(pluginDir());
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Connect conn = m.open("probe:///", null, false);
        assertTrue(ContextClassLoaderProxy.isWrapper(conn));
        List<String> failures = new ArrayList<>();
        Set<Class<?>> visited = new HashSet<>();
        int calls = exercise(conn, Connect.class, failures, visited, 0);
        assertEquals(List.of(), failures);
        assertTrue(calls > 60, "exercised " + calls + " methods");
        assertTrue(visited.contains(Domain.class) && visited.contains(org.jvirt.api.StoragePool.class)
                && visited.contains(org.jvirt.api.StorageVol.class) && visited.contains(org.jvirt.api.Network.class)
                && visited.contains(org.jvirt.api.DomainSnapshot.class), "visited " + visited);
        assertSame(before, Thread.currentThread().getContextClassLoader(), "the TCCL is restored");
        // The plugin observes its own loader as TCCL (Probe answers getName with that check).
        assertEquals("true", conn.listAllDomains().get(0).getName());
        assertEquals("true", conn.lookupDomainByName("x").getName());
    }

    /** Calls every method of an API interface on a wrapped object, and recursively on what it returns. */
    private static int exercise(Object target, Class<?> iface, List<String> failures, Set<Class<?>> visited, int depth) {
        if (!visited.add(iface) || depth > 3) {
            return 0;
        }
        int calls = 0;
        for (Method method : iface.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Object[] args = new Object[method.getParameterCount()];
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = defaultArg(types[i]);
            }
            calls++;
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                failures.add(iface.getSimpleName() + "." + method.getName() + ": " + e.getCause());
                continue;
            } catch (ReflectiveOperationException e) {
                failures.add(iface.getSimpleName() + "." + method.getName() + ": " + e);
                continue;
            }
            for (Object element : elements(result)) {
                if (element != null && element.getClass().getInterfaces().length > 0
                        && apiInterface(method.getGenericReturnType()) != null) {
                    Class<?> api = apiInterface(method.getGenericReturnType());
                    if (!ContextClassLoaderProxy.isWrapper(element)) {
                        failures.add(iface.getSimpleName() + "." + method.getName() + " returned an unwrapped "
                                + api.getSimpleName());
                    } else {
                        calls += exercise(element, api, failures, visited, depth + 1);
                    }
                }
            }
        }
        return calls;
    }

    private static Collection<?> elements(Object result) {
        if (result instanceof Collection<?> c) {
            return c;
        }
        if (result instanceof Optional<?> o) {
            return o.map(List::of).orElse(List.of());
        }
        return result == null ? List.of() : List.of(result);
    }

    private static Class<?> apiInterface(Type t) {
        Type inner = t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : t;
        if (inner instanceof Class<?> c && c.isInterface() && c.getPackageName().equals("org.jvirt.api")) {
            return c;
        }
        return null;
    }

    private static Object defaultArg(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Class.class) {
            return Connect.class;
        }
        if (type == UUID.class) {
            return new UUID(0, 0);
        }
        return null;
    }

    @Test
    void wrappersAreEqualWhenTheirTargetsAre() throws Exception {
        buildProbe(null);
        Connect conn = manager(pluginDir()).open("probe:///", null, false);
        assertEquals(conn, conn);
        assertEquals(conn.hashCode(), conn.hashCode());
        assertEquals("probe Connect", conn.toString());
        assertSame(conn, conn.unwrap(Connect.class), "unwrap to an API type gives the wrapper back");
        Domain d = conn.listAllDomains().get(0);
        assertFalse(d.equals(conn));
        assertTrue(ContextClassLoaderProxy.isWrapper(d.getConnect()));
    }

    @Test
    void brokenPluginsAreLoggedWithTheirJarAndDoNotHideGoodOnes() throws Exception {
        buildProbe(null);
        // An extension index naming a class that does not exist.
        new TestJars().plugin("missing-class", null, "nowhere.MissingDriver").build(pluginDir().resolve("missing.jar"));
        // A driver whose constructor throws.
        new TestJars().source("bad.ThrowingDriver", """
                package bad;
                import org.jvirt.spi.*;
                public class ThrowingDriver implements org.jvirt.core.DriverExtension {
                    public ThrowingDriver() { throw new IllegalStateException("constructor exploded"); }
                    public DriverDescriptor descriptor() { return null; }
                    public OpenResult open(OpenRequest r) { return null; }
                }
                """).plugin("throwing", null, "bad.ThrowingDriver").build(pluginDir().resolve("throwing.jar"));
        // A plugin that needs a newer jvirt.
        new TestJars().source("probe.ProbeDriver", PROBE_DRIVER).source("probe.Probe", PROBE)
                .plugin("future", ">=99.0.0", "probe.ProbeDriver").build(pluginDir().resolve("future.jar"));
        // Not a plugin at all: no Plugin-Id.
        new TestJars().file("readme.txt", "hello").build(pluginDir().resolve("not-a-plugin.jar"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        List<InstalledDriver> drivers;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            drivers = manager(pluginDir()).drivers();
        } finally {
            System.setErr(saved);
        }
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("probe"), drivers.stream().map(d -> d.descriptor().name()).toList(), log);
        assertTrue(log.contains("nowhere.MissingDriver") && log.contains("missing.jar"), log);
        assertTrue(log.contains("bad.ThrowingDriver") && log.contains("throwing.jar"), log);
        assertTrue(log.contains("future"), log);
        assertTrue(log.contains("not-a-plugin.jar"), log);
    }

    @Test
    void missingOrEmptyFolderYieldsNoDrivers() throws Exception {
        assertEquals(List.of(), DriverSource.pluginFolder(tmp.resolve("absent")).discover());
        java.nio.file.Files.createDirectories(tmp.resolve("empty"));
        java.nio.file.Files.writeString(tmp.resolve("empty/.keep"), "");
        assertEquals(List.of(), DriverSource.pluginFolder(tmp.resolve("empty")).discover());
    }

    @Test
    void closeStopsPlugins() throws Exception {
        buildProbe(null);
        PluginFolderSource source = new PluginFolderSource(pluginDir());
        assertEquals(1, source.discover().size());
        source.close();
        assertEquals(pluginDir(), source.folder());
    }
}
