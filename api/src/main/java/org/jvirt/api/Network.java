package org.jvirt.api;

import java.util.UUID;

/** A virtual network: libvirt's {@code virNetworkPtr}. Thread-safe; unimplemented operations throw NO_SUPPORT. */
public interface Network {
    /** The connection it belongs to. */
    Connect getConnect();

    /** Its name. */
    String getName();

    /** Its UUID. */
    UUID getUUID();

    /** Its XML ({@code virNetworkGetXMLDesc}); {@code inactive} for the persistent definition. */
    String getXMLDesc(boolean inactive);

    /** The host bridge it uses ({@code virNetworkGetBridgeName}). */
    default String getBridgeName() {
        throw unsupported("virNetworkGetBridgeName");
    }

    /** Whether it is active. */
    boolean isActive();

    /** Whether it is persistent. */
    boolean isPersistent();

    /** Whether it starts with the host. */
    default boolean getAutostart() {
        throw unsupported("virNetworkGetAutostart");
    }

    /** Sets whether it starts with the host. */
    default void setAutostart(boolean autostart) {
        throw unsupported("virNetworkSetAutostart");
    }

    /** Starts it ({@code virNetworkCreate}). */
    default void create() {
        throw unsupported("virNetworkCreate");
    }

    /** Stops it ({@code virNetworkDestroy}). */
    default void destroy() {
        throw unsupported("virNetworkDestroy");
    }

    /** Removes its persistent definition ({@code virNetworkUndefine}). */
    default void undefine() {
        throw unsupported("virNetworkUndefine");
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
