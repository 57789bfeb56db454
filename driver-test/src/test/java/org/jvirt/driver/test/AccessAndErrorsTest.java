package org.jvirt.driver.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainMemoryFlag;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/**
 * Read-only and closed connections, and error messages, each expectation observed on libvirt 9.0
 * (python3-libvirt: {@code get_error_code()}, {@code get_error_domain()}, {@code get_error_message()}).
 */
class AccessAndErrorsTest {
    static final String MIN = "<domain type='test'><name>%s</name><memory>1024</memory><os><type>hvm</type></os></domain>";
    static final String POOL = "<pool type='dir'><name>%s</name><uuid>%s</uuid><target><path>/p</path></target></pool>";
    static final String NET = "<network><name>%s</name><uuid>%s</uuid></network>";
    static final String VOL = "<volume><name>%s</name><capacity>1</capacity></volume>";
    static final UUID OTHER = UUID.fromString("11111111-2222-3333-4444-555555555555");

    Connect rw;

    static Connect open(String uri, boolean readOnly) {
        OpenResult r = new TestDriver().open(new OpenRequest(ConnectUri.parse(uri), readOnly, null, Map.of()));
        return ((OpenResult.Accepted) r).connect();
    }

    @BeforeEach
    void setUp() {
        rw = open("test:///default", false);
    }

    @AfterEach
    void tearDown() {
        rw.close();
    }

