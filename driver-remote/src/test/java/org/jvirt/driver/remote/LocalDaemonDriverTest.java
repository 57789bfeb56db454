package org.jvirt.driver.remote;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.VirtException;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/** The local-daemon fallback stays off inside a daemon (jvirtd ships the remote driver for migration only). */
class LocalDaemonDriverTest {
    @Test
    void insideADaemonALocalUriIsNeverPassedOnToAnotherDaemon(@TempDir Path dir) throws Exception {
        // a path that exists but is no daemon: outside a daemon the fallback tries it (and fails)
        Path sock = Files.createFile(dir.resolve("libvirt-sock"));
        OpenRequest req = new OpenRequest(ConnectUri.parse("lxc:///system?socket=" + sock), false, null, Map.of());
        assertThrows(VirtException.class, () -> new LocalDaemonDriver().open(req));
        System.setProperty(LocalDaemonDriver.INSIDE_DAEMON, "true");
        try {
            OpenResult r = new LocalDaemonDriver().open(req);
            OpenResult.Declined d = assertInstanceOf(OpenResult.Declined.class, r);
            assertTrue(d.reason().contains("inside a daemon"), d.reason());
        } finally {
            System.clearProperty(LocalDaemonDriver.INSIDE_DAEMON);
        }
    }
}
