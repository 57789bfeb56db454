package org.jvirt.driver.test;

import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.spi.Driver;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/**
 * libvirt's test driver: {@code test:///default} (one shared in-memory host per JVM, fresh again
 * once its last connection closes) and {@code test:///ABSOLUTE/PATH/node.xml} (a host of its own
 * per connection, read from libvirt's node file format). Local only.
 */
public final class TestDriver implements Driver {
    private static final Object DEFAULT_LOCK = new Object();
    private static Host defaultHost;
    private static int defaultRefs;

    @Override
    public DriverDescriptor descriptor() {
        return new DriverDescriptor("Test", Set.of("test"), "0.0.2", DriverDescriptor.Locality.LOCAL, 0);
    }

    @Override
    public OpenResult open(OpenRequest request) {
        String path = request.uri().path();
        if (path.isEmpty() || path.equals("/")) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "testOpen: supply a path or use test:///default");
        }
        if (path.equals("/default")) {
            synchronized (DEFAULT_LOCK) {
                if (defaultRefs == 0) {
                    defaultHost = Host.defaultHost();
                }
                defaultRefs++;
                return OpenResult.accepted(new TestConnect(defaultHost, "test:///default", request.readOnly(),
                        TestDriver::releaseDefault));
            }
        }
        Host host = Host.fromFile(path);
        return OpenResult.accepted(new TestConnect(host, "test://" + path, request.readOnly(), host.events::shutdown));
    }

    private static void releaseDefault() {
        synchronized (DEFAULT_LOCK) {
            if (--defaultRefs == 0) {
                defaultHost.events.shutdown();
                defaultHost = null;
            }
        }
    }
}
