package org.jvirt.spi;

import java.util.Objects;
import java.util.Set;

/**
 * What a driver says about itself, kept apart from its behaviour so that selection needs no
 * driver code: the URI schemes it takes and where it may run.
 *
 * @param name the driver's name, e.g. {@code "test"} or {@code "QEMU"}
 * @param schemes the driver parts of URI schemes it accepts (e.g. {@code qemu}), lower case
 * @param version the driver's version, e.g. {@code 0.1.0}
 * @param locality whether it handles local URIs, remote ones (with a host or a transport), or both
 * @param priority among drivers accepting the same scheme, higher is asked first; 0 is the default
 */
public record DriverDescriptor(String name, Set<String> schemes, String version, Locality locality, int priority) {

    /** Which URIs a driver may take, as libvirt's {@code local}/{@code remote} driver split. */
    public enum Locality {
        /** Only URIs without host and transport (the hypervisor runs in or beside this process). */
        LOCAL,
        /** Only URIs with a host or transport (e.g. the remote driver). */
        REMOTE,
        /** Both. */
        ANY
    }

    /** Validates and copies the schemes. */
    public DriverDescriptor {
        Objects.requireNonNull(name, "name");
        schemes = Set.copyOf(schemes);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(locality, "locality");
    }

    /** Whether this driver's scheme and locality admit the URI (a cheap pre-check, as JDBC's acceptsURL). */
    public boolean admits(ConnectUri uri) {
        if (!schemes.contains(uri.driver()) && !schemes.contains("*")) {
            return false;
        }
        return switch (locality) {
            case LOCAL -> !uri.isRemote();
            case REMOTE -> uri.isRemote();
            case ANY -> true;
        };
    }
}
