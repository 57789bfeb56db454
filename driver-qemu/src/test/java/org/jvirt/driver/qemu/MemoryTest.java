package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainMemoryFlag;
import org.jvirt.api.DomainModificationFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.qmp.Json;

/**
 * Memory of running guests: the default virtio balloon, {@code setMemory} through it, the balloon
 * statistics period (set at start through the balloon's QOM property, its path found by one walk per
 * run and cached, also when there is no balloon; not set again on reconnect), {@code memoryStats}
 * with the real guest driver and without one; config-only {@code setVcpus}/{@code setMemory}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MemoryTest {
    private Path root;
    private Connect conn;

    @AfterEach
    void tearDown() {
        QemuTestSupport.closeDestroyingAll(conn);
        QemuTestSupport.killLeftovers(root);
    }

    private QemuHost host() {
        return ((QemuConnect) conn).host();
    }

    private long qmpNumber(Domain d, String cmd, String args) {
        String reply = conn.unwrap(QemuFeatures.class).qemuMonitorCommand(d, "{\"execute\":\"" + cmd
                + "\",\"arguments\":" + args + "}");
        return ((Number) Json.parseObject(reply).get("return")).longValue();
    }

    private long period(Domain d) {
        return qmpNumber(d, "qom-get", "{\"path\":\"/machine/peripheral/balloon0\",\"property\":\""
                + Balloon.PERIOD_PROPERTY + "\"}");
    }

    static String linuxXml(String name, QemuTestSupport.Guest g, Path console, String balloon) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='q35'>hvm</type><kernel>" + g.kernel() + "</kernel>"
                + "<initrd>" + g.initrd() + "</initrd><cmdline>console=ttyS0 quiet</cmdline></os>"
                + "<features><acpi/></features><devices><emulator>" + QemuTestSupport.QEMU + "</emulator>"
                + "<serial type='file'><source path='" + console + "'/></serial>" + balloon + "</devices></domain>";
    }

    private Map<MemoryStatTag, Long> waitStats(Domain d, java.util.function.Predicate<Map<MemoryStatTag, Long>> ok)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<MemoryStatTag, Long> s = d.memoryStats();
        while (!ok.test(s) && System.nanoTime() < end) {
            Thread.sleep(200);
            s = d.memoryStats();
        }
        assertTrue(ok.test(s), "stats never matched: " + s);
        return s;
    }

    @Test
    void balloonStatsPeriodAndSetMemoryWithTheLinuxGuest() throws Exception {
        QemuTestSupport.requireQemu();
        QemuTestSupport.Guest g = QemuTestSupport.guest();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        Path console = root.resolve("console.log");
        Domain d = conn.defineDomain(linuxXml("bal", g, console,
                "<memballoon model='virtio'><stats period='1'/></memballoon>"));
        d.create();
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(d));
        assertTrue(QemuTestSupport.waitFor(console, "GUEST-READY", 1, Duration.ofSeconds(90)));
        String argv = String.join(" ", ProcessHandle.of(conn.unwrap(QemuFeatures.class).qemuPid(d)).get().info()
                .arguments().orElseThrow());
        // libvirt's balloon device, with the PCI address assigned at define
        assertTrue(argv.contains("{\"driver\":\"virtio-balloon-pci\",\"id\":\"balloon0\",\"bus\":"), argv);

        assertEquals(1, host().balloonWalks.get(), "the period was applied at start: one QOM walk");
        assertEquals(1, period(d), "period from <stats period='1'/>");

        // the guest's virtio_balloon driver reports: libvirt's tags, sizes in KiB
        Map<MemoryStatTag, Long> s = waitStats(d, m -> m.containsKey(MemoryStatTag.LAST_UPDATE));
        assertEquals(256 * 1024L, s.get(MemoryStatTag.ACTUAL_BALLOON));
        assertTrue(s.get(MemoryStatTag.AVAILABLE) > 128 * 1024 && s.get(MemoryStatTag.AVAILABLE) <= 256 * 1024, s.toString());
        assertTrue(s.get(MemoryStatTag.UNUSED) > 0 && s.get(MemoryStatTag.USABLE) > 0, s.toString());
        assertTrue(s.get(MemoryStatTag.RSS) > 0, s.toString());
        assertThrows(UnsupportedOperationException.class, () -> s.put(MemoryStatTag.RSS, 1L));
        long totalBefore = s.get(MemoryStatTag.AVAILABLE);

        // setMemory on the running guest goes through the balloon; the guest gives memory back
        d.setMemory(160 * 1024, EnumSet.of(DomainMemoryFlag.LIVE));
        Map<MemoryStatTag, Long> s2 = waitStats(d, m -> m.get(MemoryStatTag.ACTUAL_BALLOON) == 160 * 1024L
                && m.getOrDefault(MemoryStatTag.AVAILABLE, Long.MAX_VALUE) < totalBefore - 64 * 1024);
        assertTrue(s2.get(MemoryStatTag.AVAILABLE) < totalBefore, s2.toString());
        // the live currentMemory follows QEMU's BALLOON_CHANGE events (rate-limited to one a second)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (d.getInfo().memoryKiB() != 160 * 1024L && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertEquals(160 * 1024L, d.getInfo().memoryKiB());
        assertTrue(d.getXMLDesc().contains("<currentMemory unit='KiB'>163840</currentMemory>"), d.getXMLDesc());
        assertEquals(VirtException.class, assertThrows(VirtException.class,
                () -> d.setMemory(512 * 1024, EnumSet.of(DomainMemoryFlag.LIVE))).getClass());

        // the period changed at run time, live only
        d.setMemoryStatsPeriod(5, EnumSet.of(DomainModificationFlag.LIVE));
        assertEquals(5, period(d));
        assertTrue(d.getXMLDesc().contains("<stats period='5'/>"), d.getXMLDesc());
        assertTrue(d.getXMLDesc(EnumSet.of(DomainXmlFlag.INACTIVE)).contains("<stats period='1'/>"));
        assertEquals(1, host().balloonWalks.get(), "the cached path is reused");
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class,
                () -> d.setMemoryStatsPeriod(-1, EnumSet.noneOf(DomainModificationFlag.class))).code());
        d.setMemoryStatsPeriod(3, EnumSet.of(DomainModificationFlag.CONFIG));
        assertTrue(d.getXMLDesc(EnumSet.of(DomainXmlFlag.INACTIVE)).contains("<stats period='3'/>"));

        // a new driver instance reconnects: the run-time period survives (not set again from XML)
        String uri = conn.getURI();
        conn.close();
        QemuDriver.restartInstance(uri);
        conn = QemuTestSupport.open(root);
        Domain r = conn.lookupDomainByName("bal");
        assertTrue(r.isActive());
        assertEquals(0, host().balloonWalks.get(), "no walk on reconnect");
        assertEquals(5, period(r), "run-time period survived the reconnect");
        assertTrue(r.getXMLDesc().contains("<stats period='5'/>"), r.getXMLDesc());
        assertTrue(r.memoryStats().containsKey(MemoryStatTag.LAST_UPDATE));
        r.memoryStats();
        assertEquals(1, host().balloonWalks.get(), "one walk for this instance, then cached");
    }

    @Test
    void withoutGuestDriverOrWithoutBalloon() throws Exception {
        QemuTestSupport.requireQemu();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        // firmware only: a balloon device but no guest driver -> no guest statistics, not zeros
        Domain fw = conn.defineDomain(QemuTestSupport.firmwareXml("fw", UUID.randomUUID()));
        assertTrue(fw.getXMLDesc().contains("<memballoon model='virtio'"), "libvirt's default balloon on x86");
        fw.create();
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(fw));
        fw.setMemoryStatsPeriod(2, EnumSet.of(DomainModificationFlag.LIVE));
        assertEquals(2, period(fw));
        Map<MemoryStatTag, Long> s = fw.memoryStats();
        assertEquals(64 * 1024L, s.get(MemoryStatTag.ACTUAL_BALLOON), s.toString());
        assertFalse(s.containsKey(MemoryStatTag.LAST_UPDATE), "QEMU says last-update 0: " + s);
        assertFalse(s.containsKey(MemoryStatTag.AVAILABLE), s.toString());
        assertTrue(s.containsKey(MemoryStatTag.RSS));

        // no balloon at all: a search finds nothing and is remembered (no second walk)
        String xml = QemuTestSupport.firmwareXml("nob", UUID.randomUUID())
                .replace("</devices>", "<memballoon model='none'/></devices>");
        Domain nob = conn.createDomain(xml, EnumSet.noneOf(org.jvirt.api.DomainCreateFlag.class));
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(nob));
        DomainObj o = host().require(nob.getUUID(), "nob");
        int walks = host().balloonWalks.get();
        assertEquals(Optional.empty(), host().balloonPath(o, o.monitor));
        assertEquals(Optional.empty(), host().balloonPath(o, o.monitor));
        assertEquals(walks + 1, host().balloonWalks.get(), "one walk, the absence is cached");
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class,
                () -> nob.setMemory(32 * 1024, EnumSet.of(DomainMemoryFlag.LIVE))).code());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class,
                () -> nob.setMemoryStatsPeriod(1, EnumSet.of(DomainModificationFlag.LIVE))).code());
        Map<MemoryStatTag, Long> ns = nob.memoryStats();
        assertEquals(64 * 1024L, ns.get(MemoryStatTag.ACTUAL_BALLOON));
        assertFalse(ns.containsKey(MemoryStatTag.LAST_UPDATE));
        assertEquals(walks + 1, host().balloonWalks.get());
    }

    @Test
    void configOnlyVcpusAndMemory() throws Exception {
        QemuTestSupport.requireQemu();
        root = QemuTestSupport.newRoot();
        conn = QemuTestSupport.open(root);
        Domain d = conn.defineDomain(QemuTestSupport.firmwareXml("cfg", UUID.randomUUID()));
        d.setVcpus(4, EnumSet.of(DomainVcpuFlag.CONFIG, DomainVcpuFlag.MAXIMUM));
        d.setVcpus(2, EnumSet.of(DomainVcpuFlag.CONFIG));
        assertEquals(4, d.getVcpus(EnumSet.of(DomainVcpuFlag.CONFIG, DomainVcpuFlag.MAXIMUM)));
        assertEquals(2, d.getVcpus(EnumSet.of(DomainVcpuFlag.CONFIG)));
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class,
                () -> d.setVcpus(5, EnumSet.of(DomainVcpuFlag.CONFIG))).code());
        d.setMemory(128 * 1024, EnumSet.of(DomainMemoryFlag.CONFIG, DomainMemoryFlag.MAXIMUM));
        d.setMemory(96 * 1024, EnumSet.noneOf(DomainMemoryFlag.class));
        assertEquals(128 * 1024L, d.getInfo().maxMemoryKiB());
        assertEquals(96 * 1024L, d.getInfo().memoryKiB());
        String xml = d.getXMLDesc(EnumSet.of(DomainXmlFlag.INACTIVE));
        assertTrue(xml.contains("<vcpu placement='static' current='2'>4</vcpu>") || xml.contains("current='2'"), xml);
        // survives a new driver instance (written to the config file)
        String uri = conn.getURI();
        conn.close();
        QemuDriver.restartInstance(uri);
        conn = QemuTestSupport.open(root);
        Domain r = conn.lookupDomainByName("cfg");
        assertEquals(2, r.getVcpus(EnumSet.of(DomainVcpuFlag.CONFIG)));
        assertEquals(96 * 1024L, r.getInfo().memoryKiB());
        r.create();
        QemuTestSupport.track(conn.unwrap(QemuFeatures.class).qemuPid(r));
        String argv = String.join(" ", ProcessHandle.of(conn.unwrap(QemuFeatures.class).qemuPid(r)).get().info()
                .arguments().orElseThrow());
        assertTrue(argv.contains("-smp 2,maxcpus=4"), argv);
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, assertThrows(VirtException.class,
                () -> r.setVcpus(3, EnumSet.of(DomainVcpuFlag.LIVE))).code());
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class,
                () -> r.setMemory(256 * 1024, EnumSet.of(DomainMemoryFlag.LIVE, DomainMemoryFlag.MAXIMUM))).code());
    }
}
