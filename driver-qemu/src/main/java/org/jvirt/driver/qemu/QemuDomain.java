package org.jvirt.driver.qemu;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;

/** A handle on a domain of a {@link QemuConnect}: it names the domain and reads live state on each call. */
final class QemuDomain implements Domain {
    private final QemuConnect conn;
    private final String name;
    private final UUID uuid;

    QemuDomain(QemuConnect conn, String name, UUID uuid) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
    }

    private DomainObj obj() {
        conn.checkOpen();
        return conn.host().require(uuid, name);
    }

    private QemuHost host() {
        return conn.host();
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
    public int getID() {
        DomainObj o = obj();
        synchronized (o) {
            return o.id;
        }
    }

    @Override
    public DomainInfo getInfo() {
        DomainObj o = obj();
        long pid;
        DomainInfo base;
        synchronized (o) {
            DomainDef d = o.currentDef();
            base = new DomainInfo(o.reason.state(), d.memoryKiB(), d.currentMemoryKiB(), d.currentVcpus(), 0);
            pid = o.isActive() ? o.pid : 0;
        }
        long cpu = pid > 0 ? QemuProcess.cpuTimeNanos(pid) : 0;
        return new DomainInfo(base.state(), base.maxMemoryKiB(), base.memoryKiB(), base.vcpus(), cpu);
    }

    @Override
    public DomainStateInfo getState() {
        DomainObj o = obj();
        synchronized (o) {
            return new DomainStateInfo(o.reason.state(), o.reason);
        }
    }

    @Override
    public String getOSType() {
        DomainObj o = obj();
        synchronized (o) {
            return o.currentDef().osType();
        }
    }

    @Override
    public String getXMLDesc(Set<DomainXmlFlag> flags) {
        DomainObj o = obj();
        synchronized (o) {
            DomainDef d = flags.contains(DomainXmlFlag.INACTIVE) && o.persistentDef != null ? o.persistentDef
                    : o.currentDef();
            EnumSet<DomainXmlFlag> f = EnumSet.noneOf(DomainXmlFlag.class);
            f.addAll(flags);
            if (!o.isActive() || d == o.persistentDef) {
                f.add(DomainXmlFlag.INACTIVE);
            }
            return DomainXml.format(d, f);
        }
    }

    @Override
    public boolean isActive() {
        return obj().isActive();
    }

    @Override
    public boolean isPersistent() {
        DomainObj o = obj();
        synchronized (o) {
            return o.persistent;
        }
    }

    @Override
    public boolean isUpdated() {
        return false;
    }

    @Override
    public void create(Set<DomainCreateFlag> flags) {
        conn.checkWritable();
        host().start(obj(), flags.contains(DomainCreateFlag.PAUSED));
    }

    @Override
    public void destroy() {
        conn.checkWritable();
        host().destroy(obj());
    }

    @Override
    public void shutdown() {
        conn.checkWritable();
        host().shutdown(obj());
    }

    @Override
    public void reboot() {
        conn.checkWritable();
        host().reboot(obj());
    }

    @Override
    public void suspend() {
        conn.checkWritable();
        host().suspend(obj());
    }

    @Override
    public void resume() {
        conn.checkWritable();
        host().resume(obj());
    }

    @Override
    public void undefine(Set<DomainUndefineFlag> flags) {
        conn.checkWritable();
        host().undefine(obj());
    }

    @Override
    public boolean getAutostart() {
        return false;
    }

    @Override
    public String toString() {
        return "QemuDomain[" + name + " " + uuid + "]";
    }
}
