package org.jvirt.api;

/** Flags of {@link Domain#undefine}: libvirt's {@code virDomainUndefineFlagsValues}. */
public enum DomainUndefineFlag implements VirtFlag {
    /** Also remove the managed save image. */
    MANAGED_SAVE(1),
    /** Also remove snapshot metadata. */
    SNAPSHOTS_METADATA(2),
    /** Also remove the NVRAM file. */
    NVRAM(4),
    /** Keep the NVRAM file. */
    KEEP_NVRAM(8),
    /** Also remove checkpoint metadata. */
    CHECKPOINTS_METADATA(16),
    /** Also remove the TPM state. */
    TPM(32),
    /** Keep the TPM state. */
    KEEP_TPM(64);

    private final int bits;

    DomainUndefineFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
