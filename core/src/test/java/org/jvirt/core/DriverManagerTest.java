package org.jvirt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.core.InstalledDriver.Origin;
import org.jvirt.spi.Driver;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenResult;

class DriverManagerTest {
    @TempDir
    Path tmp;

    private Environment env(Map<String, String> vars) {
        Map<String, String> all = new HashMap<>(vars);
        all.putIfAbsent("XDG_CONFIG_HOME", tmp.resolve("no-config").toString());
        return Environment.of(all, Map.of(), false);
    }

    private DriverManager manager(Map<String, String> vars, DriverSource... sources) {
        return new DriverManager(List.of(sources), env(vars));
    }

    private static DriverSource modules(Driver... drivers) {
        return DriverSource.of(Origin.MODULE_PATH, "mods", drivers);
    }

    private static String typeOf(Connect c) {
        return c.getType();
    }

    // ---- default URI ----

    @Test
    void defaultUriPrefersJvirtThenLibvirtThenConfigThenTest() throws IOException {
        assertEquals("test:///default", manager(Map.of()).defaultUri());
        Path conf = tmp.resolve("c.conf");
        Files.writeString(conf, "uri_default = \"qemu:///session\"\n");
        assertEquals("qemu:///session", manager(Map.of("JVIRT_CONFIG", conf.toString())).defaultUri());
        assertEquals("xen:///system", manager(Map.of("JVIRT_CONFIG", conf.toString(),
                "LIBVIRT_DEFAULT_URI", "xen:///system")).defaultUri());
        assertEquals("lxc:///system", manager(Map.of("JVIRT_CONFIG", conf.toString(),
                "LIBVIRT_DEFAULT_URI", "xen:///system", "JVIRT_DEFAULT_URI", "lxc:///system")).defaultUri());
        assertEquals("xen:///system", manager(Map.of("JVIRT_DEFAULT_URI", "",
                "LIBVIRT_DEFAULT_URI", "xen:///system")).defaultUri(), "an empty variable counts as unset");
    }

    @Test
    void nullAndEmptyUriOpenTheDefault() {
        FixedDriver test = FixedDriver.accepting("Test", 0, "test");
        DriverManager m = manager(Map.of(), modules(test));
        assertEquals("test:///default", m.open(null, null, false).getURI());
        assertEquals("test:///default", m.open("", null, true).getURI());
        assertTrue(m.open(null, null, true).isReadOnly());
    }

    @Test
    void aliasesApplyToGivenAndDefaultUris() throws IOException {
        Path conf = tmp.resolve("c.conf");
        Files.writeString(conf, """
                uri_default = "mine"
                uri_aliases = [ "mine=test:///tmp/node.xml", "other=demo:///" ]
                """);
        FixedDriver test = FixedDriver.accepting("Test", 0, "test");
        FixedDriver demo = FixedDriver.accepting("demo", 0, "demo");
        DriverManager m = manager(Map.of("JVIRT_CONFIG", conf.toString()), modules(test, demo));
        assertEquals("test:///tmp/node.xml", m.open(null, null, false).getURI());
        assertEquals("demo:///", m.open("other", null, false).getURI());
        assertEquals("test:///default", m.open("test:///default", null, false).getURI());
        assertEquals("test:///tmp/node.xml", m.resolve("mine"));
    }

    @Test
    void badConfigFileFailsTheOpen() throws IOException {
        Path conf = tmp.resolve("c.conf");
        Files.writeString(conf, "uri_aliases = [ \"x y=test:///default\" ]\n");
        DriverManager m = manager(Map.of("JVIRT_CONFIG", conf.toString()), modules(FixedDriver.accepting("T", 0, "test")));
        VirtException e = assertThrows(VirtException.class, () -> m.open("test:///default", null, false));
        assertEquals(ErrorCode.CONF_SYNTAX, e.code());
    }

    // ---- selection ----

    @Test
    void higherPriorityIsAskedFirst() {
        FixedDriver low = FixedDriver.accepting("low", 0, "x");
        FixedDriver high = FixedDriver.accepting("high", 10, "x");
        DriverManager m = manager(Map.of(), modules(low, high));
        assertEquals("high", typeOf(m.open("x:///", null, false)));
        assertEquals(0, low.opens.get());
    }

