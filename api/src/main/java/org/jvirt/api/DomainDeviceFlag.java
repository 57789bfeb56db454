package org.jvirt.api;

/** Flags of device attach/detach/update: libvirt's {@code virDomainDeviceModifyFlags}. */
public enum DomainDeviceFlag implements VirtFlag {
    /** The running domain. */
    LIVE(1),
    /** The persistent definition. */
    CONFIG(2),
    /** Force the change (e.g. eject a locked CD-ROM). */
    FORCE(4);

    private final int bits;

    DomainDeviceFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
