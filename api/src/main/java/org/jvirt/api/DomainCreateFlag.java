package org.jvirt.api;

/** Flags of {@link Domain#create} and {@link Connect#createDomain}: libvirt's {@code virDomainCreateFlags}. */
public enum DomainCreateFlag implements VirtFlag {
    /** Start with the virtual CPUs paused. */
    PAUSED(1),
    /** Destroy the domain when the connection that created it closes. */
    AUTODESTROY(2),
    /** Avoid the file system cache when restoring a managed save image. */
    BYPASS_CACHE(4),
    /** Boot, discarding any managed save image. */
    FORCE_BOOT(8),
    /** Validate the XML against the schema (create from XML only). */
    VALIDATE(16),
    /** Re-initialise the NVRAM from its template. */
    RESET_NVRAM(32);

    private final int bits;

    DomainCreateFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
