package org.jvirt.driver.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.core.Virt;
import org.jvirt.testing.libvirt.Libvirtd;

/** A daemon that dies or hangs is noticed: pending calls fail promptly, never hang. */
class DeadServerTest {
    Libvirtd daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = Libvirtd.start();
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void killedDaemonFailsPendingCallsAtOnce() throws Exception {
        Connect conn = Virt.open(daemon.unixUri("keepalive_interval=0"));
        assertTrue(conn.isAlive());
        daemon.signal("STOP");
        // This call is written but never answered while the daemon is stopped.
        CompletableFuture<Object> pending = CompletableFuture.supplyAsync(() -> conn.lookupDomainByName("test"));
        Thread.sleep(300);
        assertFalse(pending.isDone());
        long t0 = System.nanoTime();
        daemon.signal("KILL");
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 5000, "took " + ms + " ms");
        VirtException v = (VirtException) e.getCause();
        assertTrue(v.code() == ErrorCode.INTERNAL_ERROR || v.code() == ErrorCode.SYSTEM_ERROR, v.toString());
        assertFalse(conn.isAlive());
        VirtException later = assertThrows(VirtException.class, conn::getHostname);
        assertEquals(v.code(), later.code());
        conn.close();
    }

    @Test
    void hungDaemonIsDetectedByKeepalive() throws Exception {
        Connect conn = Virt.open(daemon.unixUri("keepalive_interval=1&keepalive_count=2"));
        conn.getHostname();
        daemon.signal("STOP");
        CompletableFuture<Object> pending = CompletableFuture.supplyAsync(conn::getHostname);
        long t0 = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 1500 && ms < 6000, "keepalive took " + ms + " ms");
        assertTrue(e.getCause().getMessage().contains("keepalive"), e.getCause().getMessage());
        assertFalse(conn.isAlive());
        conn.close();
    }

    @Test
    void keepaliveKeepsAnIdleConnectionAlive() throws Exception {
        try (Connect conn = Virt.open(daemon.unixUri("keepalive_interval=1&keepalive_count=1"))) {
            Thread.sleep(3500);
            assertTrue(conn.isAlive());
            assertEquals("TEST", conn.getType());
        }
    }
}
