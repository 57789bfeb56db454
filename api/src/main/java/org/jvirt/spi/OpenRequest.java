package org.jvirt.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jvirt.api.AuthCallback;

/**
 * Everything a driver receives when asked to open a connection: the URI, whether read-only,
 * the caller's credentials callback, and configuration as a string map (as Trino hands its
 * connectors a context instead of letting them reach into the host).
 *
 * @param uri the parsed URI (after alias resolution)
 * @param readOnly whether the caller asked for a read-only connection
 * @param auth the caller's credentials callback, may be {@code null}
 * @param config configuration for drivers (e.g. paths), never {@code null}
 */
public record OpenRequest(ConnectUri uri, boolean readOnly, AuthCallback auth, Map<String, String> config) {
    /** Validates and copies. */
    public OpenRequest {
        Objects.requireNonNull(uri, "uri");
        config = Map.copyOf(config);
    }

    /** The credentials callback, if the caller gave one. */
    public Optional<AuthCallback> authCallback() {
        return Optional.ofNullable(auth);
    }
}
