package org.jvirt.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;
import org.jvirt.core.Virt;
import org.jvirt.spi.MigrationV3;

/**
 * Migration between two hosts over libvirt's protocol: two network namespaces made by this test
 * (a veth pair 10.77.0.1 ↔ 10.77.0.2, loopback up; nothing else), each running jvirtd (a separate
 * JVM from this module's own module path, as the distribution runs it) with the QEMU driver on its
 * own embed root, listening on tcp with auth none. This JVM is the client: it reaches each daemon on
 * its UNIX socket (a path in the shared file system), defines and boots the TCG test guest on the
 * source, and migrates it peer to peer: the source jvirtd opens {@code qemu+tcp://10.77.0.2/system}
 * itself and the QEMUs stream to each other across the veth. The guest's OS proves it runs at the
 * destination by answering the ACPI power button there. Namespaces, daemons and QEMUs are removed by
 * name and pid afterwards, on failure too. Needs root and iproute2: skipped otherwise, but fails
 * under {@code CI=true}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MigrationNetnsTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static final String SRC_ADDR = "10.77.0.1";
    private static final String DST_ADDR = "10.77.0.2";
    private static final String DST_URI = "qemu+tcp://" + DST_ADDR + "/system";
    /** libvirt's lifecycle event details ({@code virDomainEvent*DetailType}). */
    private static final int SUSPENDED_POSTCOPY = 7;
    private static final int RESUMED_POSTCOPY = 3;
    private static final int STARTED_MIGRATED = 1;
    private static final int STOPPED_MIGRATED = 3;
    private static final int SHUTDOWN_GUEST = 1;

    private static Path base;
    private static Host src;
    private static Host dst;
    private static Path kernel;
    private static Path initrd;
    private static final List<String> NAMESPACES = new ArrayList<>();
    private static String vethA;

    private Connect s;
    private Connect d;
    private final BlockingQueue<DomainEvent> srcEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<DomainEvent> dstEvents = new LinkedBlockingQueue<>();

    /** One "host": a namespace, its jvirtd and its directories. */
    record Host(String ns, String addr, Path dir, Process daemon, Path log) {
        Path socket() {
            return dir.resolve("run/libvirt-sock");
        }

        Path root() {
            return dir.resolve("root");
        }

        String uri() {
            return "qemu+unix:///system?socket=" + socket();
        }
    }

    @BeforeAll
    static void hosts() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        String why = null;
        if (!Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
            why = "needs root (network namespaces)";
        } else if (!Files.isExecutable(Path.of("/usr/sbin/ip")) && !Files.isExecutable(Path.of("/sbin/ip"))
                && !Files.isExecutable(Path.of("/usr/bin/ip"))) {
            why = "needs iproute2 (ip)";
        } else if (!Files.isExecutable(QEMU)) {
            why = "needs " + QEMU;
        }
        if (why != null) {
            if (ci) {
                fail("MigrationNetnsTest " + why + " and CI is set");
            }
            Assumptions.abort(why);
        }
        guest();
        base = Files.createTempDirectory(Path.of("/tmp"), "jvm-mig-");
        long id = ProcessHandle.current().pid();
        String nsSrc = "jvirt-mig-src-" + id;
        String nsDst = "jvirt-mig-dst-" + id;
        vethA = "jvm" + (id % 100000) + "a";
        String vethB = "jvm" + (id % 100000) + "b";
        run("ip", "netns", "add", nsSrc);
        NAMESPACES.add(nsSrc);
        run("ip", "netns", "add", nsDst);
        NAMESPACES.add(nsDst);
        run("ip", "link", "add", vethA, "type", "veth", "peer", "name", vethB);
        run("ip", "link", "set", vethA, "netns", nsSrc);
        run("ip", "link", "set", vethB, "netns", nsDst);
        for (String[] side : new String[][] {{nsSrc, vethA, SRC_ADDR}, {nsDst, vethB, DST_ADDR}}) {
            run("ip", "-n", side[0], "addr", "add", side[2] + "/24", "dev", side[1]);
            run("ip", "-n", side[0], "link", "set", side[1], "up");
            run("ip", "-n", side[0], "link", "set", "lo", "up");
        }
        src = startDaemon(nsSrc, SRC_ADDR, base.resolve("src"));
        dst = startDaemon(nsDst, DST_ADDR, base.resolve("dst"));
    }

    /** The TCG test guest from driver-qemu's build script (cached in ~/.cache/jvirt/guest). */
    private static void guest() throws IOException, InterruptedException {
        String env = System.getenv("JVIRT_GUEST_DIR");
        Path dir = env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache/jvirt/guest");
        kernel = dir.resolve("vmlinux");
        initrd = dir.resolve("initrd.gz");
        if (!Files.isRegularFile(kernel) || !Files.isRegularFile(initrd)) {
            Path script = Path.of("../driver-qemu/src/test/guest/build-guest.sh");
            Process p = new ProcessBuilder("sh", script.toString(), dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                fail("cannot build the test guest with " + script);
            }
        }
    }

    private static Host startDaemon(String ns, String addr, Path dir) throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("root"));
        Path conf = dir.resolve("libvirtd.conf");
        Files.writeString(conf, String.join("\n",
                "unix_sock_dir = \"" + dir.resolve("run") + "\"",
                "auth_unix_rw = \"none\"",
                "listen_tcp = 1",
                "listen_tls = 0",
                "listen_addr = \"" + addr + "\"",
                "tcp_port = \"16509\"",
                "auth_tcp = \"none\"",
                "qemu_embed_root = \"" + dir.resolve("root") + "\"", ""));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath == null || modulePath.isEmpty()) {
            fail("no module path to launch jvirtd from (run through Maven's surefire)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("jvirtd.log");
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, java.toString(), "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-p", modulePath,
                "-m", "org.jvirt.daemon/org.jvirt.daemon.Jvirtd", "-f", conf.toString(), "-l")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Host h = new Host(ns, addr, dir, p, log);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(h.socket()) || !listening(ns)) {
            if (!p.isAlive() || System.nanoTime() > end) {
                fail("jvirtd in " + ns + " did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return h;
    }

    private static boolean listening(String ns) throws Exception {
        return run("ip", "netns", "exec", ns, "ss", "-ltn").contains(":16509");
    }

    @AfterAll
    static void removeHosts() throws Exception {
        for (Host h : new Host[] {src, dst}) {
            if (h != null) {
                h.daemon().destroy();
                if (!h.daemon().waitFor(20, TimeUnit.SECONDS)) {
                    h.daemon().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                System.out.println("---- jvirtd log of " + h.ns() + " (tail) ----\n" + tail(h.log(), 40));
            }
        }
        if (base != null) {
            killQemusUnder(base);
        }
        for (String ns : NAMESPACES) {
            // deleting a namespace also deletes the veth end inside it, and with it its peer
            runQuietly("ip", "netns", "delete", ns);
        }
        if (base != null) {
            try (Stream<Path> w = Files.walk(base)) {
                w.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Every QEMU whose command line names a path under {@code dir}, by pid. */
    private static void killQemusUnder(Path dir) {
        ProcessHandle.allProcesses()
                .filter(ph -> ph.info().commandLine().orElse("").contains(dir.toString())
                        && ph.info().command().orElse("").contains("qemu"))
                .forEach(ph -> {
                    ph.destroyForcibly();
                    ph.onExit().join();
                });
    }

    @BeforeEach
    void connect() {
        s = Virt.open(src.uri());
        d = Virt.open(dst.uri());
        s.addDomainEventListener(srcEvents::add);
        d.addDomainEventListener(dstEvents::add);
    }

    @AfterEach
    void disconnect() {
        for (Connect c : new Connect[] {s, d}) {
            if (c == null) {
                continue;
            }
            try {
                for (Domain x : c.listAllDomains()) {
                    if (x.isActive()) {
                        x.destroy();
                    }
                    if (x.isPersistent()) {
                        x.undefine();
                    }
                }
            } catch (VirtException e) {
                System.out.println("cleanup: " + e.getMessage());
            } finally {
                c.close();
            }
        }
    }

    private String xml(String name, UUID uuid, Host on) {
        return "<domain type='qemu'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='MiB'>192</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os>\n"
                + "    <type arch='x86_64' machine='q35'>hvm</type>\n"
                + "    <kernel>" + kernel + "</kernel>\n"
                + "    <initrd>" + initrd + "</initrd>\n"
                + "    <cmdline>console=ttyS0 quiet</cmdline>\n"
                + "  </os>\n"
                + "  <features><acpi/></features>\n"
                + "  <devices>\n"
                + "    <emulator>" + QEMU + "</emulator>\n"
                + "    <serial type='file'><source path='" + console(name, on) + "'/><target port='0'/></serial>\n"
                + "  </devices>\n"
                + "</domain>\n";
    }

    private static Path console(String name, Host on) {
        return on.dir().resolve(name + ".console");
    }

    /** Defines and boots the guest on the source daemon, waiting for its shell. */
    private Domain bootOnSource(String name, UUID uuid) throws Exception {
        Domain x = s.defineDomain(xml(name, uuid, src));
        x.create();
        Path console = console(name, src);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(console) || !Files.readString(console, StandardCharsets.ISO_8859_1)
                .contains("GUEST-READY")) {
            if (System.nanoTime() > end) {
                fail("guest did not boot: " + (Files.exists(console) ? Files.readString(console) : "no console"));
            }
            Thread.sleep(100);
        }
        return x;
    }

    /**
     * The guest OS answers the ACPI power button where {@code x} lives: the daemon reports SHUTDOWN
     * with detail "guest" (the OS powered off), proof that it runs there.
     */
    private static void assertGuestOsAnswers(Domain x, BlockingQueue<DomainEvent> events)
            throws InterruptedException {
        events.clear();
        x.shutdown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            DomainEvent e = events.poll(1, TimeUnit.SECONDS);
            if (e != null && e.type() == DomainEventType.SHUTDOWN && e.domain().getUUID().equals(x.getUUID())) {
                assertEquals(SHUTDOWN_GUEST, e.detail(), "the guest OS powered off: " + e);
                return;
            }
        }
        fail("the guest OS did not answer the power button at " + x.getConnect().getURI());
    }

    private static List<String> events(BlockingQueue<DomainEvent> q, String name) throws InterruptedException {
        Thread.sleep(500);
        List<DomainEvent> l = new ArrayList<>();
        q.drainTo(l);
        List<String> out = new ArrayList<>();
        for (DomainEvent e : l) {
            if (e.domain().getName().equals(name)) {
                out.add(e.type() + "/" + e.detail());
            }
        }
        return out;
    }

    @Test
    void precopyPeerToPeerMovesTheGuestToTheOtherHost() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain x = bootOnSource("pre", uuid);
        srcEvents.clear();
        x.migrateToURI(DST_URI, EnumSet.of(MigrateFlag.LIVE, MigrateFlag.PEER2PEER, MigrateFlag.PERSIST_DEST,
                MigrateFlag.UNDEFINE_SOURCE), MigrateParams.builder().destXml(xml("pre", uuid, dst)).build());

        Domain there = d.lookupDomainByUUID(uuid);
        assertTrue(there.isActive(), "running at the destination");
        assertEquals(DomainStateReason.RUNNING_MIGRATED, there.getState().reason());
        assertTrue(there.isPersistent(), "PERSIST_DEST");
        assertFalse(s.findDomainByUUID(uuid).isPresent(), "gone from the source (stopped, UNDEFINE_SOURCE)");
        List<String> se = events(srcEvents, "pre");
        assertTrue(se.contains(DomainEventType.STOPPED + "/" + STOPPED_MIGRATED), se.toString());
        List<String> de = events(dstEvents, "pre");
        assertTrue(de.contains(DomainEventType.STARTED + "/" + STARTED_MIGRATED), de.toString());
        assertTrue(Files.readString(src.log()).contains("postcopy-ram=false"),
                "the source set pre-copy capabilities");
        assertGuestOsAnswers(there, dstEvents);
    }

    @Test
    void postcopyWithPreemptSwitchedByTheClient() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain x = bootOnSource("post", uuid);
        srcEvents.clear();
        // slow pre-copy (4 MiB/s) so that the client's switch to post-copy comes long before it could finish
        MigrateParams p = MigrateParams.builder().destXml(xml("post", uuid, dst)).bandwidthMiBs(4).build();
        CompletableFuture<Void> mig = CompletableFuture.runAsync(() -> x.migrateToURI(DST_URI,
                EnumSet.of(MigrateFlag.LIVE, MigrateFlag.PEER2PEER, MigrateFlag.POSTCOPY), p));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean switched = false;
        while (!switched && !mig.isDone() && System.nanoTime() < end) {
            try {
                x.migrateStartPostCopy();
                switched = true;
            } catch (VirtException e) {
                // OPERATION_INVALID until the source's migration job exists
                assertEquals(ErrorCode.OPERATION_INVALID, e.code(), e.getMessage());
                Thread.sleep(100);
            }
        }
        assertTrue(switched, "post-copy requested while migrating; migration: " + (mig.isDone() ? "done" : "running"));
        mig.get(180, TimeUnit.SECONDS);

        Domain there = d.lookupDomainByUUID(uuid);
        assertTrue(there.isActive());
        assertEquals(DomainState.RUNNING, there.getState().state());
        assertFalse(there.isPersistent(), "no PERSIST_DEST");
        assertFalse(x.isActive(), "the source's guest stopped");
        assertTrue(x.isPersistent(), "the source keeps its definition (no UNDEFINE_SOURCE)");
        List<String> se = events(srcEvents, "post");
        assertTrue(se.contains(DomainEventType.SUSPENDED + "/" + SUSPENDED_POSTCOPY), "source paused for post-copy: "
                + se);
        List<String> de = events(dstEvents, "post");
        assertTrue(de.contains(DomainEventType.RESUMED + "/" + RESUMED_POSTCOPY),
                "destination ran in post-copy: " + de);
        String log = Files.readString(src.log());
        assertTrue(log.contains("postcopy-ram=true, postcopy-preempt=true"),
                "the source set post-copy with preempt on both QEMUs: " + tail(src.log(), 20));
        assertGuestOsAnswers(there, dstEvents);
    }

    @Test
    void failedMigrationsLeaveTheSourceRunning() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain x = bootOnSource("stay", uuid);
        Set<MigrateFlag> flags = EnumSet.of(MigrateFlag.LIVE, MigrateFlag.PEER2PEER);
        MigrateParams p = MigrateParams.builder().destXml(xml("stay", uuid, dst)).build();

        // no daemon at that port: the source's daemon cannot reach the destination
        VirtException e = assertThrows(VirtException.class,
                () -> x.migrateToURI("qemu+tcp://" + DST_ADDR + ":1/system", flags, p));
        assertTrue(e.getMessage().contains(DST_ADDR), e.getMessage());
        assertEquals(DomainState.RUNNING, x.getState().state());

        // the destination refuses in prepare: the XML is another guest
        VirtException e2 = assertThrows(VirtException.class, () -> x.migrateToURI(DST_URI, flags,
                MigrateParams.builder().destXml(xml("stay", UUID.randomUUID(), dst)).build()));
        assertEquals(ErrorCode.INVALID_ARG, e2.code(), e2.getMessage());
        assertTrue(e2.getMessage().contains("does not match source " + uuid), e2.getMessage());

        // the destination's QEMU cannot listen where asked (an address it does not have)
        VirtException e3 = assertThrows(VirtException.class, () -> x.migrateToURI(DST_URI, flags,
                p.toBuilder().migrateUri("tcp://" + SRC_ADDR).build()));
        System.out.println("failures as the client saw them:\n  " + e.getMessage() + "\n  " + e2.getMessage() + "\n  "
                + e3.getMessage());
        assertEquals(ErrorCode.OPERATION_FAILED, e3.code(), e3.getMessage());
        assertTrue(e3.getMessage().contains("cannot prepare incoming migration of stay"), e3.getMessage());

        assertEquals(DomainState.RUNNING, x.getState().state(), "the source keeps running");
        assertFalse(d.findDomainByUUID(uuid).isPresent(), "nothing left at the destination");
        assertGuestOsAnswers(x, srcEvents);
    }

    @Test
    void managedMigrationDrivenByTheClient() throws Exception {
        UUID uuid = UUID.randomUUID();
        Domain x = bootOnSource("mgd", uuid);
        // the client runs begin and perform on the source, prepare and finish on the destination;
        // the stream goes where the destination listens (its veth address)
        Domain there = x.migrate(d, EnumSet.of(MigrateFlag.LIVE), MigrateParams.builder()
                .destXml(xml("mgd", uuid, dst)).migrateUri("tcp://" + DST_ADDR).build());
        assertEquals(uuid, there.getUUID());
        assertEquals(d, there.getConnect());
        assertEquals(DomainStateReason.RUNNING_MIGRATED, there.getState().reason());
        assertEquals(DomainState.SHUTOFF, x.getState().state(), "stopped at the source");
        assertEquals(DomainStateReason.SHUTOFF_MIGRATED, x.getState().reason());
        assertGuestOsAnswers(there, dstEvents);
    }

    @Test
    void anIncomingGuestWhoseSourceWentAwayIsDiscarded() throws Exception {
        // a source that prepares at the destination and then vanishes (its connection closes without
        // finish): the destination's QEMU waiting for the stream must not stay behind
        UUID uuid = UUID.randomUUID();
        byte[] offer = ("jvirt-qemu-migration 1\nuuid=" + uuid + "\ncapabilities=events\n")
                .getBytes(StandardCharsets.UTF_8);
        try (Connect peer = Virt.open(dst.uri())) {
            MigrationV3.Prepared p = peer.unwrap(MigrationV3.class).prepare(MigrateParams.builder()
                    .destXml(xml("gone", uuid, dst)).migrateUri("tcp://" + DST_ADDR).build(), offer,
                    EnumSet.of(MigrateFlag.LIVE));
            assertTrue(p.uri().startsWith("tcp:" + DST_ADDR + ":"), p.uri());
            Domain incoming = d.lookupDomainByUUID(uuid);
            assertEquals(DomainStateReason.PAUSED_MIGRATION, incoming.getState().reason());
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (d.findDomainByUUID(uuid).isPresent() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertFalse(d.findDomainByUUID(uuid).isPresent(), "the incoming guest was discarded");
        assertFalse(ProcessHandle.allProcesses().anyMatch(ph -> ph.info().commandLine().orElse("")
                .contains(console("gone", dst).toString())), "its QEMU is gone");
    }

    @Test
    void virshMigratesPeerToPeerThenManagedBack() throws Exception {
        Path virsh = Path.of("/usr/bin/virsh");
        if (!Files.isExecutable(virsh)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("virsh not installed and CI is set");
            }
            Assumptions.abort("virsh not installed");
        }
        UUID uuid = UUID.randomUUID();
        bootOnSource("vsh", uuid);
        Path destXml = base.resolve("vsh-dest.xml");
        Files.writeString(destXml, xml("vsh", uuid, dst));
        // libvirt's own client: CONNECT_SUPPORTS_FEATURE (P2P, PARAMS), then PERFORM3_PARAMS with dconnuri
        Process p = new ProcessBuilder(virsh.toString(), "-c", src.uri(), "migrate", "--p2p", "--live",
                "--xml", destXml.toString(), "vsh", DST_URI).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "virsh migrate did not return");
        assertEquals(0, p.exitValue(), "virsh migrate: " + out);

        Domain there = d.lookupDomainByUUID(uuid);
        assertEquals(DomainStateReason.RUNNING_MIGRATED, there.getState().reason());
        assertEquals(DomainState.SHUTOFF, s.lookupDomainByUUID(uuid).getState().state(), "stopped at the source");
        // and virsh sees it there too
        Process l = new ProcessBuilder(virsh.toString(), "-c", dst.uri(), "domstate", "--reason", "vsh")
                .redirectErrorStream(true).start();
        String state = new String(l.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(l.waitFor(30, TimeUnit.SECONDS));
        assertEquals("running (migrated)", state);

        // and back, managed by virsh itself (begin/prepare/perform/finish/confirm on both daemons)
        Path backXml = base.resolve("vsh-back.xml");
        Files.writeString(backXml, xml("vsh", uuid, src));
        Process m = new ProcessBuilder(virsh.toString(), "-c", dst.uri(), "migrate", "--live", "--xml",
                backXml.toString(), "--migrateuri", "tcp://" + SRC_ADDR, "vsh", src.uri())
                .redirectErrorStream(true).start();
        String mout = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(m.waitFor(120, TimeUnit.SECONDS), "virsh migrate (managed) did not return");
        assertEquals(0, m.exitValue(), "virsh migrate (managed): " + mout);
        Domain back = s.lookupDomainByUUID(uuid);
        assertEquals(DomainStateReason.RUNNING_MIGRATED, back.getState().reason());
        assertFalse(d.findDomainByUUID(uuid).isPresent(), "left the destination (transient there)");
        assertGuestOsAnswers(back, srcEvents);
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    private static void runQuietly(String... cmd) {
        try {
            run(cmd);
        } catch (IOException | InterruptedException e) {
            System.out.println("cleanup: " + e.getMessage());
        }
    }

    private static String tail(Path f, int lines) {
        try {
            List<String> l = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
            return String.join("\n", l.subList(Math.max(0, l.size() - lines), l.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
