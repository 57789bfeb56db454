package org.jvirt.api;

/** Filters of {@link Connect#listAllStoragePools}: libvirt's {@code virConnectListAllStoragePoolsFlags}; an empty set lists all. */
public enum ListPoolsFlag implements VirtFlag {
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

    ListPoolsFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
