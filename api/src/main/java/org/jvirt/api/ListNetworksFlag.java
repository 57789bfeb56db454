package org.jvirt.api;

/** Filters of {@link Connect#listAllNetworks}: libvirt's {@code virConnectListAllNetworksFlags}; an empty set lists all. */
public enum ListNetworksFlag implements VirtFlag {
    /** Inactive. */
    INACTIVE(1),
    /** Active. */
    ACTIVE(2),
    /** Persistent. */
    PERSISTENT(4),
    /** Transient. */
    TRANSIENT(8),
    /** Autostarted. */
    AUTOSTART(16),
    /** Not autostarted. */
    NO_AUTOSTART(32);

    private final int bits;

    ListNetworksFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