    @Test
    void orderIsPriorityThenOriginThenName() {
        DriverSource plugin = DriverSource.of(Origin.PLUGIN, "p.jar", FixedDriver.accepting("a-plugin", 0, "x"),
                FixedDriver.accepting("z-plugin-high", 5, "x"));
        DriverSource cp = DriverSource.of(Origin.CLASS_PATH, "cp.jar", FixedDriver.accepting("b-cp", 0, "x"));
        DriverSource mods = modules(FixedDriver.accepting("Zeta", 0, "x"), FixedDriver.accepting("alpha", 0, "x"));
        DriverManager m = manager(Map.of(), plugin, cp, mods);
        List<String> names = m.drivers().stream().map(d -> d.descriptor().name()).toList();
        assertEquals(List.of("z-plugin-high", "alpha", "Zeta", "b-cp", "a-plugin"), names);
        assertEquals(List.of(Origin.PLUGIN, Origin.MODULE_PATH, Origin.MODULE_PATH, Origin.CLASS_PATH, Origin.PLUGIN),
                m.drivers().stream().map(InstalledDriver::origin).toList());
        assertEquals("p.jar", m.drivers().get(0).location());
        assertEquals("z-plugin-high", typeOf(m.open("x:///", null, false)));
    }

    @Test
    void declinedGoesToTheNextDriver() {
        FixedDriver first = new FixedDriver("first", 5, DriverDescriptor.Locality.LOCAL,
                r -> OpenResult.declined("not my path"), "x");
        FixedDriver second = FixedDriver.accepting("second", 0, "x");
        DriverManager m = manager(Map.of(), modules(first, second));
        assertEquals("second", typeOf(m.open("x:///whatever", null, false)));
        assertEquals(1, first.opens.get());
    }

    @Test
    void anErrorStopsTheSearch() {
        FixedDriver failing = new FixedDriver("failing", 5, DriverDescriptor.Locality.LOCAL, r -> {
            throw VirtException.of(ErrorCode.AUTH_FAILED, ErrorDomain.NONE, "wrong password");
        }, "x");
        FixedDriver next = FixedDriver.accepting("next", 0, "x");
        DriverManager m = manager(Map.of(), modules(failing, next));
        VirtException e = assertThrows(VirtException.class, () -> m.open("x:///", null, false));
        assertEquals(ErrorCode.AUTH_FAILED, e.code());
        assertEquals(0, next.opens.get(), "the search stops at the first error");
    }

