package org.jvirt.api;

/** State of a storage pool: libvirt's {@code virStoragePoolState}, in its numbering. */
public enum StoragePoolState {
    /** Not active. */
    INACTIVE,
    /** Being built. */
    BUILDING,
    /** Running normally. */
    RUNNING,
    /** Running degraded. */
    DEGRADED,
    /** Running, but not accessible. */
    INACCESSIBLE
}
