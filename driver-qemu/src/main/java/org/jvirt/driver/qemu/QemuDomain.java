package org.jvirt.driver.qemu;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainMemoryFlag;
import org.jvirt.api.DomainModificationFlag;
import org.jvirt.api.DomainSaveFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.MigrationV3;

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
        host().undefine(obj(), flags);
    }

    @Override
    public boolean getAutostart() {
        return host().getAutostart(obj());
    }

    @Override
    public void setAutostart(boolean autostart) {
        conn.checkWritable();
        host().setAutostart(obj(), autostart);
    }

    // ---- resources ----

    @Override
    public void setMemory(long kib, Set<DomainMemoryFlag> flags) {
        conn.checkWritable();
        host().setMemory(obj(), kib, flags.contains(DomainMemoryFlag.LIVE), flags.contains(DomainMemoryFlag.CONFIG),
                flags.contains(DomainMemoryFlag.MAXIMUM));
    }

    @Override
    public void setVcpus(int count, Set<DomainVcpuFlag> flags) {
        conn.checkWritable();
        if (flags.contains(DomainVcpuFlag.HOTPLUGGABLE)) {
            throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "hotpluggable vCPUs are not supported by the QEMU driver yet");
        }
        host().setVcpus(obj(), count, flags.contains(DomainVcpuFlag.LIVE), flags.contains(DomainVcpuFlag.CONFIG),
                flags.contains(DomainVcpuFlag.MAXIMUM), flags.contains(DomainVcpuFlag.GUEST));
    }

    @Override
    public int getVcpus(Set<DomainVcpuFlag> flags) {
        return host().getVcpus(obj(), flags.contains(DomainVcpuFlag.LIVE), flags.contains(DomainVcpuFlag.CONFIG),
                flags.contains(DomainVcpuFlag.MAXIMUM));
    }

    @Override
    public void setMemoryStatsPeriod(int seconds, Set<DomainModificationFlag> flags) {
        conn.checkWritable();
        host().setMemoryStatsPeriod(obj(), seconds, flags.contains(DomainModificationFlag.LIVE),
                flags.contains(DomainModificationFlag.CONFIG));
    }

    @Override
    public Map<MemoryStatTag, Long> memoryStats() {
        conn.checkOpen();
        return host().memoryStats(obj());
    }

    // ---- save ----

    @Override
    public void save(String path, Set<DomainSaveFlag> flags) {
        conn.checkWritable();
        checkSaveFlags(flags);
        SaveImage.save(host(), obj(), Path.of(path).toAbsolutePath());
    }

    @Override
    public void managedSave(Set<DomainSaveFlag> flags) {
        conn.checkWritable();
        checkSaveFlags(flags);
        host().managedSave(obj());
    }

    static void checkSaveFlags(Set<DomainSaveFlag> flags) {
        if (flags.contains(DomainSaveFlag.RUNNING) && flags.contains(DomainSaveFlag.PAUSED)) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "flags 'running' and 'paused' are mutually exclusive");
        }
        if (flags.contains(DomainSaveFlag.BYPASS_CACHE) || flags.contains(DomainSaveFlag.RESET_NVRAM)) {
            throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "save flags " + flags + " are not supported by the QEMU driver yet");
        }
    }

    @Override
    public boolean hasManagedSaveImage() {
        return host().hasManagedSaveImage(obj());
    }

    @Override
    public void managedSaveRemove() {
        conn.checkWritable();
        host().managedSaveRemove(obj());
    }

    // ---- migration ----

    @Override
    public Domain migrate(Connect dest, Set<MigrateFlag> flags, MigrateParams params) {
        conn.checkWritable();
        if (dest == null) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "no destination connection");
        }
        QemuMigration.Destination d;
        if (dest instanceof QemuConnect dq) {
            dq.checkWritable();
            if (dq.host() == host()) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "Attempt to migrate guest to the same host " + host().paths.uri());
            }
            d = QemuMigration.local(dq);
        } else {
            // another process or host: its driver's migration phases (e.g. jvirtd through the remote driver)
            d = QemuMigration.remote(dest.unwrap(MigrationV3.class));
        }
        return QemuMigration.migrate(host(), obj(), d, flags, params == null ? MigrateParams.DEFAULT : params);
    }

    @Override
    public void migrateToURI(String destUri, Set<MigrateFlag> flags, MigrateParams params) {
        conn.checkWritable();
        if (!flags.contains(MigrateFlag.PEER2PEER)) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "migrateToURI to a connection URI needs VIR_MIGRATE_PEER2PEER");
        }
        MigrateParams p = params == null ? MigrateParams.DEFAULT : params;
        java.util.Optional<String> destHost = ConnectUri.parse(destUri).host();
        if (p.migrateUri() == null && destHost.isPresent()) {
            // as libvirt: without a migrate URI the stream goes to the destination host's name
            String h = destHost.get();
            p = p.toBuilder().migrateUri("tcp://" + (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h))
                    .build();
        }
        try (Connect dest = org.jvirt.core.Virt.open(destUri)) {
            migrate(dest, flags, p);
        }
    }

    @Override
    public void migrateStartPostCopy() {
        conn.checkWritable();
        QemuMigration.startPostCopy(obj());
    }

    @Override
    public String toString() {
        return "QemuDomain[" + name + " " + uuid + "]";
    }
}
