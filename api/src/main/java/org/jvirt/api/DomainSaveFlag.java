package org.jvirt.api;

/** Flags of save, restore and managed save: libvirt's {@code virDomainSaveRestoreFlags}. */
public enum DomainSaveFlag implements VirtFlag {
    /** Avoid the file system cache. */
    BYPASS_CACHE(1),
    /** Start running after restore. */
    RUNNING(2),
    /** Start paused after restore. */
    PAUSED(4),
    /** Re-initialise the NVRAM. */
    RESET_NVRAM(8);

    private final int bits;

    DomainSaveFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
