package org.jvirt.driver.remote.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDeviceFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainMemoryFlag;
import org.jvirt.api.DomainSaveFlag;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.SnapshotListFlag;
import org.jvirt.api.VirtFlag;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;

/**
 * A domain handle of a remote connection: name and UUID fixed, id refreshed from the server
 * (the daemon resolves handles by UUID, so a stale id never misdirects a call).
 */
final class RemoteDomain extends RemoteHandle implements Domain {
    private volatile int id;

    RemoteDomain(RemoteConnect conn, String name, UUID uuid, int id) {
        super(conn, name, uuid);
        this.id = id;
    }

    int cachedId() {
        return id;
    }

    @Override
    Struct ref() {
        return conn.ref(this);
    }

    private void refresh(Struct dom) {
        id = dom.i32("id");
    }

    @Override
    public int getID() {
        try {
            refresh(conn.call(RemoteProgram.DOMAIN_LOOKUP_BY_UUID, getUUID()).struct("dom"));
        } catch (org.jvirt.api.VirtException e) {
            if (e.code() != ErrorCode.NO_DOMAIN) {
                throw e;
            }
            id = -1;
        }
        return id;
    }

    @Override
    public DomainInfo getInfo() {
        Struct s = call(RemoteProgram.DOMAIN_GET_INFO);
        return new DomainInfo(DomainState.fromNumber(s.i32("state")), s.i64("maxMem"), s.i64("memory"),
                s.i32("nrVirtCpu"), s.i64("cpuTime"));
    }

    @Override
    public DomainStateInfo getState() {
        Struct s = call(RemoteProgram.DOMAIN_GET_STATE, 0);
        DomainState st = DomainState.fromNumber(s.i32("state"));
        return new DomainStateInfo(st, DomainStateReason.of(st, s.i32("reason")));
    }

    @Override
    public String getOSType() {
        return call(RemoteProgram.DOMAIN_GET_OS_TYPE).str("type");
    }

    @Override
    public String getXMLDesc(Set<DomainXmlFlag> flags) {
        return call(RemoteProgram.DOMAIN_GET_XML_DESC, VirtFlag.toBits(flags)).str("xml");
    }

    @Override
    public boolean isActive() {
        return ask(RemoteProgram.DOMAIN_IS_ACTIVE, "active");
    }

    @Override
    public boolean isPersistent() {
        return ask(RemoteProgram.DOMAIN_IS_PERSISTENT, "persistent");
    }

    @Override
    public boolean isUpdated() {
        return ask(RemoteProgram.DOMAIN_IS_UPDATED, "updated");
    }

    @Override
    public void create(Set<DomainCreateFlag> flags) {
        refresh(call(RemoteProgram.DOMAIN_CREATE_WITH_FLAGS, VirtFlag.toBits(flags)).struct("dom"));
    }

    @Override
    public void destroy() {
        call(RemoteProgram.DOMAIN_DESTROY);
        id = -1;
    }

    @Override
    public void shutdown() {
        call(RemoteProgram.DOMAIN_SHUTDOWN);
    }

    @Override
    public void reboot() {
        call(RemoteProgram.DOMAIN_REBOOT, 0);
    }

    @Override
    public void suspend() {
        call(RemoteProgram.DOMAIN_SUSPEND);
    }

    @Override
    public void resume() {
        call(RemoteProgram.DOMAIN_RESUME);
    }

    @Override
    public void undefine(Set<DomainUndefineFlag> flags) {
        int bits = VirtFlag.toBits(flags);
        if (bits == 0) {
            call(RemoteProgram.DOMAIN_UNDEFINE);
        } else {
            call(RemoteProgram.DOMAIN_UNDEFINE_FLAGS, bits);
        }
    }

    @Override
    public boolean getAutostart() {
        return ask(RemoteProgram.DOMAIN_GET_AUTOSTART, "autostart");
    }

    @Override
    public void setAutostart(boolean autostart) {
        call(RemoteProgram.DOMAIN_SET_AUTOSTART, autostart ? 1 : 0);
    }

    @Override
    public long getMaxMemory() {
        return call(RemoteProgram.DOMAIN_GET_MAX_MEMORY).i64("memory");
    }

    @Override
    public void setMemory(long kib, Set<DomainMemoryFlag> flags) {
        call(RemoteProgram.DOMAIN_SET_MEMORY_FLAGS, kib, VirtFlag.toBits(flags));
    }

    @Override
    public void setMaxMemory(long kib) {
        call(RemoteProgram.DOMAIN_SET_MAX_MEMORY, kib);
    }

