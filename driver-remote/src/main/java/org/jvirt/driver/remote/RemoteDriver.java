package org.jvirt.driver.remote;

import java.util.Set;

import org.jvirt.driver.remote.internal.RemoteOpener;
import org.jvirt.spi.Driver;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/**
 * The remote driver for URIs with a transport or a host, of any driver name:
 * {@code DRIVER+unix:///path[?socket=...]}, {@code DRIVER+tcp://host[:port]/path},
 * {@code DRIVER+tls://host[:port]/path} (and {@code DRIVER://host/path}, which means TLS),
 * {@code DRIVER+ssh://[user@]host[:port]/path}, {@code DRIVER+ext:///path?command=...}.
 * The daemon receives {@code DRIVER:///path} plus the query parameters that are not the
 * transport's, as libvirt's remote driver sends it.
 */
public final class RemoteDriver implements Driver {
    /** Creates the driver; no work is done until {@link #open}. */
    public RemoteDriver() {
    }

    @Override
    public DriverDescriptor descriptor() {
        return new DriverDescriptor("remote", Set.of("*"), RemoteOpener.VERSION, DriverDescriptor.Locality.REMOTE, 0);
    }

    @Override
    public OpenResult open(OpenRequest request) {
        return OpenResult.accepted(RemoteOpener.open(request));
    }
}
