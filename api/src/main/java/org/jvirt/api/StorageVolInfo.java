package org.jvirt.api;

/**
 * What {@code virStorageVolGetInfo} returns; sizes in bytes.
 *
 * @param type the volume type
 * @param capacity logical size
 * @param allocation current allocation
 */
public record StorageVolInfo(StorageVolType type, long capacity, long allocation) {
}
