package org.jvirt.plugin.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.VirtException;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/** Unit tests of the driver itself, without plugin loading (see the tests module for that). */
class DemoDriverTest {
    private static Connect open(String uri, boolean readOnly) {
        OpenResult r = new DemoDriver().open(new OpenRequest(ConnectUri.parse(uri), readOnly, null, Map.of()));
        return ((OpenResult.Accepted) r).connect();
    }

    @Test
    void descriptorTakesLocalDemoUris() {
        DemoDriver d = new DemoDriver();
        assertTrue(d.descriptor().admits(ConnectUri.parse("demo:///")));
        assertFalse(d.descriptor().admits(ConnectUri.parse("demo+ssh://host/")));
        assertFalse(d.descriptor().admits(ConnectUri.parse("test:///default")));
    }

    @Test
    void declinesOtherPaths() {
        OpenResult r = new DemoDriver().open(new OpenRequest(ConnectUri.parse("demo:///elsewhere"), false, null,
                Map.of()));
        assertTrue(r instanceof OpenResult.Declined d && d.reason().contains("/elsewhere"));
    }

    @Test
    void listsTwoDomainsActiveFirst() {
        try (Connect c = open("demo:///", false)) {
            assertEquals("DEMO", c.getType());
            assertEquals("demo:///", c.getURI());
            List<Domain> all = c.listAllDomains();
            assertEquals(List.of("demo-web", "demo-db"), all.stream().map(Domain::getName).toList());
            assertEquals(1, all.get(0).getID());
            assertEquals(-1, all.get(1).getID());
            assertEquals(DomainState.SHUTOFF, all.get(1).getState().state());
            assertEquals(List.of("demo-web"), c.listAllDomains(EnumSet.of(ListDomainsFlag.ACTIVE)).stream()
                    .map(Domain::getName).toList());
            assertEquals(List.of("demo-db"), c.listAllDomains(EnumSet.of(ListDomainsFlag.INACTIVE)).stream()
                    .map(Domain::getName).toList());
            assertEquals("demo-web", c.lookupDomainById(1).getName());
            assertTrue(c.lookupDomainByName("demo-db").getXMLDesc().contains("<name>demo-db</name>"));
        }
    }

    @Test
    void startAndDestroyChangeState() {
        try (Connect c = open("demo:///", false)) {
            Domain db = c.lookupDomainByName("demo-db");
            db.create();
            assertTrue(db.isActive());
            assertEquals(2, db.getID());
            VirtException again = assertThrows(VirtException.class, db::create);
            assertEquals(ErrorCode.OPERATION_INVALID, again.code());
            db.destroy();
            assertEquals(DomainState.SHUTOFF, db.getInfo().state());
        }
    }

    @Test
    void readOnlyConnectionsCannotChangeState() {
        try (Connect c = open("demo:///", true)) {
            VirtException e = assertThrows(VirtException.class, () -> c.lookupDomainByName("demo-web").destroy());
            assertEquals(ErrorCode.OPERATION_DENIED, e.code());
        }
    }

    @Test
    void unimplementedOperationsAreNoSupport() {
        try (Connect c = open("demo:///", false)) {
            VirtException e = assertThrows(VirtException.class, () -> c.defineDomain("<domain/>"));
            assertEquals(ErrorCode.NO_SUPPORT, e.code());
            assertTrue(e.getMessage().contains("DEMO"), e.getMessage());
            assertThrows(VirtException.class, () -> c.lookupDomainByName("demo-web").suspend());
            assertThrows(VirtException.class, () -> c.listAllStoragePools(Set.of()));
        }
    }

    @Test
    void closedConnectionRefusesCalls() {
        Connect c = open("demo:///", false);
        c.close();
        assertFalse(c.isAlive());
        assertEquals(ErrorCode.INVALID_CONN, assertThrows(VirtException.class, c::listAllDomains).code());
    }

    @Test
    void theBuildWroteThePf4jExtensionIndex() throws IOException {
        // Test compilation writes an index of its own (without extensions), so look at every copy.
        StringBuilder all = new StringBuilder();
        for (java.net.URL url : java.util.Collections.list(
                DemoDriverTest.class.getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = url.openStream()) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(all.toString().lines().anyMatch(DemoDriver.class.getName()::equals),
                "pf4j's annotation processor did not list the driver in META-INF/extensions.idx: " + all);
    }
}
