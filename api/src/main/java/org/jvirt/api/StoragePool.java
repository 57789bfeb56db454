package org.jvirt.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A storage pool: libvirt's {@code virStoragePoolPtr}. Thread-safe; unimplemented operations throw NO_SUPPORT. */
public interface StoragePool {
    /** The connection it belongs to. */
    Connect getConnect();

    /** Its name. */
    String getName();

    /** Its UUID. */
    UUID getUUID();

    /** State and sizes ({@code virStoragePoolGetInfo}). */
    StoragePoolInfo getInfo();

    /** Its XML ({@code virStoragePoolGetXMLDesc}); {@code inactive} for the persistent definition. */
    String getXMLDesc(boolean inactive);

    /** Whether it is active. */
    boolean isActive();

    /** Whether it is persistent. */
    boolean isPersistent();

    /** Whether it starts with the host. */
    default boolean getAutostart() {
        throw unsupported("virStoragePoolGetAutostart");
    }

    /** Sets whether it starts with the host. */
    default void setAutostart(boolean autostart) {
        throw unsupported("virStoragePoolSetAutostart");
    }

    /** Starts it ({@code virStoragePoolCreate}). */
    default void create() {
        throw unsupported("virStoragePoolCreate");
    }

    /** Stops it ({@code virStoragePoolDestroy}). */
    default void destroy() {
        throw unsupported("virStoragePoolDestroy");
    }

    /** Removes its persistent definition ({@code virStoragePoolUndefine}). */
    default void undefine() {
        throw unsupported("virStoragePoolUndefine");
    }

    /** Builds its underlying storage ({@code virStoragePoolBuild}). */
    default void build() {
        throw unsupported("virStoragePoolBuild");
    }

    /** Re-reads its volumes ({@code virStoragePoolRefresh}). */
    default void refresh() {
        throw unsupported("virStoragePoolRefresh");
    }

    /** Its volumes ({@code virStoragePoolListAllVolumes}). */
    default List<StorageVol> listAllVolumes() {
        throw unsupported("virStoragePoolListAllVolumes");
    }

    /** The volume with this name, if any. */
    default Optional<StorageVol> findVolume(String name) {
        throw unsupported("virStorageVolLookupByName");
    }

    /** The volume with this name; {@link ErrorCode#NO_STORAGE_VOL} if absent. */
    default StorageVol lookupVolume(String name) {
        return findVolume(name).orElseThrow(() -> VirtException.of(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE,
                "no storage vol with matching name '" + name + "'"));
    }

    /** Creates a volume from its XML ({@code virStorageVolCreateXML}). */
    default StorageVol createVolume(String volumeXml) {
        throw unsupported("virStorageVolCreateXML");
    }

    /**
     * The error a default method throws.
     *
     * @param function libvirt's function name
     * @return the exception to throw
     */
    default VirtException unsupported(String function) {
        return VirtException.noSupport(getConnect().getType(), function);
    }
}
