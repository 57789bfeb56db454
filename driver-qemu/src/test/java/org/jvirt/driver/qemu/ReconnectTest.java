package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.VirtException;

/**
 * A driver in a child JVM starts guests and is killed with SIGKILL; a new driver instance on the
 * same root finds every guest running (same QEMU pids: nothing restarted), reattaches to the
 * monitors and manages them.
 */
class ReconnectTest {
    private Path root;
    private Process child;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private Connect conn;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (conn != null) {
            conn.close();
        }
        pids.values().forEach(QemuTestSupport::track);
        QemuTestSupport.killAll();
        if (root != null) {
            QemuTestSupport.killQemusUnder(root);
        }
    }

    @Test
    void newDriverInstanceReattachesToGuestsOfAKilledOne() throws Exception {
        QemuTestSupport.requireQemu();
        root = QemuTestSupport.newRoot();
        List<String> cp = new ArrayList<>();
        for (String prop : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(prop);
            if (v != null && !v.isEmpty()) {
                cp.add(v);
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, cp),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ReconnectChild.class.getName(), root.toString(), "3")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Integer> ids = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("READY")) {
                String[] f = line.split(" ");
                if (f[0].equals("GUEST")) {
                    pids.put(f[1], QemuTestSupport.track(Long.parseLong(f[2])));
                    ids.put(f[1], Integer.parseInt(f[3]));
                }
            }
            assertEquals("READY", line, "child driver did not start its guests");
        }
        assertEquals(3, pids.size());
        child.destroyForcibly(); // SIGKILL: no chance to clean up
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        for (long pid : pids.values()) {
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "QEMU " + pid + " survived");
        }

        conn = QemuTestSupport.open(root);
        QemuFeatures qf = conn.unwrap(QemuFeatures.class);
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            Domain d = conn.lookupDomainByName(e.getKey());
            assertTrue(d.isActive(), e.getKey());
            assertEquals(e.getValue(), qf.qemuPid(d), "same QEMU, not restarted: " + e.getKey());
            assertEquals(ids.get(e.getKey()), d.getID(), "same id");
            assertTrue(d.getXMLDesc().contains("id='" + d.getID() + "'"));
        }
        assertFalse(conn.lookupDomainByName("rc0").isPersistent(), "transient stays transient");
        assertTrue(conn.lookupDomainByName("rc1").isPersistent());
        assertEquals(DomainStateReason.RUNNING_BOOTED, conn.lookupDomainByName("rc1").getState().reason());
        assertEquals(DomainStateReason.PAUSED_USER, conn.lookupDomainByName("rc2").getState().reason());
        String st = qf.qemuMonitorCommand(conn.lookupDomainByName("rc2"), "{\"execute\":\"query-status\"}");
        assertTrue(st.contains("prelaunch"), st);

        // the monitors work and events flow again
        BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        conn.addDomainEventListener(events::add);
        Domain rc1 = conn.lookupDomainByName("rc1");
        rc1.suspend();
        assertEquals(DomainStateReason.PAUSED_USER, rc1.getState().reason());
        rc1.resume();
        conn.lookupDomainByName("rc2").resume();
        assertEquals(DomainState.RUNNING, conn.lookupDomainByName("rc2").getState().state());
        events.clear();
        ProcessHandle.of(pids.get("rc1")).orElseThrow().destroyForcibly();
        DomainEvent ev = events.poll(20, TimeUnit.SECONDS);
        assertNotNull(ev, "crash of a reconnected guest noticed");
        assertEquals(DomainEventType.STOPPED, ev.type());
        assertEquals(DomainStateReason.SHUTOFF_CRASHED, rc1.getState().reason());

        // new guests get fresh ids
        rc1.create();
        QemuTestSupport.track(qf.qemuPid(rc1));
        assertTrue(rc1.getID() > ids.values().stream().mapToInt(Integer::intValue).max().orElse(0));

        for (String name : List.of("rc0", "rc1", "rc2")) {
            Domain d = conn.lookupDomainByName(name);
            long pid = qf.qemuPid(d);
            d.destroy();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), name);
        }
        assertTrue(conn.findDomainByName("rc0").isEmpty(), "transient gone after destroy");
        try {
            conn.lookupDomainByName("rc1").destroy();
        } catch (VirtException expected) {
            // not running any more
        }
    }
}
