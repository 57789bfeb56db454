package org.jvirt.api;

/** Which definition a change applies to: libvirt's {@code virDomainModificationImpact}; an empty set means the current one (live when running, else config). */
public enum DomainModificationFlag implements VirtFlag {
    /** The running domain. */
    LIVE(1),
    /** The persistent definition. */
    CONFIG(2);

    private final int bits;

    DomainModificationFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
