package org.jvirt.driver.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.Registration;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.core.Virt;
import org.jvirt.testing.libvirt.LibvirtdQemu;

/**
 * The remote driver against libvirtd 9.0's own QEMU driver over a private UNIX socket
 * ({@link LibvirtdQemu}): define, start, lifecycle, live XML, lifecycle events, a QMP and an HMP
 * command through {@link RemoteFeatures#qemuMonitorCommand} (the QEMU program), and storage calls
 * (a directory pool, a volume) on the same connection. The guest is firmware-only; QEMUs are killed
 * by pid afterwards.
 */
class RemoteQemuTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    /** libvirtd's QEMU driver is ready once the remote driver can open it and ask its type. */
    private static final LibvirtdQemu.Probe LIBVIRTD_READY = uri -> {
        try (org.jvirt.api.Connect c = org.jvirt.core.Virt.open(uri)) {
            c.getType();
            return true;
        } catch (RuntimeException notYet) {
            return false; // the QEMU driver is still initialising
        }
    };
    private static LibvirtdQemu daemon;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(QEMU)) {
            if (System.getenv("CI") != null) {
                fail(QEMU + " is not installed (CI is set, so this is a failure)");
            }
            Assumptions.abort(QEMU + " is not installed; skipping");
        }
        daemon = LibvirtdQemu.start(LIBVIRTD_READY);
    }

    @AfterAll
    static void stop() {
        LibvirtdQemu.killQemus("guest=rq-");
        if (daemon != null) {
            daemon.close();
        }
    }

    private static String guestXml(String name, UUID uuid) {
        String type = Files.isReadable(Path.of("/dev/kvm")) && Files.isWritable(Path.of("/dev/kvm")) ? "kvm" : "qemu";
        return "<domain type='" + type + "'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                + "<devices><emulator>" + QEMU + "</emulator></devices></domain>";
    }

    private static DomainEvent next(BlockingQueue<DomainEvent> q) throws InterruptedException {
        DomainEvent e = q.poll(30, TimeUnit.SECONDS);
        if (e == null) {
            fail("no event within 30 s");
        }
        return e;
    }

    @Test
    void lifecycleXmlEventsAndMonitorCommands() throws Exception {
        String name = "rq-" + UUID.randomUUID().toString().substring(0, 8);
        UUID uuid = UUID.randomUUID();
        try (Connect conn = Virt.open(daemon.uri())) {
            assertEquals("QEMU", conn.getType());
            assertTrue(conn.getCapabilities().contains("<domain type='qemu'/>"), conn.getCapabilities());
            BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
            try (Registration r = conn.addDomainEventListener(events::add)) {
                Domain d = conn.defineDomain(guestXml(name, uuid));
                assertEquals(DomainEventType.DEFINED, next(events).type());
                try {
                    assertEquals(uuid, d.getUUID());
                    assertEquals(-1, d.getID());
                    assertEquals(DomainStateReason.SHUTOFF_UNKNOWN, d.getState().reason());
                    d.create();
                    assertTrue(d.getID() > 0);
                    assertEquals(DomainStateReason.RUNNING_BOOTED, d.getState().reason());
                    String live = d.getXMLDesc();
                    assertTrue(live.contains("machine='pc-i440fx-"), live);
                    assertTrue(live.contains("id='" + d.getID() + "'"), live);

                    RemoteFeatures qemu = conn.unwrap(RemoteFeatures.class);
                    String qmp = qemu.qemuMonitorCommand(d, "{\"execute\":\"query-status\"}", false);
                    assertTrue(qmp.contains("\"status\":\"running\""), qmp);
                    String hmp = qemu.qemuMonitorCommand(d, "info status", true);
                    assertTrue(hmp.contains("VM status: running"), hmp);

                    d.suspend();
                    assertEquals(DomainStateReason.PAUSED_USER, d.getState().reason());
                    assertTrue(qemu.qemuMonitorCommand(d, "{\"execute\":\"query-status\"}", false)
                            .contains("\"status\":\"paused\""));
                    d.resume();
                    assertEquals(DomainState.RUNNING, d.getState().state());
                    VirtException again = org.junit.jupiter.api.Assertions.assertThrows(VirtException.class, d::create);
                    assertEquals(ErrorCode.OPERATION_INVALID, again.code());
                    assertEquals("Requested operation is not valid: domain is already running", again.getMessage());
                    d.destroy();
                    assertEquals(DomainStateReason.SHUTOFF_DESTROYED, d.getState().reason());
                    assertFalse(d.isActive());
                } finally {
                    d.undefine();
                }
                // libvirtd's QEMU driver: STARTED, RESUMED (it starts QEMU paused), SUSPENDED,
                // RESUMED, SHUTDOWN, STOPPED, UNDEFINED (the first two in either order: QEMU's RESUME
                // event races the start job's end).
                List<DomainEventType> seen = new ArrayList<>();
                while (!seen.contains(DomainEventType.UNDEFINED)) {
                    DomainEvent e = next(events);
                    assertEquals(name, e.domain().getName());
                    seen.add(e.type());
                }
                assertEquals(java.util.Set.of(DomainEventType.STARTED, DomainEventType.RESUMED),
                        java.util.Set.copyOf(seen.subList(0, 2)), seen.toString());
                seen.set(0, DomainEventType.STARTED);
                seen.set(1, DomainEventType.RESUMED);
                assertEquals(List.of(DomainEventType.STARTED, DomainEventType.RESUMED, DomainEventType.SUSPENDED,
                        DomainEventType.RESUMED, DomainEventType.SHUTDOWN, DomainEventType.STOPPED,
                        DomainEventType.UNDEFINED), seen);
            }
            assertTrue(conn.findDomainByName(name).isEmpty());
        } finally {
            LibvirtdQemu.killQemus("guest=" + name + ",");
        }
    }

    @Test
    void storageCallsOnTheQemuConnection() {
        Path dir = daemon.dir().resolve("pool");
        try (Connect conn = Virt.open(daemon.uri())) {
            StoragePool p = conn.createStoragePool("<pool type='dir'><name>rqpool</name><target><path>" + dir
                    + "</path></target></pool>");
            try {
                assertTrue(p.isActive());
                assertFalse(p.isPersistent());
                StorageVol v = p.createVolume("<volume><name>v1.img</name><capacity unit='M'>1</capacity>"
                        + "<target><format type='raw'/></target></volume>");
                assertEquals(dir.resolve("v1.img").toString(), v.getPath());
                assertEquals(1 << 20, v.getInfo().capacity());
                assertTrue(Files.exists(dir.resolve("v1.img")));
                assertEquals(List.of("v1.img"), p.listAllVolumes().stream().map(StorageVol::getName).toList());
                assertEquals(v.getPath(), conn.lookupStorageVolByPath(v.getPath()).getPath());
                v.delete();
                assertTrue(p.listAllVolumes().isEmpty());
            } finally {
                p.destroy();
            }
            assertTrue(conn.findStoragePoolByName("rqpool").isEmpty());
        }
    }
}
