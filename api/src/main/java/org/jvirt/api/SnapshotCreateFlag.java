package org.jvirt.api;

/** Flags of {@link Domain#createSnapshot}: libvirt's {@code virDomainSnapshotCreateFlags}. */
public enum SnapshotCreateFlag implements VirtFlag {
    /** Restore metadata of an existing snapshot. */
    REDEFINE(1),
    /** With REDEFINE, make it current. */
    CURRENT(2),
    /** Keep no metadata. */
    NO_METADATA(4),
    /** Stop the domain after the snapshot. */
    HALT(8),
    /** Disks only, no memory state. */
    DISK_ONLY(16),
    /** Reuse existing external files. */
    REUSE_EXT(32),
    /** Quiesce guest file systems. */
    QUIESCE(64),
    /** All or nothing. */
    ATOMIC(128),
    /** While the guest runs. */
    LIVE(256),
    /** Validate the XML. */
    VALIDATE(512);

    private final int bits;

    SnapshotCreateFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
