package org.jvirt.driver.remote.internal;

import java.util.UUID;

import org.jvirt.api.Network;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;

/** A network handle of a remote connection. */
final class RemoteNetwork extends RemoteHandle implements Network {

    RemoteNetwork(RemoteConnect conn, String name, UUID uuid) {
        super(conn, name, uuid);
    }

    @Override
    Struct ref() {
        return RemoteConnect.NET.of(getName(), getUUID());
    }

    @Override
    public String getXMLDesc(boolean inactive) {
        return call(RemoteProgram.NETWORK_GET_XML_DESC, inactive ? 1 : 0).str("xml");
    }

    @Override
    public String getBridgeName() {
        return call(RemoteProgram.NETWORK_GET_BRIDGE_NAME).str("name");
    }

    @Override
    public boolean isActive() {
        return ask(RemoteProgram.NETWORK_IS_ACTIVE, "active");
    }

    @Override
    public boolean isPersistent() {
        return ask(RemoteProgram.NETWORK_IS_PERSISTENT, "persistent");
    }

    @Override
    public boolean getAutostart() {
        return ask(RemoteProgram.NETWORK_GET_AUTOSTART, "autostart");
    }

    @Override
    public void setAutostart(boolean autostart) {
        call(RemoteProgram.NETWORK_SET_AUTOSTART, autostart ? 1 : 0);
    }

    @Override
    public void create() {
        call(RemoteProgram.NETWORK_CREATE);
    }

    @Override
    public void destroy() {
        call(RemoteProgram.NETWORK_DESTROY);
    }

    @Override
    public void undefine() {
        call(RemoteProgram.NETWORK_UNDEFINE);
    }

    @Override
    public String toString() {
        return "Network[" + getName() + "]";
    }
}
