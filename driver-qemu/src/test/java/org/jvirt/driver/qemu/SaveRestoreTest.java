package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainSaveFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;

/**
 * Save/restore (libvirt's image layout), managed save, autostart at driver instance start, and the
 * host facts (getNodeInfo, getLibVersion).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SaveRestoreTest {
    private Path root;
    private Connect conn;

    @AfterEach
    void tearDown() {
        QemuTestSupport.closeDestroyingAll(conn);
        QemuTestSupport.killLeftovers(root);
    }

    private long pid(Domain d) {
        return QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(d));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static DomainEvent next(BlockingQueue<DomainEvent> q, DomainEventType type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            DomainEvent e = q.poll(1, TimeUnit.SECONDS);
            if (e != null && e.type() == type) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    @Test
    void saveAndRestoreTheLinuxGuest() throws Exception {
        QemuTestSupport.requireQemu();
        QemuTestSupport.Guest g = QemuTestSupport.guest();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        conn.addDomainEventListener(events::add);
        Path console = root.resolve("console.log");
        // append='on': the restored QEMU reopens the console without truncating it
        Domain d = conn.defineDomain(MemoryTest.linuxXml("sv", g, console,
                "<memballoon model='virtio'><stats period='2'/></memballoon>")
                .replace(console + "'/>", console + "' append='on'/>"));
        d.create();
        long pid1 = pid(d);
        assertTrue(QemuTestSupport.waitFor(console, "GUEST-READY", 1, Duration.ofSeconds(90)));
        events.clear();

        Path image = root.resolve("sv.img");
        long t0 = System.nanoTime();
        d.save(image.toString(), EnumSet.noneOf(DomainSaveFlag.class));
        System.out.printf("save took %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        assertFalse(d.isActive());
        assertEquals(DomainStateReason.SHUTOFF_SAVED, d.getState().reason());
        assertFalse(alive(pid1), "QEMU stopped after save");
        assertEquals(QemuHost.STOPPED_SAVED, next(events, DomainEventType.STOPPED).detail());
        byte[] head = Arrays.copyOf(Files.readAllBytes(image), 8192);
        assertArrayEquals("LibvirtQemudSave".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(head, 16));
        String xml = new String(head, 92, 8192 - 92, StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<domain type='qemu'>") && xml.contains("<name>sv</name>"), xml);
        assertTrue(Files.size(image) > 1_000_000, "QEMU state follows the header: " + Files.size(image));

        t0 = System.nanoTime();
        conn.restoreDomain(image.toString(), EnumSet.noneOf(DomainSaveFlag.class));
        System.out.printf("restore took %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        assertTrue(d.isActive());
        long pid2 = pid(d);
        assertTrue(pid2 != pid1);
        assertEquals(DomainStateReason.RUNNING_RESTORED, d.getState().reason());
        assertEquals(QemuHost.STARTED_RESTORED, next(events, DomainEventType.STARTED).detail());
        // the guest OS continues where it was: it answers the power button without booting again
        String before = QemuTestSupport.readOrEmpty(console);
        assertEquals(1, before.split("GUEST-READY", -1).length - 1, "no second boot: " + before);
        events.clear();
        d.shutdown();
        DomainEvent sd = next(events, DomainEventType.SHUTDOWN);
        assertEquals(QemuHost.SHUTDOWN_GUEST, sd.detail(), "the restored guest OS powered off");

        // an interrupted image is refused
        Path partial = root.resolve("partial.img");
        byte[] bytes = Files.readAllBytes(image);
        System.arraycopy("LibvirtQemudPart".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        Files.write(partial, bytes);
        VirtException e = assertThrows(VirtException.class,
                () -> conn.restoreDomain(partial.toString(), EnumSet.noneOf(DomainSaveFlag.class)));
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }

    @Test
    void managedSaveIsRestoredByStart() throws Exception {
        QemuTestSupport.requireQemu();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        Domain d = conn.defineDomain(QemuTestSupport.firmwareXml("ms", UUID.randomUUID()));
        d.create();
        long pid1 = pid(d);
        assertFalse(d.hasManagedSaveImage());
        d.managedSave(EnumSet.noneOf(DomainSaveFlag.class));
        assertFalse(alive(pid1));
        assertTrue(d.hasManagedSaveImage());
        assertEquals(DomainStateReason.SHUTOFF_SAVED, d.getState().reason());
        assertEquals(List.of("ms"), conn.listAllDomains(EnumSet.of(ListDomainsFlag.MANAGEDSAVE)).stream()
                .map(Domain::getName).toList());
        assertTrue(conn.listAllDomains(EnumSet.of(ListDomainsFlag.NO_MANAGEDSAVE)).isEmpty());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class,
                () -> d.undefine(EnumSet.noneOf(DomainUndefineFlag.class))).code());

        // a new driver instance still knows it was saved
        String uri = conn.getURI();
        conn.close();
        QemuDriver.restartInstance(uri);
        conn = QemuTestSupport.open(root);
        Domain r = conn.lookupDomainByName("ms");
        assertEquals(DomainStateReason.SHUTOFF_SAVED, r.getState().reason());

        r.create(EnumSet.of(DomainCreateFlag.PAUSED));
        pid(r);
        assertEquals(DomainState.PAUSED, r.getState().state(), "restored paused as asked");
        assertFalse(r.hasManagedSaveImage(), "the image is used up by the start");
        r.resume();
        assertEquals(DomainState.RUNNING, r.getState().state());

        // remove an image without using it
        r.managedSave(EnumSet.noneOf(DomainSaveFlag.class));
        assertTrue(r.hasManagedSaveImage());
        r.managedSaveRemove();
        assertFalse(r.hasManagedSaveImage());
        assertEquals(DomainStateReason.SHUTOFF_UNKNOWN, r.getState().reason());
        r.create();
        pid(r);
        assertEquals(DomainStateReason.RUNNING_BOOTED, r.getState().reason(), "a fresh boot");

        // transient domains have no managed save
        Domain t = conn.createDomain(QemuTestSupport.firmwareXml("tr", UUID.randomUUID()),
                EnumSet.noneOf(DomainCreateFlag.class));
        pid(t);
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class,
                () -> t.managedSave(EnumSet.noneOf(DomainSaveFlag.class))).code());
    }

    @Test
    void autostartDomainsStartWithANewDriverInstance() throws Exception {
        QemuTestSupport.requireQemu();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        Domain on = conn.defineDomain(QemuTestSupport.firmwareXml("auto-on", UUID.randomUUID()));
        Domain off = conn.defineDomain(QemuTestSupport.firmwareXml("auto-off", UUID.randomUUID()));
        assertFalse(on.getAutostart());
        on.setAutostart(true);
        assertTrue(on.getAutostart());
        assertFalse(off.getAutostart());
        assertTrue(Files.isSymbolicLink(root.resolve("etc/qemu/autostart/auto-on.xml")));
        assertEquals(List.of("auto-on"), conn.listAllDomains(EnumSet.of(ListDomainsFlag.AUTOSTART)).stream()
                .map(Domain::getName).toList());
        assertFalse(on.isActive(), "marking does not start it");
        off.setAutostart(true);
        off.setAutostart(false);
        assertFalse(off.getAutostart());

        String uri = conn.getURI();
        conn.close();
        QemuDriver.restartInstance(uri);
        conn = QemuTestSupport.open(root);
        Domain on2 = conn.lookupDomainByName("auto-on");
        Domain off2 = conn.lookupDomainByName("auto-off");
        assertTrue(on2.isActive(), "autostarted by the new instance");
        pid(on2);
        assertEquals(DomainStateReason.RUNNING_BOOTED, on2.getState().reason());
        assertFalse(off2.isActive());

        Domain t = conn.createDomain(QemuTestSupport.firmwareXml("tr2", UUID.randomUUID()),
                EnumSet.noneOf(DomainCreateFlag.class));
        pid(t);
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class, () -> t.setAutostart(true)).code());
        on2.destroy();
        on2.undefine();
        assertFalse(Files.exists(root.resolve("etc/qemu/autostart/auto-on.xml"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "undefine removes the autostart link");
    }

    @Test
    void nodeInfoAndLibVersionDescribeThisHost() throws Exception {
        QemuTestSupport.requireQemu();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        NodeInfo n = conn.getNodeInfo();
        long memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
        assertEquals(memTotal, n.memoryKiB());
        int online = NodeInfoReader.online(Path.of("/sys/devices/system/cpu")).size();
        assertEquals(online, n.cpus());
        assertEquals(n.cpus(), n.nodes() * n.sockets() * n.cores() * n.threads(), n.toString());
        assertEquals("x86_64", n.model());
        assertTrue(n.mhz() >= 0, n.toString());
        assertEquals(9_000_000L, conn.getLibVersion().toNumber());
    }
}
