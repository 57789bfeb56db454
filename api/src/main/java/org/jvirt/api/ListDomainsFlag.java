package org.jvirt.api;

/** Filters of {@link Connect#listAllDomains}: libvirt's {@code virConnectListAllDomainsFlags}; an empty set lists all. */
public enum ListDomainsFlag implements VirtFlag {
    /** Running, paused, ... */
    ACTIVE(1),
    /** Shut off. */
    INACTIVE(2),
    /** Has a persistent definition. */
    PERSISTENT(4),
    /** Has none. */
    TRANSIENT(8),
    /** In state running. */
    RUNNING(16),
    /** In state paused. */
    PAUSED(32),
    /** In state shut off. */
    SHUTOFF(64),
    /** In any other state. */
    OTHER(128),
    /** Has a managed save image. */
    MANAGEDSAVE(256),
    /** Has none. */
    NO_MANAGEDSAVE(512),
    /** Starts with the host. */
    AUTOSTART(1024),
    /** Does not. */
    NO_AUTOSTART(2048),
    /** Has snapshots. */
    HAS_SNAPSHOT(4096),
    /** Has none. */
    NO_SNAPSHOT(8192),
    /** Has checkpoints. */
    HAS_CHECKPOINT(16384),
    /** Has none. */
    NO_CHECKPOINT(32768);

    private final int bits;

    ListDomainsFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
