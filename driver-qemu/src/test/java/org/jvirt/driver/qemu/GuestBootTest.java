package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainStateReason;

/**
 * Boots the tiny Linux test guest (build-guest.sh) under TCG through the driver: the serial console
 * (a file chardev, so always drained) shows the guest's ready marker; ACPI reboot and shutdown work.
 */
class GuestBootTest {
    private Path root;
    private Connect conn;

    @AfterEach
    void tearDown() {
        QemuTestSupport.closeDestroyingAll(conn);
        QemuTestSupport.killLeftovers(root);
    }

    static String guestXml(String name, QemuTestSupport.Guest g, Path console) {
        return "<domain type='qemu'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <uuid>" + UUID.randomUUID() + "</uuid>\n"
                + "  <memory unit='MiB'>256</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os>\n"
                + "    <type arch='x86_64' machine='q35'>hvm</type>\n"
                + "    <kernel>" + g.kernel() + "</kernel>\n"
                + "    <initrd>" + g.initrd() + "</initrd>\n"
                + "    <cmdline>console=ttyS0 quiet memhp_default_state=online_movable</cmdline>\n"
                + "  </os>\n"
                + "  <features><acpi/></features>\n"
                + "  <devices>\n"
                + "    <emulator>" + QemuTestSupport.QEMU + "</emulator>\n"
                + "    <serial type='file'><source path='" + console + "'/><target port='0'/></serial>\n"
                + "  </devices>\n"
                + "</domain>\n";
    }

    @Test
    void linuxGuestBootsUnderTcgRebootsAndShutsDownByAcpi() throws Exception {
        QemuTestSupport.requireQemu();
        QemuTestSupport.Guest g = QemuTestSupport.guest();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        conn.addDomainEventListener(events::add);
        Path console = root.resolve("console.log");
        Domain d = conn.defineDomain(guestXml("linux", g, console));
        long t0 = System.nanoTime();
        d.create();
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(d));
        assertTrue(QemuTestSupport.waitFor(console, "GUEST-READY", 1, Duration.ofSeconds(90)),
                "no GUEST-READY on the console: " + QemuTestSupport.readOrEmpty(console));
        System.out.printf("guest ready %d ms after create%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));

        // reboot: ACPI power button, the guest powers off, the driver resets and continues it
        d.reboot();
        assertTrue(QemuTestSupport.waitFor(console, "GUEST-READY", 2, Duration.ofSeconds(90)),
                "no second GUEST-READY after reboot: " + QemuTestSupport.readOrEmpty(console));
        assertTrue(d.isActive());

        // Events are delivered on their own thread, so the reboot's own SHUTDOWN (host-initiated,
        // part of the fake reboot) may still be on its way: read up to STOPPED and check the tail.
        d.shutdown();
        java.util.List<DomainEvent> seen = new java.util.ArrayList<>();
        DomainEvent e;
        do {
            e = events.poll(60, TimeUnit.SECONDS);
            assertTrue(e != null, "no STOPPED event after shutdown; saw " + seen);
            seen.add(e);
        } while (e.type() != DomainEventType.STOPPED);
        assertEquals(0, e.detail(), "STOPPED_SHUTDOWN");
        assertTrue(seen.size() >= 2, String.valueOf(seen));
        DomainEvent beforeStop = seen.get(seen.size() - 2);
        assertEquals(DomainEventType.SHUTDOWN, beforeStop.type(), String.valueOf(seen));
        assertEquals(1, beforeStop.detail(), "guest-initiated (acpid ran poweroff): " + seen);
        assertEquals(DomainStateReason.SHUTOFF_SHUTDOWN, d.getState().reason());
        assertFalse(d.isActive());
    }
}
