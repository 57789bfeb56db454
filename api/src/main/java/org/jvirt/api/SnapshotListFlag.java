package org.jvirt.api;

/** Filters of {@link Domain#listAllSnapshots}: libvirt's {@code virDomainSnapshotListFlags}; an empty set lists all. */
public enum SnapshotListFlag implements VirtFlag {
    /** With a parent snapshot, all descendants rather than children. */
    DESCENDANTS(1),
    /** Only snapshots without a parent. */
    ROOTS(1),
    /** Only with metadata. */
    METADATA(2),
    /** Only without children. */
    LEAVES(4),
    /** Only with children. */
    NO_LEAVES(8),
    /** Only without metadata. */
    NO_METADATA(16),
    /** Taken of a shut-off domain. */
    INACTIVE(32),
    /** Taken of a running domain. */
    ACTIVE(64),
    /** Disk-only. */
    DISK_ONLY(128),
    /** Internal. */
    INTERNAL(256),
    /** External. */
    EXTERNAL(512),
    /** Parents before children. */
    TOPOLOGICAL(1024);

    private final int bits;

    SnapshotListFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
