package org.jvirt.core;

import java.util.Objects;

import org.jvirt.spi.DriverDescriptor;

/**
 * A discovered driver and where it came from (for {@code jvirsh drivers} and error messages).
 *
 * @param descriptor what the driver says about itself
 * @param origin where it was found
 * @param location the jar or module it was loaded from, for humans
 */
public record InstalledDriver(DriverDescriptor descriptor, Origin origin, String location) {
    /** Where a driver was found; also the tie-break order of selection (module path first). */
    public enum Origin {
        /** A named module on the module path. */
        MODULE_PATH,
        /** The class path. */
        CLASS_PATH,
        /** A pf4j plugin jar in the plugin folder. */
        PLUGIN
    }

    /** Checks the parts are present. */
    public InstalledDriver {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
    }
}
