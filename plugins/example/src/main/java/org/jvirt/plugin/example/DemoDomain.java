package org.jvirt.plugin.example;

import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A demo domain: a name, a UUID, memory and vCPUs, and a running/shut-off state that
 * {@link #create(Set)} and {@link #destroy()} change. Other operations answer {@code NO_SUPPORT}
 * through the API's default methods. Thread-safe (state changes are synchronized).
 */
public final class DemoDomain implements Domain {
    private final DemoConnect conn;
    private final String name;
    private final UUID uuid;
    private final long memoryKiB;
    private final int vcpus;
    private int id = -1;
    private DomainStateReason reason = DomainStateReason.SHUTOFF_UNKNOWN;

    DemoDomain(DemoConnect conn, String name, UUID uuid, long memoryKiB, int vcpus) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
        this.memoryKiB = memoryKiB;
        this.vcpus = vcpus;
    }

    synchronized void start(int newId) {
        id = newId;
        reason = DomainStateReason.RUNNING_BOOTED;
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
    public synchronized int getID() {
        return id;
    }

    @Override
    public synchronized DomainInfo getInfo() {
        conn.checkOpen();
        boolean running = id > 0;
        return new DomainInfo(reason.state(), memoryKiB, running ? memoryKiB : 0, vcpus, 0);
    }

    @Override
    public synchronized DomainStateInfo getState() {
        conn.checkOpen();
        return new DomainStateInfo(reason.state(), reason);
    }

    @Override
    public String getOSType() {
        return "hvm";
    }

    @Override
    public synchronized String getXMLDesc(Set<DomainXmlFlag> flags) {
        conn.checkOpen();
        return "<domain type='demo'" + (id > 0 ? " id='" + id + "'" : "") + ">\n"
                + "  <name>" + name + "</name>\n"
                + "  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='KiB'>" + memoryKiB + "</memory>\n"
                + "  <currentMemory unit='KiB'>" + memoryKiB + "</currentMemory>\n"
                + "  <vcpu placement='static'>" + vcpus + "</vcpu>\n"
                + "  <os>\n    <type>hvm</type>\n  </os>\n"
                + "</domain>\n";
    }

    @Override
    public synchronized boolean isActive() {
        return id > 0;
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    @Override
    public synchronized void create(Set<DomainCreateFlag> flags) {
        conn.checkWritable("virDomainCreate");
        if (id > 0) {
            throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is already running");
        }
        start(conn.allocateId());
    }

    @Override
    public synchronized void destroy() {
        conn.checkWritable("virDomainDestroy");
        if (id <= 0) {
            throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        id = -1;
        reason = DomainStateReason.SHUTOFF_DESTROYED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemoDomain other && other.uuid.equals(uuid) && other.conn == conn;
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @Override
    public String toString() {
        return "DemoDomain[" + name + "]";
    }
}
