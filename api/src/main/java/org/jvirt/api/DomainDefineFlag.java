package org.jvirt.api;

/** Flags of {@link Connect#defineDomain(String, java.util.Set)}: libvirt's {@code virDomainDefineFlags}. */
public enum DomainDefineFlag implements VirtFlag {
    /** Validate the XML against libvirt's schema; unknown elements are refused. */
    VALIDATE(1);

    private final int bits;

    DomainDefineFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
