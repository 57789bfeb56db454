package org.jvirt.api;

/** A storage volume: libvirt's {@code virStorageVolPtr}. Thread-safe; unimplemented operations throw NO_SUPPORT. */
public interface StorageVol {
    /** The pool it belongs to. */
    StoragePool getPool();

    /** Its name. */
    String getName();

    /** Its key, unique on the host. */
    String getKey();

    /** Its path. */
    String getPath();

    /** Type and sizes ({@code virStorageVolGetInfo}). */
    StorageVolInfo getInfo();

    /** Its XML ({@code virStorageVolGetXMLDesc}). */
    String getXMLDesc();

    /** Deletes it ({@code virStorageVolDelete}). */
    default void delete() {
        throw VirtException.noSupport(getPool().getConnect().getType(), "virStorageVolDelete");
    }
}
