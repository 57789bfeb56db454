package org.jvirt.api;

/** Flags of {@link DomainSnapshot#delete}: libvirt's {@code virDomainSnapshotDeleteFlags}. */
public enum SnapshotDeleteFlag implements VirtFlag {
    /** Also its descendants. */
    CHILDREN(1),
    /** Only the metadata. */
    METADATA_ONLY(2),
    /** Only its descendants. */
    CHILDREN_ONLY(4);

    private final int bits;

    SnapshotDeleteFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
