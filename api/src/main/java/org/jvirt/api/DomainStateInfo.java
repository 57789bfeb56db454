package org.jvirt.api;

import java.util.Objects;

/**
 * A domain's state and the reason for it, as {@code virDomainGetState} returns them.
 *
 * @param state the state
 * @param reason why the domain is in it; its {@link DomainStateReason#state()} is {@code state}
 */
public record DomainStateInfo(DomainState state, DomainStateReason reason) {
    /** Checks that the reason belongs to the state. */
    public DomainStateInfo {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if (reason.state() != state) {
            throw new IllegalArgumentException("reason " + reason + " does not belong to state " + state);
        }
    }
}
