package org.jvirt.driver.remote;

import java.util.Set;

import org.jvirt.driver.remote.internal.RemoteOpener;
import org.jvirt.spi.Driver;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/**
 * The remote driver's local fallback, as libvirt's: a libvirt driver URI without transport or
 * host ({@code qemu:///system}, {@code lxc:///system}, ...) that no local driver took goes to
 * the local daemon's UNIX socket (the modular {@code virtDRIVERd-sock} if present, else
 * {@code libvirt-sock}; {@code -sock-ro} when read-only). Asked after every local driver (lowest
 * priority); declines when no daemon socket exists.
 */
public final class LocalDaemonDriver implements Driver {
    /** libvirt's drivers that run inside a daemon (not client-side ones like esx or test). */
    private static final Set<String> DAEMON_DRIVERS = Set.of("qemu", "kvm", "lxc", "xen", "libxl", "vbox", "bhyve",
            "ch", "vz", "openvz", "network", "interface", "nodedev", "nwfilter", "secret", "storage", "remote");

    /** System property jvirtd sets: this JVM is a daemon, so the fallback is off (libvirtd's "inside daemon"). */
    public static final String INSIDE_DAEMON = "jvirt.remote.insideDaemon";

    /** Creates the driver; no work is done until {@link #open}. */
    public LocalDaemonDriver() {
    }

    @Override
    public DriverDescriptor descriptor() {
        return new DriverDescriptor("remote (local daemon)", DAEMON_DRIVERS, RemoteOpener.VERSION,
                DriverDescriptor.Locality.LOCAL, -1000);
    }

    @Override
    public OpenResult open(OpenRequest request) {
        if (Boolean.getBoolean(INSIDE_DAEMON)) {
            // libvirtd's remote driver declines local URIs inside the daemon: jvirtd would otherwise
            // hand a client's lxc:///system to the host's libvirtd, or to itself
            return OpenResult.declined("inside a daemon, local URIs never go to another daemon");
        }
        return RemoteOpener.openLocal(request);
    }
}