    static void err(ErrorCode code, ErrorDomain domain, String message, Runnable r) {
        VirtException e = assertThrows(VirtException.class, r::run, message);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(domain, e.domain(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    // ---- read-only ----

    @Test
    void readOnlyConnectionRefusesEveryChangeWithLibvirtsFunctionName() {
        Domain rwTest = rw.lookupDomainByName("test");
        rwTest.createSnapshot("<domainsnapshot><name>s1</name></domainsnapshot>", Set.of());
        rw.lookupStoragePoolByName("default-pool").createVolume(VOL.formatted("v"));
        try (Connect ro = open("test:///default", true)) {
            assertTrue(ro.isReadOnly());
            assertFalse(rw.isReadOnly());
            Domain d = ro.lookupDomainByName("test");
            DomainSnapshot s = d.lookupSnapshot("s1");
            StoragePool p = ro.lookupStoragePoolByName("default-pool");
            StorageVol v = p.lookupVolume("v");
            Network n = ro.lookupNetworkByName("default");
            String disk = "<disk type='file'><source file='/b'/><target dev='vdb'/></disk>";

            Map<String, Runnable> domainCalls = new LinkedHashMap<>();
            domainCalls.put("virDomainDefineXML", () -> ro.defineDomain(MIN.formatted("x")));
            domainCalls.put("virDomainDefineXMLFlags", () -> ro.defineDomain(MIN.formatted("x"), Set.of()));
            domainCalls.put("virDomainCreateXML", () -> ro.createDomain(MIN.formatted("x"), Set.of()));
            domainCalls.put("virDomainRestoreFlags", () -> ro.restoreDomain("/nonexistent", Set.of()));
            domainCalls.put("virDomainDestroy", d::destroy);
            domainCalls.put("virDomainSuspend", d::suspend);
            domainCalls.put("virDomainResume", d::resume);
            domainCalls.put("virDomainShutdown", d::shutdown);
            domainCalls.put("virDomainReboot", d::reboot);
            domainCalls.put("virDomainCreate", d::create);
            domainCalls.put("virDomainCreateWithFlags", () -> d.create(Set.of()));
            domainCalls.put("virDomainUndefine", d::undefine);
            domainCalls.put("virDomainUndefineFlags", () -> d.undefine(Set.of()));
            domainCalls.put("virDomainSetMemoryFlags", () -> d.setMemory(1024, Set.of()));
            domainCalls.put("virDomainSetMaxMemory", () -> d.setMaxMemory(1024));
            domainCalls.put("virDomainSetVcpusFlags", () -> d.setVcpus(1, Set.of()));
            domainCalls.put("virDomainAttachDeviceFlags", () -> d.attachDevice(disk, Set.of()));
            domainCalls.put("virDomainDetachDeviceFlags", () -> d.detachDevice(disk, Set.of()));
            domainCalls.put("virDomainUpdateDeviceFlags", () -> d.updateDevice(disk, Set.of()));
            domainCalls.put("virDomainSaveFlags", () -> d.save("/nonexistent/x", Set.of()));
            domainCalls.put("virDomainManagedSave", () -> d.managedSave(Set.of()));
            domainCalls.put("virDomainManagedSaveRemove", d::managedSaveRemove);
            domainCalls.put("virDomainSetAutostart", () -> d.setAutostart(true));
            domainCalls.forEach((fn, call) -> err(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                    "operation forbidden: read only access prevents " + fn, call));

            Map<String, Runnable> snapCalls = new LinkedHashMap<>();
            snapCalls.put("virDomainSnapshotCreateXML", () -> d.createSnapshot("<domainsnapshot/>", Set.of()));
            snapCalls.put("virDomainRevertToSnapshot", () -> s.revert(Set.of()));
            snapCalls.put("virDomainSnapshotDelete", () -> s.delete(Set.of()));
            snapCalls.forEach((fn, call) -> err(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN_SNAPSHOT,
                    "operation forbidden: read only access prevents " + fn, call));

            Map<String, Runnable> storageCalls = new LinkedHashMap<>();
            storageCalls.put("virStoragePoolDefineXML", () -> ro.defineStoragePool(POOL.formatted("p", OTHER)));
            storageCalls.put("virStoragePoolCreateXML", () -> ro.createStoragePool(POOL.formatted("p", OTHER)));
            storageCalls.put("virStoragePoolCreate", p::create);
            storageCalls.put("virStoragePoolDestroy", p::destroy);
            storageCalls.put("virStoragePoolUndefine", p::undefine);
            storageCalls.put("virStoragePoolBuild", p::build);
            storageCalls.put("virStoragePoolRefresh", p::refresh);
            storageCalls.put("virStoragePoolSetAutostart", () -> p.setAutostart(true));
            storageCalls.put("virStorageVolCreateXML", () -> p.createVolume(VOL.formatted("w")));
            storageCalls.put("virStorageVolDelete", v::delete);
            storageCalls.forEach((fn, call) -> err(ErrorCode.OPERATION_DENIED, ErrorDomain.STORAGE,
                    "operation forbidden: read only access prevents " + fn, call));

            Map<String, Runnable> netCalls = new LinkedHashMap<>();
            netCalls.put("virNetworkDefineXML", () -> ro.defineNetwork(NET.formatted("n", OTHER)));
            netCalls.put("virNetworkCreateXML", () -> ro.createNetwork(NET.formatted("n", OTHER)));
            netCalls.put("virNetworkCreate", n::create);
            netCalls.put("virNetworkDestroy", n::destroy);
            netCalls.put("virNetworkUndefine", n::undefine);
            netCalls.put("virNetworkSetAutostart", () -> n.setAutostart(true));
            netCalls.forEach((fn, call) -> err(ErrorCode.OPERATION_DENIED, ErrorDomain.NETWORK,
                    "operation forbidden: read only access prevents " + fn, call));

            // SECURE XML needs a writable connection; the plain XML does not
            err(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                    "operation forbidden: virDomainGetXMLDesc with secure flag",
                    () -> d.getXMLDesc(EnumSet.of(DomainXmlFlag.SECURE)));
            err(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN_SNAPSHOT,
                    "operation forbidden: virDomainSnapshotGetXMLDesc with secure flag",
                    () -> s.getXMLDesc(EnumSet.of(DomainXmlFlag.SECURE)));

            // reads work, and nothing changed
            assertEquals(DomainState.RUNNING, d.getState().state());
            assertEquals(2, d.getInfo().vcpus());
            assertFalse(d.getXMLDesc().isEmpty());
            assertFalse(d.getAutostart());
            assertFalse(d.hasManagedSaveImage());
            assertEquals(1, d.listAllSnapshots(Set.of()).size());
            assertTrue(s.isCurrent());
            assertTrue(p.isActive());
            assertEquals(1, p.listAllVolumes().size());
            assertEquals(1, v.getInfo().capacity());
            assertEquals("virbr0", n.getBridgeName());
            assertTrue(n.isActive());
            assertEquals(1, ro.listAllDomains().size());
            assertFalse(ro.getCapabilities().isEmpty());
            assertTrue(ro.findDomainByName("x").isEmpty());
            assertTrue(ro.findStoragePoolByName("p").isEmpty());
            assertTrue(ro.findNetworkByName("n").isEmpty());
            ro.addDomainEventListener(e -> { }).close();
        }
    }

    @Test
    void readOnlyCheckComesBeforeArgumentChecks() {
        try (Connect ro = open("test:///default", true)) {
            // libvirt checks read-only in the public API, before the driver sees bad XML or flags
            err(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                    "operation forbidden: read only access prevents virDomainDefineXML", () -> ro.defineDomain("<bad"));
            err(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                    "operation forbidden: read only access prevents virDomainSetMemoryFlags",
                    () -> ro.lookupDomainByName("test").setMemory(1,
                            EnumSet.of(DomainMemoryFlag.LIVE, DomainMemoryFlag.CONFIG)));
        }
    }

    // ---- closed ----

    @Test
    void closedConnectionFailsWithInvalidConnAndLeavesOthersAlone() {
        Connect c2 = open("test:///default", false);
        Domain d = c2.lookupDomainByName("test");
        DomainSnapshot s = d.createSnapshot("<domainsnapshot><name>s1</name></domainsnapshot>", Set.of());
        StoragePool p = c2.lookupStoragePoolByName("default-pool");
        StorageVol v = p.createVolume(VOL.formatted("v"));
        Network n = c2.lookupNetworkByName("default");
        assertTrue(c2.isAlive());
        c2.close();
        assertFalse(c2.isAlive());
        c2.close(); // idempotent

        Map<String, Runnable> domainCalls = new LinkedHashMap<>();
        domainCalls.put("virConnectListAllDomains", c2::listAllDomains);
        domainCalls.put("virDomainLookupByName", () -> c2.lookupDomainByName("test"));
        domainCalls.put("virDomainLookupByUUID", () -> c2.findDomainByUUID(OTHER));
        domainCalls.put("virDomainDefineXML", () -> c2.defineDomain(MIN.formatted("x")));
        domainCalls.put("virConnectGetCapabilities", c2::getCapabilities);
        domainCalls.put("virNodeGetInfo", c2::getNodeInfo);
        domainCalls.put("virDomainGetInfo", d::getInfo);
        domainCalls.put("virDomainGetXMLDesc", d::getXMLDesc);
        domainCalls.put("virDomainDestroy", d::destroy);
        domainCalls.put("virDomainIsActive", d::isActive);
        domainCalls.forEach((fn, call) -> err(ErrorCode.INVALID_CONN, ErrorDomain.DOMAIN,
                "invalid connection pointer in " + fn, call));
        err(ErrorCode.INVALID_CONN, ErrorDomain.DOMAIN_SNAPSHOT,
                "invalid connection pointer in virDomainSnapshotIsCurrent", s::isCurrent);
        err(ErrorCode.INVALID_CONN, ErrorDomain.STORAGE,
                "invalid connection pointer in virStoragePoolGetInfo", p::getInfo);
        err(ErrorCode.INVALID_CONN, ErrorDomain.STORAGE,
                "invalid connection pointer in virStorageVolGetInfo", v::getInfo);
        err(ErrorCode.INVALID_CONN, ErrorDomain.STORAGE,
                "invalid connection pointer in virConnectListAllStoragePools", () -> c2.listAllStoragePools(Set.of()));
        err(ErrorCode.INVALID_CONN, ErrorDomain.NETWORK,
                "invalid connection pointer in virNetworkIsActive", n::isActive);
        // handles keep their identity
        assertEquals("test", d.getName());

        // the shared default host lives on for the other connection, with c2's changes
        assertTrue(rw.isAlive());
        Domain mine = rw.lookupDomainByName("test");
        assertTrue(mine.isActive());
        assertEquals("s1", mine.currentSnapshot().orElseThrow().getName());
        assertEquals(1, rw.lookupStoragePoolByName("default-pool").listAllVolumes().size());
    }

    // ---- messages ----

    @Test
    void defineClashesAsLibvirt() {
        String uuid = "6695eb01-f6a4-8304-79aa-97f2502e193f";
        String withUuid = "<domain type='test'><name>%s</name><uuid>%s</uuid><memory>1024</memory>"
                + "<os><type>hvm</type></os></domain>";
        String dupUuid = "operation failed: domain 'test' is already defined with uuid " + uuid;
        String dupName = "operation failed: domain 'test' already exists with uuid " + uuid;
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, dupUuid,
                () -> rw.defineDomain(withUuid.formatted("other", uuid)));
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, dupName,
                () -> rw.defineDomain(withUuid.formatted("test", OTHER)));
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, dupUuid,
                () -> rw.createDomain(withUuid.formatted("other", uuid), Set.of()));
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, dupName,
                () -> rw.createDomain(withUuid.formatted("test", OTHER), Set.of()));
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "Requested operation is not valid: domain 'test' is already active",
                () -> rw.createDomain(withUuid.formatted("test", uuid), Set.of()));
    }

    @Test
    void lookupsOfMissingObjectsAsLibvirt() {
        err(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "Domain not found", () -> rw.lookupDomainByName("nope"));
        err(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "Domain not found", () -> rw.lookupDomainByUUID(OTHER));
        err(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "Domain not found", () -> rw.lookupDomainById(99));
        err(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST,
                "Storage pool not found: no storage pool with matching name 'nope'", () -> rw.lookupStoragePoolByName("nope"));
        err(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST,
                "Storage pool not found: no storage pool with matching uuid '" + OTHER + "'",
                () -> rw.lookupStoragePoolByUUID(OTHER));
        err(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                "Storage volume not found: no storage vol with matching name 'nope'",
                () -> rw.lookupStoragePoolByName("default-pool").lookupVolume("nope"));
        err(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                "Storage volume not found: no storage vol with matching path '/nope'",
                () -> rw.lookupStorageVolByPath("/nope"));
        err(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                "Network not found: no network with matching name 'nope'", () -> rw.lookupNetworkByName("nope"));
        err(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                "Network not found: no network with matching uuid '" + OTHER + "'", () -> rw.lookupNetworkByUUID(OTHER));
        err(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.TEST,
                "Domain snapshot not found: no domain snapshot with matching name 'nope'",
                () -> rw.lookupDomainByName("test").lookupSnapshot("nope"));
    }

    @Test
    void poolAndNetworkStateErrorsAsLibvirt() {
        StoragePool p = rw.lookupStoragePoolByName("default-pool");
        Network n = rw.lookupNetworkByName("default");
        String pu = p.getUUID().toString();
        String nu = n.getUUID().toString();
        String active = "Requested operation is not valid: storage pool 'default-pool' is active";
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, active, p::create);
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, active, p::build);
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, active, p::undefine);
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                "Requested operation is not valid: pool is already active as 'default-pool'",
                () -> rw.createStoragePool(POOL.formatted("default-pool", pu)));
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                "operation failed: pool 'default-pool' is already defined with uuid " + pu,
                () -> rw.defineStoragePool(POOL.formatted("other", pu)));
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                "operation failed: pool 'default-pool' already exists with uuid " + pu,
                () -> rw.defineStoragePool(POOL.formatted("default-pool", OTHER)));
        err(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x1) in function testStoragePoolGetXMLDesc", () -> p.getXMLDesc(true));
        p.createVolume(VOL.formatted("v"));
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST, "operation failed: storage vol already exists",
                () -> p.createVolume(VOL.formatted("v")));
        // redefining an active pool is accepted; it stays active
        assertTrue(rw.defineStoragePool(POOL.formatted("default-pool", pu)).isActive());

        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: Network 'default' is already running", n::create);
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: Network 'default' is still running", n::undefine);
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                "Requested operation is not valid: network is already active as 'default'",
                () -> rw.createNetwork(NET.formatted("default", nu)));
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK,
                "operation failed: network 'default' is already defined with uuid " + nu,
                () -> rw.defineNetwork(NET.formatted("other", nu)));
        err(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK,
                "operation failed: network 'default' already exists with uuid " + nu,
                () -> rw.defineNetwork(NET.formatted("default", OTHER)));
        err(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x1) in function testNetworkGetXMLDesc", () -> n.getXMLDesc(true));
        assertTrue(rw.defineNetwork(NET.formatted("default", nu)).isActive());

        n.destroy();
        n.destroy(); // libvirt 9.0 accepts destroying an inactive network
        p.destroy();
        String inactive = "Requested operation is not valid: storage pool 'default-pool' is not active";
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, inactive, p::destroy);
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, inactive, p::refresh);
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, inactive, () -> p.lookupVolume("v"));
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, inactive, () -> p.createVolume(VOL.formatted("w")));
        err(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "Requested operation is not valid: storage pool is not active", p::listAllVolumes);
    }

    @Test
    void redefinitionOfActivePoolTakesEffectWhenItStops() {
        StoragePool p = rw.lookupStoragePoolByName("default-pool");
        String xml = p.getXMLDesc(false);
        rw.defineStoragePool(xml.replace("<path>/default-pool</path>", "<path>/elsewhere</path>"));
        assertTrue(p.getXMLDesc(false).contains("/default-pool"), "the running definition is kept");
        p.destroy();
        assertTrue(p.getXMLDesc(false).contains("/elsewhere"), "the new definition applies once stopped");
    }

    // ---- node files ----

    @Test
    void nodeFileCapabilitiesHaveNoCellsAsLibvirt(@TempDir Path dir) throws IOException {
        Path node = dir.resolve("node.xml");
        Files.writeString(node, """
                <node>
                  <cpu><mhz>6000</mhz><model>ia64</model><active>50</active><nodes>4</nodes><sockets>4</sockets>
                  <cores>4</cores><threads>2</threads></cpu>
                  <memory>8192000</memory>
                </node>
                """);
        String def = rw.getCapabilities();
        try (Connect f = open("test://" + node, false)) {
            String caps = f.getCapabilities();
            // observed: virsh -c test:///PATH/node.xml capabilities
            assertTrue(caps.contains("    <topology>\n      <cells num='0'>\n      </cells>\n    </topology>\n"), caps);
            assertFalse(caps.contains("<cell id="), caps);
            int a = def.indexOf("      <cells num='2'>");
            int b = def.indexOf("      </cells>\n") + "      </cells>\n".length();
            assertEquals(def.substring(0, a) + "      <cells num='0'>\n      </cells>\n" + def.substring(b), caps);
            assertEquals(4, f.getNodeInfo().nodes());
        }
    }

    @Test
    void nodeFileCapabilitiesMatchVirsh(@TempDir Path dir) throws Exception {
        Path virsh = TestDriverTest.findVirsh();
        org.junit.jupiter.api.Assumptions.assumeTrue(virsh != null || System.getenv("CI") == null,
                "virsh not installed");
        if (virsh == null) {
            return;
        }
        Path node = dir.resolve("node.xml");
        Files.writeString(node, "<node><cpu><nodes>3</nodes></cpu><memory>1000</memory></node>\n");
        Process pr = new ProcessBuilder(List.of(virsh.toString(), "-q", "-c", "test://" + node, "capabilities"))
                .redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, pr.waitFor(), out);
        try (Connect f = open("test://" + node, false)) {
            assertEquals(out, f.getCapabilities() + "\n");
        }
    }
}
