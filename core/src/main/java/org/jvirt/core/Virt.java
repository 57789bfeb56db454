package org.jvirt.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.jvirt.api.AuthCallback;
import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.Driver;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/**
 * The entry point: opens connections by URI, as libvirt's {@code virConnectOpen} and JDBC's
 * {@code DriverManager}. MINIMAL FIRST VERSION: ServiceLoader only; aliases, default-URI
 * config file, plugins and priorities come next.
 */
public final class Virt {
    private Virt() {
    }

    /** Opens a read-write connection; {@code null} means the default URI. */
    public static Connect open(String uri) {
        return openAuth(uri, null, false);
    }

    /** Opens a read-only connection; {@code null} means the default URI. */
    public static Connect openReadOnly(String uri) {
        return openAuth(uri, null, true);
    }

    /** Opens a connection with a credentials callback; {@code null} URI means the default. */
    public static Connect openAuth(String uri, AuthCallback auth, boolean readOnly) {
        ConnectUri parsed = ConnectUri.parse(uri == null ? defaultUri() : uri);
        OpenRequest request = new OpenRequest(parsed, readOnly, auth, Map.of());
        List<String> names = new ArrayList<>();
        for (Driver d : ServiceLoader.load(Driver.class)) {
            names.add(d.descriptor().name());
            if (!d.descriptor().admits(parsed)) {
                continue;
            }
            if (d.open(request) instanceof OpenResult.Accepted a) {
                return a.connect();
            }
        }
        throw VirtException.of(ErrorCode.NO_CONNECT, ErrorDomain.NONE, parsed + " (installed drivers: " + names + ")");
    }

    /** The default URI: JVIRT_DEFAULT_URI, LIBVIRT_DEFAULT_URI, the config file, then test:///default. */
    public static String defaultUri() {
        String env = System.getenv("JVIRT_DEFAULT_URI");
        if (env == null || env.isEmpty()) {
            env = System.getenv("LIBVIRT_DEFAULT_URI");
        }
        return env == null || env.isEmpty() ? "test:///default" : env;
    }

    /** Every discovered driver with its origin. */
    public static List<InstalledDriver> drivers() {
        List<InstalledDriver> out = new ArrayList<>();
        for (Driver d : ServiceLoader.load(Driver.class)) {
            Module m = d.getClass().getModule();
            out.add(new InstalledDriver(d.descriptor(),
                    m.isNamed() ? InstalledDriver.Origin.MODULE_PATH : InstalledDriver.Origin.CLASS_PATH,
                    m.isNamed() ? m.getName() : String.valueOf(d.getClass().getProtectionDomain().getCodeSource())));
        }
        return out;
    }
}
