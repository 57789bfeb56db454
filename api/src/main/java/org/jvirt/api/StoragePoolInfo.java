package org.jvirt.api;

/**
 * What {@code virStoragePoolGetInfo} returns; sizes in bytes.
 *
 * @param state the state
 * @param capacity logical size
 * @param allocation current allocation
 * @param available remaining free space
 */
public record StoragePoolInfo(StoragePoolState state, long capacity, long allocation, long available) {
}
