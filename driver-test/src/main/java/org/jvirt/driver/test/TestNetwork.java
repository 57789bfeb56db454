package org.jvirt.driver.test;

import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.VirtException;
import org.jvirt.conf.NetworkXml;

/** A network handle of a test connection. */
final class TestNetwork implements Network {
    private final TestConnect conn;
    private final UUID uuid;
    private final String name;

    TestNetwork(TestConnect conn, UUID uuid, String name) {
        this.conn = conn;
        this.uuid = uuid;
        this.name = name;
    }

    private <T> T with(java.util.function.Function<Host.NetObj, T> op) {
        return conn.host.locked(() -> op.apply(conn.host.net(uuid, name)));
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
        conn.checkOpen("virNetworkGetXMLDesc", ErrorDomain.NETWORK);
        if (inactive) {
            // libvirt 9.0's test driver takes no flags here, not even VIR_NETWORK_XML_INACTIVE
            throw TestConnect.badFlags(1, "testNetworkGetXMLDesc");
        }
        return with(n -> NetworkXml.format(n.def));
    }

    @Override
    public String getBridgeName() {
        conn.checkOpen("virNetworkGetBridgeName", ErrorDomain.NETWORK);
        return with(n -> {
            if (n.def.bridgeName() == null) {
                throw VirtException.of(ErrorCode.INVALID_NETWORK, ErrorDomain.TEST,
                        "network '" + n.def.name() + "' does not have a bridge name.");
            }
            return n.def.bridgeName();
        });
    }

    @Override
    public boolean isActive() {
        conn.checkOpen("virNetworkIsActive", ErrorDomain.NETWORK);
        return with(n -> n.active);
    }

    @Override
    public boolean isPersistent() {
        conn.checkOpen("virNetworkIsPersistent", ErrorDomain.NETWORK);
        return with(n -> n.persistent);
    }

    @Override
    public boolean getAutostart() {
        conn.checkOpen("virNetworkGetAutostart", ErrorDomain.NETWORK);
        return with(n -> n.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        conn.checkWritable("virNetworkSetAutostart", ErrorDomain.NETWORK);
        with(n -> n.autostart = autostart);
    }

    @Override
    public void create() {
        conn.checkWritable("virNetworkCreate", ErrorDomain.NETWORK);
        with(n -> {
            if (n.active) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "Network '" + n.def.name() + "' is already running");
            }
            n.active = true;
            return null;
        });
    }

    @Override
    public void destroy() {
        conn.checkWritable("virNetworkDestroy", ErrorDomain.NETWORK);
        // libvirt 9.0's test driver accepts destroying an inactive network
        with(n -> {
            n.active = false;
            if (n.newDef != null) {
                n.def = n.newDef;
                n.newDef = null;
            }
            if (!n.persistent) {
                conn.host.removeNet(n);
            }
            return null;
        });
    }

    @Override
    public void undefine() {
        conn.checkWritable("virNetworkUndefine", ErrorDomain.NETWORK);
        with(n -> {
            if (n.active) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "Network '" + n.def.name() + "' is still running");
            }
            conn.host.removeNet(n);
            return null;
        });
    }
}