    @Test
    void aDriverBugIsAnInternalErrorNamingTheDriver() {
        FixedDriver buggy = new FixedDriver("buggy", 0, DriverDescriptor.Locality.LOCAL, r -> {
            throw new IllegalStateException("boom");
        }, "x");
        VirtException e = assertThrows(VirtException.class, () -> manager(Map.of(), modules(buggy)).open("x:///", null, false));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("driver 'buggy'") && e.getMessage().contains("boom"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void driversOnlySeeUrisTheyAdmit() {
        FixedDriver qemu = FixedDriver.accepting("QEMU", 0, "qemu");
        FixedDriver remote = new FixedDriver("remote", 0, DriverDescriptor.Locality.REMOTE,
                r -> OpenResult.accepted(new FixedDriver.SimpleConnect("remote", r.uri(), false)), "*");
        DriverManager m = manager(Map.of(), modules(qemu, remote));
        assertEquals("QEMU", typeOf(m.open("qemu:///system", null, false)));
        assertEquals("remote", typeOf(m.open("qemu+ssh://root@host/system", null, false)));
        assertEquals("remote", typeOf(m.open("qemu://host/system", null, false)));
        assertEquals("remote", typeOf(m.open("qemu+unix:///system", null, false)));
    }

    @Test
    void theAcceptedConnectionIsReturnedUnwrappedForNonPluginDrivers() {
        FixedDriver d = FixedDriver.accepting("T", 0, "test");
        Connect c = manager(Map.of(), modules(d)).open("test:///default", null, false);
        assertTrue(c instanceof FixedDriver.SimpleConnect);
    }

    // ---- errors ----

    @Test
    void missingSlashTypoIsCaught() {
        DriverManager m = manager(Map.of(), modules(FixedDriver.accepting("QEMU", 0, "qemu")));
        for (String uri : List.of("qemu://system", "qemu://session", "qemu://system/")) {
            VirtException e = assertThrows(VirtException.class, () -> m.open(uri, null, false));
            assertEquals(ErrorCode.INVALID_ARG, e.code());
            String expected = "did you mean qemu:///" + (uri.contains("session") ? "session" : "system") + "?";
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
        VirtException e = assertThrows(VirtException.class, () -> m.open("vbox://session", null, false));
        assertTrue(e.getMessage().contains("did you mean vbox:///session?"), e.getMessage());
    }

    @Test
    void knownSchemeWithoutDriverSaysWhichDriverIsMissing() {
        DriverManager m = manager(Map.of(), modules(FixedDriver.accepting("Test", 0, "test")));
        VirtException e = assertThrows(VirtException.class, () -> m.open("qemu:///system", null, false));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertEquals("no connection driver available for qemu:///system: the QEMU driver (scheme 'qemu') is not "
                + "installed (installed drivers: Test [test])", e.getMessage());
        for (String uri : List.of("esx:///", "vpx:///", "hyperv:///", "bhyve:///system", "vbox:///session",
                "vmwarews:///session", "openvz:///system", "vz:///system", "ch:///system", "lxc:///system",
                "xen:///system")) {
            VirtException e2 = assertThrows(VirtException.class, () -> m.open(uri, null, false));
            assertEquals(ErrorCode.NO_CONNECT, e2.code());
            assertTrue(e2.getMessage().contains("driver (scheme '") && e2.getMessage().contains("is not installed"),
                    e2.getMessage());
        }
    }

    @Test
    void unknownSchemeListsInstalledDrivers() {
        DriverManager m = manager(Map.of(), modules(FixedDriver.accepting("Test", 0, "test"),
                FixedDriver.accepting("demo", 0, "demo")));
        VirtException e = assertThrows(VirtException.class, () -> m.open("foo:///bar", null, false));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertEquals("no connection driver available for foo:///bar: no installed driver handles scheme 'foo' "
                + "(installed drivers: demo [demo], Test [test])", e.getMessage());
    }

    @Test
    void remoteUriWithoutRemoteDriverSaysSo() {
        DriverManager m = manager(Map.of(), modules(FixedDriver.accepting("QEMU", 0, "qemu")));
        for (String uri : List.of("qemu+ssh://root@host/system", "qemu://host/system", "qemu+unix:///system")) {
            VirtException e = assertThrows(VirtException.class, () -> m.open(uri, null, false));
            assertEquals(ErrorCode.NO_CONNECT, e.code());
            assertTrue(e.getMessage().contains("need the remote driver, which is not installed"), e.getMessage());
        }
    }

    @Test
    void allDeclinedListsTheReasons() {
        DriverManager m = manager(Map.of(), modules(FixedDriver.declining("Test", "no such file /x.xml", "test")));
        VirtException e = assertThrows(VirtException.class, () -> m.open("test:///x.xml", null, false));
        assertEquals(ErrorCode.NO_CONNECT, e.code());
        assertEquals("no connection driver available for test:///x.xml: Test declined (no such file /x.xml)",
                e.getMessage());
    }

    @Test
    void noDriversAtAll() {
        VirtException e = assertThrows(VirtException.class, () -> manager(Map.of()).open(null, null, false));
        assertEquals("no connection driver available for test:///default: the test driver (scheme 'test') is not "
                + "installed (installed drivers: none)", e.getMessage());
    }

    @Test
    void malformedUriIsInvalidArg() {
        VirtException e = assertThrows(VirtException.class, () -> manager(Map.of()).open("not a uri", null, false));
        assertEquals(ErrorCode.INVALID_ARG, e.code());
    }

    // ---- discovery ----

    @Test
    void discoveryHappensOnceLazilyEvenUnderContention() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        DriverSource counting = () -> {
            calls.incrementAndGet();
            return List.of(new DriverSource.Found(FixedDriver.accepting("T", 0, "test"), Origin.MODULE_PATH, "m", null));
        };
        DriverManager m = manager(Map.of(), counting);
        assertEquals(0, calls.get(), "nothing is discovered before first use");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Connect>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return m.open("test:///default", null, false);
                }));
            }
            go.countDown();
            for (Future<Connect> f : results) {
                assertEquals("T", f.get(10, TimeUnit.SECONDS).getType());
            }
        } finally {
            pool.shutdownNow();
        }
        m.drivers();
        assertEquals(1, calls.get());
    }

    @Test
    void aBrokenSourceOrDescriptorDoesNotHideTheOthers() {
        DriverSource broken = () -> {
            throw new IllegalStateException("source exploded");
        };
        Driver noDescriptor = new Driver() {
            @Override
            public DriverDescriptor descriptor() {
                throw new UnsupportedOperationException("no descriptor");
            }

            @Override
            public OpenResult open(org.jvirt.spi.OpenRequest request) {
                return OpenResult.declined("never");
            }
        };
        DriverManager m = manager(Map.of(), broken, modules(noDescriptor, FixedDriver.accepting("T", 0, "test")));
        assertEquals(List.of("T"), m.drivers().stream().map(d -> d.descriptor().name()).toList());
        assertEquals("T", m.open("test:///default", null, false).getType());
    }

    @Test
    void theSameDriverClassLoadedTwiceIsKeptOnce() throws Exception {
        Path jar = new TestJars().source("dup.DupDriver", """
                package dup;
                import java.util.Set;
                import org.jvirt.spi.*;
                public class DupDriver implements Driver {
                    public DriverDescriptor descriptor() {
                        return new DriverDescriptor("dup", Set.of("dup"), "1", DriverDescriptor.Locality.LOCAL, 0);
                    }
                    public OpenResult open(OpenRequest r) { return OpenResult.declined("dup"); }
                }
                """).build(tmp.resolve("dup.jar"));
        try (java.net.URLClassLoader a = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                Driver.class.getClassLoader());
             java.net.URLClassLoader b = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                     Driver.class.getClassLoader())) {
            Driver first = (Driver) a.loadClass("dup.DupDriver").getConstructor().newInstance();
            Driver copy = (Driver) b.loadClass("dup.DupDriver").getConstructor().newInstance();
            DriverManager m = manager(Map.of(), DriverSource.of(Origin.CLASS_PATH, "lib/dup.jar", first),
                    DriverSource.of(Origin.PLUGIN, "plugins/dup.jar", copy));
            assertEquals(1, m.drivers().size());
            assertEquals(Origin.CLASS_PATH, m.drivers().get(0).origin());
        }
    }

    @Test
    void pluginFolderComesFromEnvThenPropertyThenDistribution() {
        assertEquals(Optional.of(Path.of("/env/plugins")), DriverManager.pluginFolder(Environment.of(
                Map.of("JVIRT_PLUGIN_DIR", "/env/plugins"), Map.of("jvirt.plugin.dir", "/prop"), false)));
        assertEquals(Optional.of(Path.of("/prop")), DriverManager.pluginFolder(Environment.of(
                Map.of(), Map.of("jvirt.plugin.dir", "/prop"), false)));
        // In this build core runs from target/classes, not from a distribution's lib/ folder.
        assertEquals(Optional.empty(), DriverManager.pluginFolder(Environment.of(Map.of(), Map.of(), false)));
    }

    @Test
    void standardManagerFindsNoDriverInCoreAlone() {
        DriverManager m = DriverManager.standard(env(Map.of()));
        assertTrue(m.drivers().stream().noneMatch(d -> d.origin() == Origin.PLUGIN));
        assertFalse(m.toString().isEmpty());
        assertSame(Virt.manager(), Virt.manager());
    }
}
