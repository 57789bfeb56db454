package org.jvirt.tests.contract;

import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.core.Virt;

/** The driver contract on the embedded test driver, opened by URI like any user would. */
class TestDriverContractTest extends DriverContractTest {
    @Override
    protected Connect openConnection() {
        return Virt.open("test:///default");
    }

    /** libvirt 9.0's test driver refuses VIR_DOMAIN_START_PAUSED ("unsupported flags (0x1)"). */
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
