package org.jvirt.driver.remote.internal;

import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Network;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;

/** A network handle of a remote connection. */
final class RemoteNetwork implements Network {
    private final RemoteConnect conn;
    private final String name;
    private final UUID uuid;

    RemoteNetwork(RemoteConnect conn, String name, UUID uuid) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
    }

    private Struct ref() {
        return RemoteConnect.NET.of(name, uuid);
    }

    @Override
    public Connect getConnect() {
        return conn;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public UUID getUUID() {
        return uuid;
    }

    @Override
    public String getXMLDesc(boolean inactive) {
        return conn.call(RemoteProgram.NETWORK_GET_XML_DESC, ref(), inactive ? 1 : 0).str("xml");
    }

    @Override
    public String getBridgeName() {
        return conn.call(RemoteProgram.NETWORK_GET_BRIDGE_NAME, ref()).str("name");
    }

    @Override
    public boolean isActive() {
        return conn.call(RemoteProgram.NETWORK_IS_ACTIVE, ref()).i32("active") != 0;
    }

    @Override
    public boolean isPersistent() {
        return conn.call(RemoteProgram.NETWORK_IS_PERSISTENT, ref()).i32("persistent") != 0;
    }

    @Override
    public boolean getAutostart() {
        return conn.call(RemoteProgram.NETWORK_GET_AUTOSTART, ref()).i32("autostart") != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        conn.call(RemoteProgram.NETWORK_SET_AUTOSTART, ref(), autostart ? 1 : 0);
    }

    @Override
    public void create() {
        conn.call(RemoteProgram.NETWORK_CREATE, ref());
    }

    @Override
    public void destroy() {
        conn.call(RemoteProgram.NETWORK_DESTROY, ref());
    }

    @Override
    public void undefine() {
        conn.call(RemoteProgram.NETWORK_UNDEFINE, ref());
    }

    @Override
    public String toString() {
        return "Network[" + name + "]";
    }
}
