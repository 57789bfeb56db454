package org.jvirt.api;

/** Lifecycle event kinds: libvirt's {@code virDomainEventType}, in its numbering. */
public enum DomainEventType {
    /** A persistent definition was added or changed. */
    DEFINED,
    /** A persistent definition was removed. */
    UNDEFINED,
    /** The domain started. */
    STARTED,
    /** The domain was paused. */
    SUSPENDED,
    /** The domain was unpaused. */
    RESUMED,
    /** The domain stopped. */
    STOPPED,
    /** The guest shut down (before it stopped). */
    SHUTDOWN,
    /** The guest was suspended by power management. */
    PMSUSPENDED,
    /** The guest crashed. */
    CRASHED;

    /** libvirt's number of this event. */
    public int number() {
        return ordinal();
    }
}
