package org.jvirt.core;

import java.util.List;

import org.jvirt.api.AuthCallback;
import org.jvirt.api.Connect;

/**
 * The entry point: opens connections by URI, as libvirt's {@code virConnectOpen} and JDBC's
 * {@code DriverManager}. PLACEHOLDER SIGNATURES, to be implemented.
 */
public final class Virt {
    private Virt() {
    }

    /** Opens a read-write connection; {@code null} means the default URI. */
    public static Connect open(String uri) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Opens a read-only connection; {@code null} means the default URI. */
    public static Connect openReadOnly(String uri) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Opens a connection with a credentials callback; {@code null} URI means the default. */
    public static Connect openAuth(String uri, AuthCallback auth, boolean readOnly) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The default URI: JVIRT_DEFAULT_URI, LIBVIRT_DEFAULT_URI, the config file, then test:///default. */
    public static String defaultUri() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every discovered driver with its origin. */
    public static List<InstalledDriver> drivers() {
        throw new UnsupportedOperationException("TODO");
    }
}
