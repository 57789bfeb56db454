package org.jvirt.plugin.example;

import java.util.Set;

import org.jvirt.core.DriverExtension;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;
import org.pf4j.Extension;

/**
 * The {@code demo:///} driver. A plugin driver implements {@link DriverExtension} (jvirt's
 * {@link org.jvirt.spi.Driver} as a pf4j extension point) and carries {@link Extension}, so that
 * pf4j's annotation processor lists it in {@code META-INF/extensions.idx} at build time.
 *
 * <p>It takes {@code demo:///} (path {@code /} or empty) and declines any other path, so another
 * driver of the same scheme could take it. A fresh in-memory host is created per connection.
 */
@Extension
public class DemoDriver implements DriverExtension {
    /** What the driver manager sees before any driver code runs: cheap and constant. */
    private static final DriverDescriptor DESCRIPTOR = new DriverDescriptor(
            "demo", Set.of("demo"), "1.0.0", DriverDescriptor.Locality.LOCAL, 0);

    /** pf4j instantiates extensions with a public no-argument constructor; do no work here. */
    public DemoDriver() {
    }

    @Override
    public DriverDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public OpenResult open(OpenRequest request) {
        ConnectUri uri = request.uri();
        if (!uri.path().isEmpty() && !uri.path().equals("/")) {
            return OpenResult.declined("the demo driver only knows demo:///, not path " + uri.path());
        }
        return OpenResult.accepted(new DemoConnect(request.readOnly()));
    }
}
