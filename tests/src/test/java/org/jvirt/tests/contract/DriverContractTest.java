package org.jvirt.tests.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.Registration;
import org.jvirt.api.VirtException;

/**
 * The behaviour every driver that manages domains must show, written once against the public
 * API (Trino's connector-test idea, libvirt's "every API on more than one driver"). A driver's
 * test subclasses this, says how to open a connection and supplies a minimal domain XML its
 * hypervisor can start. Expectations are libvirt's documented semantics, not any driver's output.
 */
public abstract class DriverContractTest {

    /** A fresh connection to the driver under test. */
    protected abstract Connect openConnection();

    /** A minimal domain definition the driver can define and start, named {@code name}. */
    protected abstract String minimalDomainXml(String name, UUID uuid);

    protected Connect conn;
    private final List<Domain> cleanup = new ArrayList<>();

    @BeforeEach
    void open() {
        conn = openConnection();
    }

    @AfterEach
    void close() {
        for (Domain d : cleanup) {
            try {
                if (d.isActive()) {
                    d.destroy();
                }
            } catch (VirtException ignored) {
                // already gone
            }
            try {
                d.undefine();
            } catch (VirtException ignored) {
                // transient or already undefined
            }
        }
        conn.close();
    }

    private Domain define(String name) {
        Domain d = conn.defineDomain(minimalDomainXml(name, UUID.randomUUID()));
        cleanup.add(d);
        return d;
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void connectionReportsItselfAlive() {
        assertTrue(conn.isAlive());
        assertFalse(conn.getURI().isEmpty());
        assertFalse(conn.getType().isEmpty());
    }

    @Test
    void definedDomainIsPersistentInactiveAndFoundByNameAndUuid() {
        String name = uniqueName("contract-define");
        UUID uuid = UUID.randomUUID();
        Domain d = conn.defineDomain(minimalDomainXml(name, uuid));
        cleanup.add(d);
        assertEquals(name, d.getName());
        assertEquals(uuid, d.getUUID());
        assertTrue(d.isPersistent());
        assertFalse(d.isActive());
        assertEquals(-1, d.getID());
        assertEquals(DomainState.SHUTOFF, d.getState().state());
        assertEquals(uuid, conn.lookupDomainByName(name).getUUID());
        assertEquals(name, conn.lookupDomainByUUID(uuid).getName());
        assertTrue(conn.listAllDomains(EnumSet.of(ListDomainsFlag.INACTIVE)).stream()
                .anyMatch(x -> x.getName().equals(name)));
    }

    @Test
    void lookupOfMissingDomainFailsWithNoDomain() {
        VirtException e = assertThrows(VirtException.class, () -> conn.lookupDomainByName(uniqueName("missing")));
        assertEquals(ErrorCode.NO_DOMAIN, e.code());
        assertTrue(conn.findDomainByName(uniqueName("missing")).isEmpty());
    }

    @Test
    void startStopCycleFollowsLibvirtStates() {
        Domain d = define(uniqueName("contract-life"));
        d.create();
        assertTrue(d.isActive());
        assertTrue(d.getID() > 0);
        assertEquals(DomainStateReason.RUNNING_BOOTED, d.getState().reason());
        assertEquals(d.getName(), conn.lookupDomainById(d.getID()).getName());

        d.suspend();
        assertEquals(DomainStateReason.PAUSED_USER, d.getState().reason());
        d.resume();
        assertEquals(DomainStateReason.RUNNING_UNPAUSED, d.getState().reason());

        d.destroy();
        assertFalse(d.isActive());
        assertEquals(DomainStateReason.SHUTOFF_DESTROYED, d.getState().reason());
        assertEquals(-1, d.getID());
    }

    @Test
    void invalidTransitionsAreRefusedAndChangeNothing() {
        // libvirt's drivers differ in the code (the QEMU driver says OPERATION_INVALID, the test
        // driver INTERNAL_ERROR); what every driver must do is refuse and leave the state alone.
        Domain d = define(uniqueName("contract-invalid"));
        assertThrows(VirtException.class, d::destroy);
        assertThrows(VirtException.class, d::suspend);
        assertEquals(DomainState.SHUTOFF, d.getState().state());
        d.create();
        assertThrows(VirtException.class, () -> d.create());
        assertThrows(VirtException.class, d::resume);
        assertEquals(DomainStateReason.RUNNING_BOOTED, d.getState().reason());
    }

    /** Whether the driver can start a domain with its vCPUs paused (libvirt's test driver cannot). */
    protected boolean supportsStartPaused() {
        return true;
    }

    @Test
    void startPausedGivesPausedStateOrIsRefusedAsUnsupported() {
        Domain d = define(uniqueName("contract-paused"));
        if (supportsStartPaused()) {
            d.create(EnumSet.of(DomainCreateFlag.PAUSED));
            assertEquals(DomainState.PAUSED, d.getState().state());
        } else {
            VirtException e = assertThrows(VirtException.class, () -> d.create(EnumSet.of(DomainCreateFlag.PAUSED)));
            assertTrue(e.code() == ErrorCode.INVALID_ARG || e.code() == ErrorCode.NO_SUPPORT, e.code().toString());
            assertFalse(d.isActive());
        }
    }

    @Test
    void transientDomainVanishesWhenDestroyed() {
        String name = uniqueName("contract-transient");
        Domain d = conn.createDomain(minimalDomainXml(name, UUID.randomUUID()), Set.of());
        assertTrue(d.isActive());
        assertFalse(d.isPersistent());
        d.destroy();
        assertTrue(conn.findDomainByName(name).isEmpty());
    }

    @Test
    void undefineOfRunningDomainMakesItTransient() {
        Domain d = define(uniqueName("contract-undef"));
        d.create();
        d.undefine();
        assertTrue(d.isActive());
        assertFalse(d.isPersistent());
        d.destroy();
        assertTrue(conn.findDomainByName(d.getName()).isEmpty());
    }

    @Test
    void inactiveXmlHasNoIdAndNamesTheDomain() {
        Domain d = define(uniqueName("contract-xml"));
        d.create();
        String live = d.getXMLDesc();
        String inactive = d.getXMLDesc(EnumSet.of(DomainXmlFlag.INACTIVE));
        assertTrue(live.contains("id='" + d.getID() + "'"), live);
        // the domain element carries no id when inactive (devices such as <audio id='1'> do have ids)
        assertFalse(inactive.substring(0, inactive.indexOf('>')).contains(" id='"), inactive);
        assertTrue(inactive.contains("<name>" + d.getName() + "</name>"), inactive);
    }

    @Test
    void redefiningUnderSameNameWithOtherUuidIsRefused() {
        String name = uniqueName("contract-dup");
        define(name);
        VirtException e = assertThrows(VirtException.class,
                () -> conn.defineDomain(minimalDomainXml(name, UUID.randomUUID())));
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
    }

    @Test
    void lifecycleEventsArriveInOrder() throws InterruptedException {
        BlockingQueue<DomainEvent> events = new LinkedBlockingQueue<>();
        String name = uniqueName("contract-events");
        try (Registration r = conn.addDomainEventListener(e -> {
            if (e.domain().getName().equals(name)) {
                events.add(e);
            }
        })) {
            Domain d = define(name);
            d.create();
            d.destroy();
            d.undefine();
            List<DomainEventType> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                DomainEvent e = events.poll(10, TimeUnit.SECONDS);
                assertNotEquals(null, e, "event " + i + " missing; got " + seen);
                seen.add(e.type());
            }
            assertEquals(List.of(DomainEventType.DEFINED, DomainEventType.STARTED, DomainEventType.STOPPED,
                    DomainEventType.UNDEFINED), seen);
        }
    }
}
