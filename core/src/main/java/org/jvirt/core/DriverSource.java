package org.jvirt.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jvirt.core.internal.PluginFolderSource;
import org.jvirt.core.internal.ServiceLoaderSource;
import org.jvirt.spi.Driver;

/**
 * Where drivers come from, hidden behind one interface so that the {@link DriverManager} does not
 * care whether a driver sits on the module path, the class path or in a pf4j plugin jar.
 *
 * <p>A source must never let one broken provider hide the others: it logs the failure (naming
 * the jar) and goes on. {@link #discover()} is called once per {@link DriverManager}.
 */
public interface DriverSource {

    /**
     * Finds the drivers of this source.
     *
     * @return the drivers found, each with its origin
     */
    List<Found> discover();

    /**
     * A driver as found by a source.
     *
     * @param driver the driver instance
     * @param origin where it was found
     * @param location the jar, module or folder it came from, for humans
     * @param contextLoader the class loader to install as thread context class loader around calls
     *                      into the driver and its objects (a plugin's loader), or {@code null}
     */
    record Found(Driver driver, InstalledDriver.Origin origin, String location, ClassLoader contextLoader) {
        /** Checks the required parts. */
        public Found {
            Objects.requireNonNull(driver, "driver");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(location, "location");
        }

        /** The plugin class loader to use as context class loader, if the driver needs one. */
        public Optional<ClassLoader> pluginLoader() {
            return Optional.ofNullable(contextLoader);
        }
    }

    /**
     * Drivers registered with {@link java.util.ServiceLoader}: first the named modules of the boot
     * layer (module path), then {@code META-INF/services/org.jvirt.spi.Driver} files on the class
     * path, de-duplicated by provider class.
     *
     * @return the source
     */
    static DriverSource serviceLoader() {
        return new ServiceLoaderSource();
    }

    /**
     * Drivers in the pf4j plugin jars of a folder, each plugin in its own class loader that shares
     * only {@code org.jvirt.api}, {@code org.jvirt.spi}, {@code org.jvirt.core}, {@code org.jvirt.conf},
     * pf4j and slf4j with the host.
     *
     * @param folder the plugin folder; a missing folder yields no drivers
     * @return the source
     */
    static DriverSource pluginFolder(Path folder) {
        return new PluginFolderSource(folder);
    }

    /**
     * Fixed driver instances, for embedding and tests.
     *
     * @param origin the origin to report
     * @param location the location to report
     * @param drivers the drivers
     * @return the source
     */
    static DriverSource of(InstalledDriver.Origin origin, String location, Driver... drivers) {
        List<Found> found = java.util.Arrays.stream(drivers).map(d -> new Found(d, origin, location, null)).toList();
        return () -> found;
    }
}
