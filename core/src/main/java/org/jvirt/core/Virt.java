package org.jvirt.core;

import java.util.List;

import org.jvirt.api.AuthCallback;
import org.jvirt.api.Connect;

/**
 * The entry point: opens connections by URI, as libvirt's {@code virConnectOpen} and JDBC's
 * {@code DriverManager}. A static front for one process-wide {@link DriverManager} built on first
 * use from the real environment ({@link DriverManager#standard}); see there for the default URI,
 * aliases, discovery and the order in which drivers are asked.
 *
 * <pre>
 * try (Connect conn = Virt.open("qemu:///system")) {
 *     conn.listAllDomains().forEach(d -&gt; System.out.println(d.getName()));
 * }
 * </pre>
 */
public final class Virt {
    private Virt() {
    }

    /** Lazily created, thread-safe (class initialisation). */
    private static final class Holder {
        static final DriverManager MANAGER = DriverManager.standard(Environment.system());
    }

    /** The process-wide driver manager. */
    public static DriverManager manager() {
        return Holder.MANAGER;
    }

    /**
     * Opens a read-write connection.
     *
     * @param uri a URI or alias; {@code null} or empty means the default URI
     * @return the connection
     */
    public static Connect open(String uri) {
        return openAuth(uri, null, false);
    }

    /**
     * Opens a read-only connection.
     *
     * @param uri a URI or alias; {@code null} or empty means the default URI
     * @return the connection
     */
    public static Connect openReadOnly(String uri) {
        return openAuth(uri, null, true);
    }

    /**
     * Opens a connection with a credentials callback.
     *
     * @param uri a URI or alias; {@code null} or empty means the default URI
     * @param auth the credentials callback, may be {@code null}
     * @param readOnly whether to open read-only
     * @return the connection
     */
    public static Connect openAuth(String uri, AuthCallback auth, boolean readOnly) {
        return manager().open(uri, auth, readOnly);
    }

    /** The default URI: JVIRT_DEFAULT_URI, LIBVIRT_DEFAULT_URI, the config file, then test:///default. */
    public static String defaultUri() {
        return manager().defaultUri();
    }

    /**
     * The URI {@code open(uri)} would use: the default for {@code null}, with aliases resolved.
     *
     * @param uri a URI, an alias or {@code null}
     * @return the resolved URI
     */
    public static String resolveUri(String uri) {
        return manager().resolve(uri);
    }

    /** Every discovered driver with its origin, in the order they are asked. */
    public static List<InstalledDriver> drivers() {
        return manager().drivers();
    }
}
