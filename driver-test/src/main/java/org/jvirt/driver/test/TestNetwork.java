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
        return with(n -> NetworkXml.format(n.def));
    }

    @Override
    public String getBridgeName() {
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
        return with(n -> n.active);
    }

    @Override
    public boolean isPersistent() {
        return with(n -> n.persistent);
    }

    @Override
    public boolean getAutostart() {
        return with(n -> n.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        with(n -> n.autostart = autostart);
    }

    @Override
    public void create() {
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
        // libvirt 9.0's test driver accepts destroying an inactive network
        with(n -> {
            n.active = false;
            if (!n.persistent) {
                conn.host.removeNet(n);
            }
            return null;
        });
    }

    @Override
    public void undefine() {
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
