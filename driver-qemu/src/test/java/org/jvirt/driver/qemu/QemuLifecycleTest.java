package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;

/** Lifecycle of firmware-only guests through the driver, with real QEMU processes. */
class QemuLifecycleTest {
    private Path root;
    private Connect conn;
    private final BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        QemuTestSupport.requireQemu();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        conn.addDomainEventListener(events::add);
    }

    @AfterEach
    void tearDown() {
        QemuTestSupport.closeDestroyingAll(conn);
        QemuTestSupport.killLeftovers(root);
    }

    private DomainEvent next() throws InterruptedException {
        DomainEvent e = events.poll(20, TimeUnit.SECONDS);
        assertNotNull(e, "event expected");
        return e;
    }

    private void expect(DomainEventType type, int detail) throws InterruptedException {
        DomainEvent e = next();
        assertEquals(type, e.type(), "event " + e);
        assertEquals(detail, e.detail(), "detail of " + e);
    }

    @Test
    void defineStartSuspendResumeDestroy() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain d = conn.defineDomain(QemuTestSupport.firmwareXml("life", uuid));
        expect(DomainEventType.DEFINED, 0);
        assertTrue(Files.exists(root.resolve("etc/qemu/life.xml")), "persistent config written");
        String inactive = d.getXMLDesc(EnumSet.of(DomainXmlFlag.INACTIVE));
        assertTrue(inactive.contains("machine='pc-i440fx-"), "alias pc canonicalised: " + inactive);

        d.create();
        long pid = QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(d));
        expect(DomainEventType.STARTED, 0);
        assertEquals(DomainStateReason.RUNNING_BOOTED, d.getState().reason());
        assertTrue(d.getID() > 0);
        Path run = root.resolve("run/qemu");
        assertEquals(Long.toString(pid), Files.readString(run.resolve("life.pid")).trim());
        assertTrue(Files.readString(run.resolve("life.xml")).contains("id='" + d.getID() + "'"));
        assertTrue(Files.exists(run.resolve("domain-" + d.getID() + "-life/monitor.sock")));
        assertTrue(Files.readString(root.resolve("log/qemu/life.log")).contains("-name guest=life,debug-threads=on \\\n"));

        String status = conn.unwrap(QemuFeatures.class).qemuMonitorCommand(d, "{\"execute\":\"query-status\"}");
        assertTrue(status.contains("\"status\":\"running\""), status);

        d.suspend();
        expect(DomainEventType.SUSPENDED, 0);
        assertEquals(DomainStateReason.PAUSED_USER, d.getState().reason());
        status = conn.unwrap(QemuFeatures.class).qemuMonitorCommand(d, "{\"execute\":\"query-status\"}");
        assertTrue(status.contains("\"status\":\"paused\""), status);
        d.resume();
        expect(DomainEventType.RESUMED, 0);
        assertEquals(DomainStateReason.RUNNING_UNPAUSED, d.getState().reason());

        DomainInfo info = d.getInfo();
        assertEquals(DomainState.RUNNING, info.state());
        assertEquals(65536, info.maxMemoryKiB());
        assertEquals(1, info.vcpus());

        d.destroy();
        expect(DomainEventType.STOPPED, 1);
        assertEquals(DomainStateReason.SHUTOFF_DESTROYED, d.getState().reason());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "QEMU gone");
        assertFalse(Files.exists(run.resolve("life.pid")));
        assertFalse(Files.exists(run.resolve("life.xml")));
        assertThrows(VirtException.class, d::destroy);
    }

    @Test
    void startPausedThenResume() throws Exception {
        Domain d = conn.defineDomain(QemuTestSupport.firmwareXml("paused", UUID.randomUUID()));
        d.create(EnumSet.of(DomainCreateFlag.PAUSED));
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(d));
        assertEquals(DomainStateReason.PAUSED_USER, d.getState().reason());
        String status = conn.unwrap(QemuFeatures.class).qemuMonitorCommand(d, "{\"execute\":\"query-status\"}");
        assertTrue(status.contains("prelaunch"), status);
        d.resume();
        assertEquals(DomainStateReason.RUNNING_UNPAUSED, d.getState().reason());
        d.destroy();
    }

    @Test
    void qemuKilledBehindOurBackIsNoticedAtOnce() throws Exception {
        Domain d = conn.defineDomain(QemuTestSupport.firmwareXml("victim", UUID.randomUUID()));
        d.create();
        long pid = QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(d));
        events.clear();
        long t0 = System.nanoTime();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        DomainEvent e = next();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(DomainEventType.STOPPED, e.type());
        assertEquals(5, e.detail(), "STOPPED_FAILED");
        assertTrue(ms < 5000, "noticed after " + ms + " ms");
        assertEquals(DomainStateReason.SHUTOFF_CRASHED, d.getState().reason());
        assertFalse(d.isActive());
        assertTrue(d.isPersistent());
        // and it can start again
        d.create();
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(d));
        assertTrue(d.isActive());
    }

    @Test
    void startFailureReportsQemuErrorAndLeavesNothingRunning() throws Exception {
        String xml = QemuTestSupport.firmwareXml("broken", UUID.randomUUID())
                .replace("</type>", "</type><kernel>/nonexistent/vmlinuz</kernel>");
        Domain d = conn.defineDomain(xml);
        VirtException e = assertThrows(VirtException.class, d::create);
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertTrue(e.getMessage().contains("/nonexistent/vmlinuz"), e.getMessage());
        assertFalse(d.isActive());
        assertEquals(DomainState.SHUTOFF, d.getState().state());
        assertFalse(Files.exists(root.resolve("run/qemu/broken.pid")));
    }

    @Test
    void transientDomainAndUndefineWhileRunning() throws Exception {
        Domain t = conn.createDomain(QemuTestSupport.firmwareXml("trans", UUID.randomUUID()), EnumSet.noneOf(
                DomainCreateFlag.class));
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(t));
        assertTrue(t.isActive());
        assertFalse(t.isPersistent());
        Domain p = conn.defineDomain(QemuTestSupport.firmwareXml("pers", UUID.randomUUID()));
        p.create();
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(p));
        p.undefine();
        assertFalse(Files.exists(root.resolve("etc/qemu/pers.xml")));
        assertTrue(p.isActive());
        assertFalse(p.isPersistent());
        List<String> names = new ArrayList<>();
        conn.listAllDomains().forEach(x -> names.add(x.getName()));
        assertEquals(List.of("trans", "pers"), names, "active domains by id");
        t.destroy();
        p.destroy();
        assertTrue(conn.findDomainByName("trans").isEmpty());
        assertTrue(conn.findDomainByName("pers").isEmpty());
    }

    @Test
    void invalidDefinitionsAreRefused() {
        VirtException e = assertThrows(VirtException.class, () -> conn.defineDomain(
                QemuTestSupport.firmwareXml("m", UUID.randomUUID()).replace("machine='pc'", "machine='no-such'")));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
        e = assertThrows(VirtException.class, () -> conn.defineDomain(
                QemuTestSupport.firmwareXml("t", UUID.randomUUID()).replaceFirst("type='(kvm|qemu)'", "type='xen'")));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, e.code());
    }

    @Test
    void longRootKeepsMonitorSocketUnder108Bytes() throws Exception {
        Path deep = root.resolve("a-rather-long-directory-name-to-push-the-socket-path/"
                + "beyond-what-sun-path-can-hold-in-linux");
        Files.createDirectories(deep);
        try (Connect c = QemuTestSupport.open(deep)) {
            Domain d = c.defineDomain(QemuTestSupport.firmwareXml("a-guest-with-a-long-name", UUID.randomUUID()));
            d.create();
            QemuTestSupport.track(c.unwrap(QemuFeatures.class).qemuPid(d));
            assertTrue(d.isActive());
            String status = Files.readString(deep.resolve("run/qemu/a-guest-with-a-long-name.status"));
            String sock = status.lines().filter(l -> l.startsWith("monitor=")).findFirst().orElseThrow()
                    .substring("monitor=".length()).replace("\\:", ":");
            assertTrue(sock.length() < 108, sock);
            d.destroy();
        }
    }
}
