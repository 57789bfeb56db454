package org.jvirt.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvirt.testing.libvirt.Libvirtd;

/**
 * The same real virsh and python3-libvirt sessions against jvirtd and against a throwaway libvirtd
 * (both on test:///default, over the UNIX socket and over TCP): the outputs must be identical.
 */
class ParityTest {
    private static JvirtdProcess jvirtd;
    private static Libvirtd libvirtd;
    private static Path xml;

    @BeforeAll
    static void start() throws Exception {
        libvirtd = Libvirtd.start();
        jvirtd = JvirtdProcess.start();
        xml = Files.createTempFile("demo", ".xml");
        Files.writeString(xml, "<domain type='test'><name>demo3</name><uuid>32e59a53-3852-4960-8b78-faa43056c6ea</uuid><memory unit='KiB'>131072</memory>"
                + "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>");
    }

    @AfterAll
    static void stop() throws Exception {
        if (jvirtd != null) {
            jvirtd.close();
        }
        if (libvirtd != null) {
            libvirtd.close();
        }
        if (xml != null) {
            Files.deleteIfExists(xml);
        }
    }

    /** CPU time is a clock; nothing else may differ. */
    private static String normalize(String s) {
        return s.replaceAll("(CPU time:\\s+)\\S+", "$1X")
                .replaceAll("test\\+tcp://127\\.0\\.0\\.1:\\d+/default", "test+tcp://HOST/default")
                .replaceAll("socket=\\S+", "socket=SOCKET");
    }

    private static void assertSame(Peers.Result want, Peers.Result got) {
        String w = normalize(want.out());
        String g = normalize(got.out());
        if (!w.equals(g)) {
            StringBuilder diff = new StringBuilder();
            String[] a = w.split("\n", -1);
            String[] b = g.split("\n", -1);
            for (int i = 0; i < Math.max(a.length, b.length); i++) {
                String x = i < a.length ? a[i] : "<none>";
                String y = i < b.length ? b[i] : "<none>";
                if (!x.equals(y)) {
                    diff.append("line ").append(i + 1).append("\n  libvirtd: ").append(x).append("\n  jvirtd:   ")
                            .append(y).append('\n');
                    if (diff.length() > 3000) {
                        break;
                    }
                }
            }
            assertEquals(w, g, "stdout differs:\n" + diff + "stderr libvirtd: " + want.err() + "\nstderr jvirtd: "
                    + got.err());
        }
        assertEquals(normalize(want.err()), normalize(got.err()), "stderr differs; libvirtd: " + want + "\njvirtd: " + got);
        assertEquals(want.exit(), got.exit(), "exit differs; libvirtd: " + want + "\njvirtd: " + got);
    }

    static final String LIFECYCLE = "list --all; dominfo test; dumpxml test; domstate test --reason; "
            + "define %s; list --all; start demo3; list; domid demo3; domstate demo3 --reason; dominfo demo3; "
            + "suspend demo3; domstate demo3 --reason; resume demo3; dumpxml demo3; dumpxml --inactive demo3; "
            + "setmem demo3 65536 --live; destroy demo3; domstate demo3 --reason; "
            + "autostart demo3; dominfo demo3; undefine demo3; list --all; "
            + "nodeinfo; hostname; uri; capabilities";

    static final String STORAGE = "pool-list --all --details; pool-info default-pool; pool-dumpxml default-pool; "
            + "vol-create-as default-pool v1.img 1M; vol-list default-pool --details; vol-info v1.img --pool default-pool; "
            + "vol-dumpxml v1.img --pool default-pool; vol-path v1.img --pool default-pool; vol-key v1.img --pool default-pool; "
            + "vol-delete v1.img --pool default-pool; vol-list default-pool; pool-destroy default-pool; pool-list --all; "
            + "pool-start default-pool; pool-autostart default-pool; pool-info default-pool; "
            + "net-list --all; net-info default; net-dumpxml default; net-destroy default; net-list --all; "
            + "net-start default; net-list";

    @Test
    void virshLifecycleOverUnix() throws Exception {
        String cmds = String.format(LIFECYCLE, xml);
        assertSame(Peers.virsh(libvirtd.unixUri(""), cmds), Peers.virsh(jvirtd.unixUri(), cmds));
    }

    @Test
    void virshLifecycleOverTcp() throws Exception {
        String cmds = String.format(LIFECYCLE, xml);
        assertSame(Peers.virsh(libvirtd.tcpUri(), cmds), Peers.virsh(jvirtd.tcpUri(), cmds));
    }

