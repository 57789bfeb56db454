package org.jvirt.api;

/** Flags of {@link Domain#setVcpus}: libvirt's {@code virDomainVcpuFlags}. */
public enum DomainVcpuFlag implements VirtFlag {
    /** The running domain. */
    LIVE(1),
    /** The persistent definition. */
    CONFIG(2),
    /** Change the maximum rather than the current count. */
    MAXIMUM(4),
    /** Through the guest agent. */
    GUEST(8),
    /** Make the added vCPUs hot-unpluggable. */
    HOTPLUGGABLE(16);

    private final int bits;

    DomainVcpuFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
