package org.jvirt.tests.contract;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jvirt.api.Connect;
import org.jvirt.core.Virt;
import org.jvirt.testing.libvirt.Libvirtd;

/**
 * The driver contract on the remote driver, against a real libvirtd 9.0 serving its test driver
 * on a private UNIX socket — so the same expectations hold for jvirt's own test driver and for
 * libvirt's, reached over libvirt's wire protocol.
 */
class RemoteDriverContractTest extends DriverContractTest {
    private static Libvirtd daemon;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = Libvirtd.start();
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Override
    protected Connect openConnection() {
        return Virt.open(daemon.unixUri(""));
    }

    /** libvirt 9.0's test driver refuses VIR_DOMAIN_START_PAUSED. */
    @Override
    protected boolean supportsStartPaused() {
        return false;
    }

    @Override
    protected String minimalDomainXml(String name, UUID uuid) {
        return "<domain type='test'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='KiB'>65536</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os><type arch='i686'>hvm</type></os>\n"
                + "</domain>\n";
    }
}
