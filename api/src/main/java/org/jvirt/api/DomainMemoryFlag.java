package org.jvirt.api;

/** Flags of {@link Domain#setMemory}: libvirt's {@code virDomainMemoryModFlags}. */
public enum DomainMemoryFlag implements VirtFlag {
    /** The running domain. */
    LIVE(1),
    /** The persistent definition. */
    CONFIG(2),
    /** Change the maximum rather than the current memory. */
    MAXIMUM(4);

    private final int bits;

    DomainMemoryFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