    @Override
    public void setVcpus(int count, Set<DomainVcpuFlag> flags) {
        call(RemoteProgram.DOMAIN_SET_VCPUS_FLAGS, count, VirtFlag.toBits(flags));
    }

    @Override
    public int getVcpus(Set<DomainVcpuFlag> flags) {
        return call(RemoteProgram.DOMAIN_GET_VCPUS_FLAGS, VirtFlag.toBits(flags)).i32("num");
    }

    @Override
    public SecurityLabel getSecurityLabel() {
        Struct s = call(RemoteProgram.DOMAIN_GET_SECURITY_LABEL);
        return new SecurityLabel(RemoteConnect.cString(s.bytes("label")), s.i32("enforcing") != 0);
    }

    @Override
    public void attachDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        call(RemoteProgram.DOMAIN_ATTACH_DEVICE_FLAGS, deviceXml, VirtFlag.toBits(flags));
    }

    @Override
    public void detachDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        call(RemoteProgram.DOMAIN_DETACH_DEVICE_FLAGS, deviceXml, VirtFlag.toBits(flags));
    }

    @Override
    public void updateDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        call(RemoteProgram.DOMAIN_UPDATE_DEVICE_FLAGS, deviceXml, VirtFlag.toBits(flags));
    }

    @Override
    public void save(String path, Set<DomainSaveFlag> flags) {
        call(RemoteProgram.DOMAIN_SAVE_FLAGS, path, null, VirtFlag.toBits(flags));
        id = -1;
    }

    @Override
    public void managedSave(Set<DomainSaveFlag> flags) {
        call(RemoteProgram.DOMAIN_MANAGED_SAVE, VirtFlag.toBits(flags));
        id = -1;
    }

    @Override
    public boolean hasManagedSaveImage() {
        return call(RemoteProgram.DOMAIN_HAS_MANAGED_SAVE_IMAGE, 0).i32("result") != 0;
    }

    @Override
    public void managedSaveRemove() {
        call(RemoteProgram.DOMAIN_MANAGED_SAVE_REMOVE, 0);
    }

    RemoteSnapshot snapshot(Struct snap) {
        return new RemoteSnapshot(this, snap.str("name"));
    }

    @Override
    public DomainSnapshot createSnapshot(String snapshotXml, Set<SnapshotCreateFlag> flags) {
        return snapshot(call(RemoteProgram.DOMAIN_SNAPSHOT_CREATE_XML, snapshotXml, VirtFlag.toBits(flags))
                .struct("snap"));
    }

    @Override
    public List<DomainSnapshot> listAllSnapshots(Set<SnapshotListFlag> filters) {
        List<Struct> snaps = call(RemoteProgram.DOMAIN_LIST_ALL_SNAPSHOTS, 1, VirtFlag.toBits(filters))
                .list("snapshots");
        return snaps.stream().map(s -> (DomainSnapshot) snapshot(s)).toList();
    }

    @Override
    public Optional<DomainSnapshot> findSnapshot(String snapName) {
        return RemoteConnect.find(ErrorCode.NO_DOMAIN_SNAPSHOT, () -> snapshot(call(
                RemoteProgram.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, snapName, 0).struct("snap")));
    }

    @Override
    public Optional<DomainSnapshot> currentSnapshot() {
        if (call(RemoteProgram.DOMAIN_HAS_CURRENT_SNAPSHOT, 0).i32("result") == 0) {
            return Optional.empty();
        }
        return RemoteConnect.find(ErrorCode.NO_DOMAIN_SNAPSHOT, () -> snapshot(call(
                RemoteProgram.DOMAIN_SNAPSHOT_CURRENT, 0).struct("snap")));
    }

    Struct snapRef(String snapName) {
        return RemoteConnect.SNAP.of(snapName, ref());
    }

    RemoteConnect conn() {
        return conn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteDomain d && d.conn == conn && d.getUUID().equals(getUUID());
    }

    @Override
    public int hashCode() {
        return getUUID().hashCode();
    }

    @Override
    public String toString() {
        return "Domain[" + getName() + " " + getUUID() + "]";
    }

    // ---- migration (RemoteMigration) ----

    @Override
    public Domain migrate(Connect dest, Set<MigrateFlag> flags, MigrateParams params) {
        return RemoteMigration.migrate(this, dest, flags, params);
    }

    @Override
    public void migrateToURI(String destUri, Set<MigrateFlag> flags, MigrateParams params) {
        RemoteMigration.migrateToURI(this, destUri, flags, params);
    }

    @Override
    public void migrateStartPostCopy() {
        RemoteMigration.startPostCopy(this);
    }
}