    @Test
    void virshPoolsVolumesNetworks() throws Exception {
        assertSame(Peers.virsh(libvirtd.unixUri(""), STORAGE), Peers.virsh(jvirtd.unixUri(), STORAGE));
    }

    @Test
    void virshErrors() throws Exception {
        String cmds = "dominfo nosuch; start test; undefine nosuch; vol-info nosuch --pool default-pool; "
                + "pool-info nosuch; net-info nosuch; define /nonexistent.xml; list --all";
        assertSame(Peers.virsh(libvirtd.unixUri(""), cmds), Peers.virsh(jvirtd.unixUri(), cmds));
    }

    @Test
    void readOnlySocketRefusesMutations() throws Exception {
        String cmds = "list --all; dumpxml test; define " + xml + "; destroy test; suspend test; "
                + "vol-create-as default-pool x 1M; pool-destroy default-pool; net-destroy default; list --all";
        Peers.Result want = Peers.virshRo("test+unix:///default?socket=" + libvirtd.roSocket(), cmds);
        Peers.Result got = Peers.virshRo(jvirtd.roUri(), cmds);
        assertSame(want, got);
        assertTrue(got.err().contains("operation forbidden: read only access prevents virDomainDefineXML"), got.err());
        // Without -r on the read-only socket: still read-only.
        assertSame(Peers.virsh("test+unix:///default?socket=" + libvirtd.roSocket(), "destroy test"),
                Peers.virsh(jvirtd.roUri(), "destroy test"));
    }

    static final String PY = """
            import sys, threading, time, libvirt
            libvirt.virEventRegisterDefaultImpl()
            def loop():
                while True:
                    libvirt.virEventRunDefaultImpl()
            threading.Thread(target=loop, daemon=True).start()
            c = libvirt.open(sys.argv[1])
            events = []
            def cb(conn, dom, event, detail, opaque):
                events.append((dom.name(), event, detail))
            cid = c.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, cb, None)
            print(c.getType(), c.getHostname() != '', c.getMaxVcpus(None), c.getInfo()[:3])
            print(sorted(d.name() for d in c.listAllDomains()))
            d = c.defineXML(open(sys.argv[2]).read())
            print(d.name(), d.ID(), d.isActive(), d.isPersistent(), d.info()[0], d.state())
            d.create()
            print(d.ID() > 0, d.isActive(), d.state(), d.info()[:4])
            d.suspend(); print(d.state()); d.resume(); print(d.state())
            print(d.XMLDesc(0) == c.lookupByName('demo3').XMLDesc(0))
            print(c.lookupByUUIDString(d.UUIDString()).name())
            d.destroy(); print(d.state(), d.ID())
            d.undefine()
            try:
                c.lookupByName('demo3')
            except libvirt.libvirtError as e:
                print('error', e.get_error_code(), e.get_error_domain(), e.get_error_message())
            p = c.storagePoolLookupByName('default-pool')
            print(p.info()[0], p.isActive(), p.autostart(), [v.name() for v in p.listAllVolumes()])
            v = p.createXML("<volume><name>py.img</name><capacity>1048576</capacity></volume>", 0)
            print(v.name(), v.path(), v.key(), v.info())
            print(c.storageVolLookupByPath(v.path()).name(), v.storagePoolLookupByVolume().name())
            v.delete(0)
            print(p.numOfVolumes(), p.listVolumes())
            print(c.numOfDomains(), c.listDomainsID(), c.numOfDefinedDomains(), c.listDefinedDomains())
            print([n.name() for n in c.listAllNetworks()], c.networkLookupByName('default').bridgeName())
            deadline = time.time() + 5
            while len(events) < 6 and time.time() < deadline:
                time.sleep(0.05)
            for e in events:
                print('event', e)
            c.domainEventDeregisterAny(cid)
            c.close()
            """;

    @Test
    void pythonSessionWithEvents() throws Exception {
        Peers.Result want = Peers.python(PY, libvirtd.unixUri(""), xml.toString());
        Peers.Result got = Peers.python(PY, jvirtd.unixUri(), xml.toString());
        assertSame(want, got);
        assertTrue(got.out().contains("event ('demo3', 0, 0)"), got.out());
    }

    @Test
    void pythonOverTcp() throws Exception {
        Peers.Result want = Peers.python(PY, libvirtd.tcpUri(), xml.toString());
        Peers.Result got = Peers.python(PY, jvirtd.tcpUri(), xml.toString());
        assertSame(want, got);
    }
}
