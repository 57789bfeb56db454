package org.jvirt.driver.test;

import java.util.Set;

import org.jvirt.spi.Driver;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/** PLACEHOLDER: libvirt's test driver. */
public final class TestDriver implements Driver {
    @Override
    public DriverDescriptor descriptor() {
        return new DriverDescriptor("Test", Set.of("test"), "0.1.0", DriverDescriptor.Locality.LOCAL, 0);
    }

    @Override
    public OpenResult open(OpenRequest request) {
        return OpenResult.declined("not implemented yet");
    }
}
