package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.core.Environment;
import org.jvirt.spi.ConnectUri;

class QemuPathsTest {
    private static final Environment ENV = Environment.of(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"),
            Map.of("user.home", "/home/u"), false);

    @Test
    void systemLayout() {
        QemuPaths p = QemuPaths.forUri(ConnectUri.parse("qemu:///system"), ENV);
        assertEquals(Path.of("/etc/jvirt/qemu"), p.configDir());
        assertEquals(Path.of("/var/lib/jvirt/qemu"), p.stateDir());
        assertEquals(Path.of("/run/jvirt/qemu"), p.runDir());
        assertEquals(Path.of("/var/log/jvirt/qemu"), p.logDir());
        assertTrue(p.privileged());
        assertEquals(Path.of("/run/jvirt/qemu/vm1.pid"), p.pidFile("vm1"));
        assertEquals(Path.of("/run/jvirt/qemu/vm1.xml"), p.liveXmlFile("vm1"));
        assertEquals(Path.of("/var/log/jvirt/qemu/vm1.log"), p.logFile("vm1"));
        assertEquals(Path.of("/run/jvirt/qemu/domain-3-vm1"), p.domainRunDir(3, "vm1"));
    }

    @Test
    void sessionLayoutFollowsXdg() {
        QemuPaths p = QemuPaths.forUri(ConnectUri.parse("qemu:///session"), ENV);
        assertEquals(Path.of("/home/u/.config/jvirt/qemu"), p.configDir());
        assertEquals(Path.of("/run/user/1000/jvirt/qemu/run"), p.runDir());
        assertEquals(Path.of("/home/u/.cache/jvirt/qemu/log"), p.logDir());
        assertFalse(p.privileged());
        Environment xdg = Environment.of(Map.of("XDG_CONFIG_HOME", "/c", "XDG_CACHE_HOME", "/k"), Map.of(), false);
        QemuPaths q = QemuPaths.forUri(ConnectUri.parse("qemu:///session"), xdg);
        assertEquals(Path.of("/c/jvirt/qemu"), q.configDir());
        assertEquals(Path.of("/k/jvirt/qemu/run"), q.runDir(), "no XDG_RUNTIME_DIR: under the cache");
    }

    @Test
    void embedPutsEverythingUnderTheRoot() {
        QemuPaths p = QemuPaths.forUri(ConnectUri.parse("qemu:///embed?root=/tmp/x/../emb"), ENV);
        assertEquals("qemu:///embed?root=/tmp/emb", p.uri());
        for (Path d : new Path[] {p.configDir(), p.stateDir(), p.runDir(), p.logDir(), p.cacheDir()}) {
            assertTrue(d.startsWith("/tmp/emb"), d.toString());
        }
        assertEquals(Path.of("/tmp/emb/etc/qemu/g.xml"), p.configFile("g"));
    }

    @Test
    void badUrisAreRefused() {
        for (String u : new String[] {"qemu:///embed", "qemu:///embed?root=rel/dir", "qemu:///nope", "qemu://"}) {
            VirtException e = assertThrows(VirtException.class, () -> QemuPaths.forUri(ConnectUri.parse(u), ENV), u);
            assertEquals(ErrorCode.INVALID_ARG, e.code(), u);
        }
    }

    @Test
    void socketPathsStayUnder108Bytes() {
        String deep = "/" + "d".repeat(60) + "/" + "e".repeat(40);
        QemuPaths p = QemuPaths.forUri(ConnectUri.parse("qemu:///embed?root=" + deep), ENV);
        Path dir = p.domainRunDir(12345, "a-very-long-guest-name-indeed-more-than-twenty");
        assertTrue(QemuPaths.fits(dir.resolve("monitor.sock")), dir.toString());
        assertFalse(dir.startsWith(deep), "fell back to a short directory: " + dir);
        assertEquals(dir, p.domainRunDir(12345, "a-very-long-guest-name-indeed-more-than-twenty"), "deterministic");
        assertTrue(dir.getFileName().toString().endsWith("a-very-long-guest-na"), "libvirt's 20-char short name");
    }
}
