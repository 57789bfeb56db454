package org.jvirt.api;

/** Flags of {@link DomainSnapshot#revert}: libvirt's {@code virDomainSnapshotRevertFlags}. */
public enum SnapshotRevertFlag implements VirtFlag {
    /** Run after revert. */
    RUNNING(1),
    /** Pause after revert. */
    PAUSED(2),
    /** Allow risky reverts. */
    FORCE(4),
    /** Re-initialise the NVRAM. */
    RESET_NVRAM(8);

    private final int bits;

    SnapshotRevertFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
