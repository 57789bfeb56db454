package org.jvirt.spi;

import java.util.Objects;

import org.jvirt.api.Connect;

/**
 * The outcome of {@link Driver#open}: accepted with a connection, or declined so the next driver
 * is asked. The third outcome, failure, is a thrown {@code VirtException}: it stops the search
 * and reaches the caller, as libvirt's {@code VIR_DRV_OPEN_ERROR} does.
 */
public sealed interface OpenResult permits OpenResult.Accepted, OpenResult.Declined {

    /**
     * The driver opened the connection.
     *
     * @param connect the new connection
     */
    record Accepted(Connect connect) implements OpenResult {
        /** Checks the connection is present. */
        public Accepted {
            Objects.requireNonNull(connect, "connect");
        }
    }

    /**
     * The driver does not take this URI.
     *
     * @param reason why, for the error message when no driver takes it
     */
    record Declined(String reason) implements OpenResult {
    }

    /** Accepts with a connection. */
    static OpenResult accepted(Connect connect) {
        return new Accepted(connect);
    }

    /** Declines with a reason. */
    static OpenResult declined(String reason) {
        return new Declined(reason);
    }
}
