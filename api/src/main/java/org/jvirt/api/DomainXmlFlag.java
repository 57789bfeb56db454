package org.jvirt.api;

/** Flags of {@link Domain#getXMLDesc}: libvirt's {@code virDomainXMLFlags}. */
public enum DomainXmlFlag implements VirtFlag {
    /** Include security-sensitive information (passwords). */
    SECURE(1),
    /** The persistent configuration rather than the live one. */
    INACTIVE(2),
    /** Update the guest CPU requirements from the host CPU. */
    UPDATE_CPU(4),
    /** Only what is safe to migrate. */
    MIGRATABLE(8);

    private final int bits;

    DomainXmlFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
