package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.qmp.Json;

/**
 * Live migration of the TCG Linux test guest between two driver instances in this JVM (two
 * {@code qemu:///embed} roots): pre-copy, post-copy with postcopy-preempt on both QEMUs, and failures
 * (destination port taken, destination killed mid-way) that leave the source running. That the guest
 * runs where it should is proven by its OS: an ACPI shutdown request is answered by the guest
 * (SHUTDOWN with detail "guest").
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class MigrationTest {
    private Path rootA;
    private Path rootB;
    private Connect a;
    private Connect b;
    private final BlockingQueue<DomainEvent> eventsA = new LinkedBlockingQueue<>();
    private final BlockingQueue<DomainEvent> eventsB = new LinkedBlockingQueue<>();
    private QemuTestSupport.Guest guest;

    @BeforeEach
    void setUp() throws Exception {
        QemuTestSupport.requireQemu();
        guest = QemuTestSupport.guest();
        rootA = QemuTestSupport.newRoot();
        rootB = QemuTestSupport.newRoot();
        a = QemuTestSupport.open(rootA);
        b = QemuTestSupport.open(rootB);
        a.addDomainEventListener(eventsA::add);
        b.addDomainEventListener(eventsB::add);
    }

    @AfterEach
    void tearDown() {
        QemuTestSupport.closeDestroyingAll(a);
        QemuTestSupport.closeDestroyingAll(b);
        QemuTestSupport.killLeftovers(rootA, rootB);
    }

    static String xml(String name, UUID uuid, QemuTestSupport.Guest g, Path console) {
        return "<domain type='qemu'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='MiB'>192</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os>\n"
                + "    <type arch='x86_64' machine='q35'>hvm</type>\n"
                + "    <kernel>" + g.kernel() + "</kernel>\n"
                + "    <initrd>" + g.initrd() + "</initrd>\n"
                + "    <cmdline>console=ttyS0 quiet</cmdline>\n"
                + "  </os>\n"
                + "  <features><acpi/></features>\n"
                + "  <devices>\n"
                + "    <emulator>" + QemuTestSupport.QEMU + "</emulator>\n"
                + "    <serial type='file'><source path='" + console + "'/><target port='0'/></serial>\n"
                + "  </devices>\n"
                + "</domain>\n";
    }

    private QemuFeatures qa() {
        return a.unwrap(QemuFeatures.class);
    }

    /** Boots the guest on A and waits for its shell; returns its domain. */
    private Domain bootOnA(String name, UUID uuid, boolean persistent) throws Exception {
        Path console = rootA.resolve(name + ".console");
        String x = xml(name, uuid, guest, console);
        Domain d;
        if (persistent) {
            d = a.defineDomain(x);
            d.create();
        } else {
            d = a.createDomain(x, EnumSet.noneOf(DomainCreateFlag.class));
        }
        QemuTestSupport.track(qa().qemuPid(d));
        assertTrue(QemuTestSupport.waitFor(console, "GUEST-READY", 1, Duration.ofSeconds(90)),
                "guest did not boot: " + QemuTestSupport.readOrEmpty(console));
        return d;
    }

    /** The guest OS answers an ACPI power button press: proof that it runs there. */
    private static void assertGuestOsAnswers(Domain d, BlockingQueue<DomainEvent> events) throws InterruptedException {
        events.clear();
        d.shutdown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            DomainEvent e = events.poll(1, TimeUnit.SECONDS);
            if (e != null && e.type() == DomainEventType.SHUTDOWN && e.domain().getName().equals(d.getName())) {
                assertEquals(QemuHost.SHUTDOWN_GUEST, e.detail(), "the guest OS powered off: " + e);
                return;
            }
        }
        throw new AssertionError("the guest OS did not answer the power button on " + d.getConnect().getURI());
    }

    private static List<String> drain(BlockingQueue<DomainEvent> q) {
        List<DomainEvent> l = new ArrayList<>();
        q.drainTo(l);
        List<String> out = new ArrayList<>();
        for (DomainEvent e : l) {
            out.add(e.type() + "/" + e.detail());
        }
        return out;
    }

    private static Map<String, Object> qmp(Connect c, Domain d, String cmd) {
        String reply = c.unwrap(QemuFeatures.class).qemuMonitorCommand(d, "{\"execute\":\"" + cmd + "\"}");
        return Json.parseObject(reply);
    }

    private static boolean capability(Connect c, Domain d, String name) {
        for (Object o : Json.list(qmp(c, d, "query-migrate-capabilities").get("return"))) {
            Map<String, Object> m = Json.obj(o);
            if (name.equals(m.get("capability"))) {
                return Boolean.TRUE.equals(m.get("state"));
            }
        }
        throw new AssertionError("no capability " + name);
    }

    @Test
    void precopyMovesTheRunningGuestAndPersistsIt() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain d = bootOnA("pre", uuid, true);
        long srcPid = qa().qemuPid(d);
        eventsA.clear();
        MigrateParams p = MigrateParams.builder()
                .destXml(xml("pre", uuid, guest, rootB.resolve("pre.console")))
                .build();
        long t0 = System.nanoTime();
        Domain d2 = d.migrate(b, EnumSet.of(MigrateFlag.LIVE, MigrateFlag.PERSIST_DEST, MigrateFlag.UNDEFINE_SOURCE), p);
        System.out.printf("pre-copy took %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        QemuTestSupport.track(b.unwrap(QemuFeatures.class).qemuPid(d2));

        assertEquals(b, d2.getConnect());
        assertEquals(uuid, d2.getUUID());
        assertTrue(d2.isActive());
        assertTrue(d2.isPersistent(), "PERSIST_DEST");
        assertEquals(DomainStateReason.RUNNING_MIGRATED, d2.getState().reason());
        assertFalse(a.findDomainByName("pre").isPresent(), "source stopped and undefined (UNDEFINE_SOURCE)");
        assertFalse(ProcessHandle.of(srcPid).map(ProcessHandle::isAlive).orElse(false), "source QEMU gone");
        assertTrue(b.unwrap(QemuFeatures.class).qemuPid(d2) != srcPid);
        assertFalse(capability(b, d2, "postcopy-ram"), "pre-copy: no post-copy");
        assertTrue(capability(b, d2, "events"));

        Thread.sleep(300);
        List<String> ea = drain(eventsA);
        assertTrue(ea.contains("SUSPENDED/" + QemuHost.SUSPENDED_MIGRATED), ea.toString());
        assertTrue(ea.contains("STOPPED/" + QemuHost.STOPPED_MIGRATED), ea.toString());
        assertTrue(ea.contains("UNDEFINED/0"), ea.toString());
        List<String> eb = drain(eventsB);
        assertEquals(List.of("STARTED/" + QemuHost.STARTED_MIGRATED, "RESUMED/" + QemuHost.RESUMED_MIGRATED,
                "DEFINED/" + QemuHost.DEFINED_ADDED), eb);

        // and back by URI (peer to peer: the source driver opens the destination itself)
        long pidB = b.unwrap(QemuFeatures.class).qemuPid(d2);
        d2.migrateToURI(a.getURI(), EnumSet.of(MigrateFlag.LIVE, MigrateFlag.PEER2PEER),
                MigrateParams.builder().destXml(xml("pre", uuid, guest, rootA.resolve("pre2.console"))).build());
        Domain back = a.lookupDomainByName("pre");
        QemuTestSupport.track(qa().qemuPid(back));
        assertEquals(DomainStateReason.RUNNING_MIGRATED, back.getState().reason());
        assertFalse(back.isPersistent());
        assertFalse(d2.isActive(), "left B");
        assertTrue(d2.isPersistent(), "B keeps its definition (no UNDEFINE_SOURCE)");
        assertEquals(DomainStateReason.SHUTOFF_MIGRATED, d2.getState().reason());
        assertFalse(ProcessHandle.of(pidB).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class, () -> back.migrateToURI(b.getURI(),
                EnumSet.of(MigrateFlag.LIVE), MigrateParams.DEFAULT)).code());

        assertGuestOsAnswers(back, eventsA);
    }

    @Test
    void postcopyWithPreemptOnBothSides() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain d = bootOnA("post", uuid, false);
        long srcPid = qa().qemuPid(d);
        eventsA.clear();
        // slow pre-copy (4 MiB/s) so that the switch to post-copy happens long before it could finish
        MigrateParams p = MigrateParams.builder()
                .destXml(xml("post", uuid, guest, rootB.resolve("post.console")))
                .bandwidthMiBs(4)
                .build();
        CompletableFuture<Domain> mig = CompletableFuture.supplyAsync(
                () -> d.migrate(b, EnumSet.of(MigrateFlag.LIVE, MigrateFlag.POSTCOPY), p));
        // the source's capabilities, read beside the migration job (a query job)
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String status = "";
        while (System.nanoTime() < end && !mig.isDone()) {
            status = String.valueOf(Json.obj(qmp(a, d, "query-migrate").get("return")).get("status"));
            if ("active".equals(status)) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals("active", status, "source migration active; migrate: " + (mig.isDone() ? mig.join() : ""));
        assertTrue(capability(a, d, "postcopy-ram"), "source postcopy-ram");
        assertTrue(capability(a, d, "postcopy-preempt"), "source postcopy-preempt");
        assertTrue(capability(a, d, "events"), "source events");
        assertFalse(capability(a, d, "multifd"), "never multifd with post-copy");
        d.migrateStartPostCopy();
        Domain d2 = mig.get(120, TimeUnit.SECONDS);
        QemuTestSupport.track(b.unwrap(QemuFeatures.class).qemuPid(d2));

        assertTrue(capability(b, d2, "postcopy-ram"), "destination postcopy-ram");
        assertTrue(capability(b, d2, "postcopy-preempt"), "destination postcopy-preempt");
        assertTrue(d2.isActive());
        assertEquals(DomainState.RUNNING, d2.getState().state());
        assertFalse(d2.isPersistent());
        assertFalse(a.findDomainByName("post").isPresent(), "transient source gone");
        assertFalse(ProcessHandle.of(srcPid).map(ProcessHandle::isAlive).orElse(false), "source QEMU gone");
        Thread.sleep(300);
        List<String> ea = drain(eventsA);
        assertTrue(ea.contains("SUSPENDED/" + QemuHost.SUSPENDED_POSTCOPY), "the source paused for post-copy: " + ea);
        List<String> eb = drain(eventsB);
        assertTrue(eb.contains("RESUMED/" + QemuHost.RESUMED_POSTCOPY), "the destination ran in post-copy: " + eb);

        assertGuestOsAnswers(d2, eventsB);
        // no post-copy request outside a migration
        VirtException e = assertThrows(VirtException.class, d2::migrateStartPostCopy);
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
    }

    @Test
    void pausedFirmwareGuestStaysPausedAndCanBeRenamed() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain d = a.defineDomain(QemuTestSupport.firmwareXml("fwm", uuid));
        d.create();
        QemuTestSupport.track(qa().qemuPid(d));
        d.suspend();
        Domain d2 = d.migrate(b, EnumSet.of(MigrateFlag.LIVE), MigrateParams.builder().destName("fwm-b").build());
        QemuTestSupport.track(b.unwrap(QemuFeatures.class).qemuPid(d2));
        assertEquals("fwm-b", d2.getName());
        assertEquals(uuid, d2.getUUID());
        assertEquals(DomainStateReason.PAUSED_USER, d2.getState().reason(), "paused at the source, paused here");
        assertEquals("paused", Json.str(Json.obj(qmp(b, d2, "query-status").get("return")), "status"));
        assertEquals(DomainStateReason.SHUTOFF_MIGRATED, d.getState().reason(), "the persistent source stays defined");
        d2.resume();
        assertEquals(DomainState.RUNNING, d2.getState().state());
        // QMP passthrough that is not a query waits for the job as before
        assertEquals("running", Json.str(Json.obj(qmp(b, d2, "query-status").get("return")), "status"));
    }

    @Test
    void aNewDestinationInstanceEndsAHalfReceivedGuest() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain d = bootOnA("half", uuid, false);
        MigrateParams slow = MigrateParams.builder().destXml(xml("half", uuid, guest, rootB.resolve("half.console")))
                .bandwidthMiBs(2).build();
        CompletableFuture<Domain> mig = CompletableFuture.supplyAsync(
                () -> d.migrate(b, EnumSet.of(MigrateFlag.LIVE), slow));
        long destPid = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && !mig.isDone()) {
            String status = String.valueOf(Json.obj(qmp(a, d, "query-migrate").get("return")).get("status"));
            if ("active".equals(status)) {
                destPid = b.unwrap(QemuFeatures.class).qemuPid(b.lookupDomainByName("half"));
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(destPid > 0, "migration became active");
        QemuTestSupport.track(destPid);
        // the destination's driver instance ends (its guests stay); a new one finds QEMU "inmigrate"
        String uriB = b.getURI();
        b.close();
        QemuDriver.restartInstance(uriB);
        b = QemuTestSupport.open(rootB);
        assertFalse(b.findDomainByName("half").isPresent(), "the half-received guest is gone");
        assertFalse(ProcessHandle.of(destPid).map(ProcessHandle::isAlive).orElse(false));
        VirtException e = assertThrows(VirtException.class, () -> {
            try {
                mig.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException x) {
                throw x.getCause();
            }
        });
        assertEquals(ErrorCode.OPERATION_FAILED, e.code(), e.getMessage());
        assertEquals(DomainState.RUNNING, d.getState().state(), "the source keeps running");
        assertGuestOsAnswers(d, eventsA);
    }

    @Test
    void failedMigrationsLeaveTheSourceRunning() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain d = bootOnA("fail", uuid, false);
        String destXml = xml("fail", uuid, guest, rootB.resolve("fail.console"));

        // refused before anything starts
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, assertThrows(VirtException.class, () -> d.migrate(b,
                EnumSet.of(MigrateFlag.POSTCOPY, MigrateFlag.PARALLEL), MigrateParams.DEFAULT)).code());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class, () -> d.migrate(a,
                EnumSet.of(MigrateFlag.LIVE), MigrateParams.DEFAULT)).code());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class, d::migrateStartPostCopy).code());

        // 1. the destination cannot listen: its port is taken
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            MigrateParams p = MigrateParams.builder().destXml(destXml)
                    .migrateUri("tcp://127.0.0.1:" + taken.getLocalPort()).build();
            VirtException e = assertThrows(VirtException.class, () -> d.migrate(b, EnumSet.of(MigrateFlag.LIVE), p));
            assertEquals(ErrorCode.OPERATION_FAILED, e.code(), e.getMessage());
        }
        assertTrue(b.listAllDomains().isEmpty(), "no leftover at the destination: " + b.listAllDomains());
        assertEquals(DomainState.RUNNING, d.getState().state());

        // 2. the destination dies in the middle of a (slow) migration
        MigrateParams slow = MigrateParams.builder().destXml(destXml).bandwidthMiBs(2).build();
        CompletableFuture<Domain> mig = CompletableFuture.supplyAsync(
                () -> d.migrate(b, EnumSet.of(MigrateFlag.LIVE), slow));
        long destPid = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && !mig.isDone()) {
            String status = String.valueOf(Json.obj(qmp(a, d, "query-migrate").get("return")).get("status"));
            if ("active".equals(status)) {
                destPid = b.unwrap(QemuFeatures.class).qemuPid(b.lookupDomainByName("fail"));
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(destPid > 0, "migration became active");
        QemuTestSupport.track(destPid);
        ProcessHandle.of(destPid).ifPresent(ProcessHandle::destroyForcibly);
        VirtException e = assertThrows(VirtException.class, () -> {
            try {
                mig.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException x) {
                throw x.getCause();
            }
        });
        assertEquals(ErrorCode.OPERATION_FAILED, e.code(), e.getMessage());
        assertTrue(d.isActive());
        assertEquals(DomainState.RUNNING, d.getState().state(), "source running again: " + d.getState());
        assertEquals("running", Json.str(Json.obj(qmp(a, d, "query-status").get("return")), "status"));
        assertFalse(b.findDomainByName("fail").isPresent(), "destination cleaned up");
        assertGuestOsAnswers(d, eventsA);
        assertNotNull(e.getMessage());
    }
}
