package org.jvirt.api;

/** Type of a storage volume: libvirt's {@code virStorageVolType}, in its numbering. */
public enum StorageVolType {
    /** Regular file. */
    FILE,
    /** Block device. */
    BLOCK,
    /** Directory passthrough. */
    DIR,
    /** Network volume. */
    NETWORK,
    /** Network-accessible directory. */
    NETDIR,
    /** Ploop disk. */
    PLOOP
}
