package org.jvirt.api;

/** The state of a domain: libvirt's {@code virDomainState}, in its numbering. */
public enum DomainState {
    /** No state. */
    NOSTATE,
    /** Running. */
    RUNNING,
    /** Blocked on a resource. */
    BLOCKED,
    /** Paused by the user or the hypervisor. */
    PAUSED,
    /** Being shut down. */
    SHUTDOWN,
    /** Shut off. */
    SHUTOFF,
    /** Crashed. */
    CRASHED,
    /** Suspended by guest power management. */
    PMSUSPENDED;

    /** libvirt's number of this state. */
    public int number() {
        return ordinal();
    }

    /**
     * Looks a state up by libvirt's number.
     *
     * @param number libvirt's {@code virDomainState}
     * @return the state, {@link #NOSTATE} for an unknown number
     */
    public static DomainState fromNumber(int number) {
        DomainState[] all = values();
        return number >= 0 && number < all.length ? all[number] : NOSTATE;
    }
}
