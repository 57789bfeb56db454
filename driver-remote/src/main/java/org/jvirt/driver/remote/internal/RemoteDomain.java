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
final class RemoteDomain implements Domain {
    private final RemoteConnect conn;
    private final String name;
    private final UUID uuid;
    private volatile int id;

    RemoteDomain(RemoteConnect conn, String name, UUID uuid, int id) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
        this.id = id;
    }

    int cachedId() {
        return id;
    }

    private Struct ref() {
        return conn.ref(this);
    }

    private void refresh(Struct dom) {
        id = dom.i32("id");
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
        try {
            refresh(conn.call(RemoteProgram.DOMAIN_LOOKUP_BY_UUID, uuid).struct("dom"));
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
        Struct s = conn.call(RemoteProgram.DOMAIN_GET_INFO, ref());
        return new DomainInfo(DomainState.fromNumber(s.i32("state")), s.i64("maxMem"), s.i64("memory"),
                s.i32("nrVirtCpu"), s.i64("cpuTime"));
    }

    @Override
    public DomainStateInfo getState() {
        Struct s = conn.call(RemoteProgram.DOMAIN_GET_STATE, ref(), 0);
        DomainState st = DomainState.fromNumber(s.i32("state"));
        return new DomainStateInfo(st, DomainStateReason.of(st, s.i32("reason")));
    }

    @Override
    public String getOSType() {
        return conn.call(RemoteProgram.DOMAIN_GET_OS_TYPE, ref()).str("type");
    }

    @Override
    public String getXMLDesc(Set<DomainXmlFlag> flags) {
        return conn.call(RemoteProgram.DOMAIN_GET_XML_DESC, ref(), VirtFlag.toBits(flags)).str("xml");
    }

    @Override
    public boolean isActive() {
        return conn.call(RemoteProgram.DOMAIN_IS_ACTIVE, ref()).i32("active") != 0;
    }

    @Override
    public boolean isPersistent() {
        return conn.call(RemoteProgram.DOMAIN_IS_PERSISTENT, ref()).i32("persistent") != 0;
    }

    @Override
    public boolean isUpdated() {
        return conn.call(RemoteProgram.DOMAIN_IS_UPDATED, ref()).i32("updated") != 0;
    }

    @Override
    public void create(Set<DomainCreateFlag> flags) {
        refresh(conn.call(RemoteProgram.DOMAIN_CREATE_WITH_FLAGS, ref(), VirtFlag.toBits(flags)).struct("dom"));
    }

    @Override
    public void destroy() {
        conn.call(RemoteProgram.DOMAIN_DESTROY, ref());
        id = -1;
    }

    @Override
    public void shutdown() {
        conn.call(RemoteProgram.DOMAIN_SHUTDOWN, ref());
    }

    @Override
    public void reboot() {
        conn.call(RemoteProgram.DOMAIN_REBOOT, ref(), 0);
    }

    @Override
    public void suspend() {
        conn.call(RemoteProgram.DOMAIN_SUSPEND, ref());
    }

    @Override
    public void resume() {
        conn.call(RemoteProgram.DOMAIN_RESUME, ref());
    }

    @Override
    public void undefine(Set<DomainUndefineFlag> flags) {
        int bits = VirtFlag.toBits(flags);
        if (bits == 0) {
            conn.call(RemoteProgram.DOMAIN_UNDEFINE, ref());
        } else {
            conn.call(RemoteProgram.DOMAIN_UNDEFINE_FLAGS, ref(), bits);
        }
    }

    @Override
    public boolean getAutostart() {
        return conn.call(RemoteProgram.DOMAIN_GET_AUTOSTART, ref()).i32("autostart") != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        conn.call(RemoteProgram.DOMAIN_SET_AUTOSTART, ref(), autostart ? 1 : 0);
    }

    @Override
    public long getMaxMemory() {
        return conn.call(RemoteProgram.DOMAIN_GET_MAX_MEMORY, ref()).i64("memory");
    }

    @Override
    public void setMemory(long kib, Set<DomainMemoryFlag> flags) {
        conn.call(RemoteProgram.DOMAIN_SET_MEMORY_FLAGS, ref(), kib, VirtFlag.toBits(flags));
    }

    @Override
    public void setMaxMemory(long kib) {
        conn.call(RemoteProgram.DOMAIN_SET_MAX_MEMORY, ref(), kib);
    }

    @Override
    public void setVcpus(int count, Set<DomainVcpuFlag> flags) {
        conn.call(RemoteProgram.DOMAIN_SET_VCPUS_FLAGS, ref(), count, VirtFlag.toBits(flags));
    }

    @Override
    public int getVcpus(Set<DomainVcpuFlag> flags) {
        return conn.call(RemoteProgram.DOMAIN_GET_VCPUS_FLAGS, ref(), VirtFlag.toBits(flags)).i32("num");
    }

    @Override
    public SecurityLabel getSecurityLabel() {
        Struct s = conn.call(RemoteProgram.DOMAIN_GET_SECURITY_LABEL, ref());
        return new SecurityLabel(RemoteConnect.cString(s.bytes("label")), s.i32("enforcing") != 0);
    }

    @Override
    public void attachDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        conn.call(RemoteProgram.DOMAIN_ATTACH_DEVICE_FLAGS, ref(), deviceXml, VirtFlag.toBits(flags));
    }

    @Override
    public void detachDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        conn.call(RemoteProgram.DOMAIN_DETACH_DEVICE_FLAGS, ref(), deviceXml, VirtFlag.toBits(flags));
    }

    @Override
    public void updateDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        conn.call(RemoteProgram.DOMAIN_UPDATE_DEVICE_FLAGS, ref(), deviceXml, VirtFlag.toBits(flags));
    }

    @Override
    public void save(String path, Set<DomainSaveFlag> flags) {
        conn.call(RemoteProgram.DOMAIN_SAVE_FLAGS, ref(), path, null, VirtFlag.toBits(flags));
        id = -1;
    }

    @Override
    public void managedSave(Set<DomainSaveFlag> flags) {
        conn.call(RemoteProgram.DOMAIN_MANAGED_SAVE, ref(), VirtFlag.toBits(flags));
        id = -1;
    }

    @Override
    public boolean hasManagedSaveImage() {
        return conn.call(RemoteProgram.DOMAIN_HAS_MANAGED_SAVE_IMAGE, ref(), 0).i32("result") != 0;
    }

    @Override
    public void managedSaveRemove() {
        conn.call(RemoteProgram.DOMAIN_MANAGED_SAVE_REMOVE, ref(), 0);
    }

    RemoteSnapshot snapshot(Struct snap) {
        return new RemoteSnapshot(this, snap.str("name"));
    }

    @Override
    public DomainSnapshot createSnapshot(String snapshotXml, Set<SnapshotCreateFlag> flags) {
        return snapshot(conn.call(RemoteProgram.DOMAIN_SNAPSHOT_CREATE_XML, ref(), snapshotXml, VirtFlag.toBits(flags))
                .struct("snap"));
    }

    @Override
    public List<DomainSnapshot> listAllSnapshots(Set<SnapshotListFlag> filters) {
        List<Struct> snaps = conn.call(RemoteProgram.DOMAIN_LIST_ALL_SNAPSHOTS, ref(), 1, VirtFlag.toBits(filters))
                .list("snapshots");
        return snaps.stream().map(s -> (DomainSnapshot) snapshot(s)).toList();
    }

    @Override
    public Optional<DomainSnapshot> findSnapshot(String snapName) {
        return RemoteConnect.find(ErrorCode.NO_DOMAIN_SNAPSHOT, () -> snapshot(conn.call(
                RemoteProgram.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, ref(), snapName, 0).struct("snap")));
    }

    @Override
    public Optional<DomainSnapshot> currentSnapshot() {
        if (conn.call(RemoteProgram.DOMAIN_HAS_CURRENT_SNAPSHOT, ref(), 0).i32("result") == 0) {
            return Optional.empty();
        }
        return RemoteConnect.find(ErrorCode.NO_DOMAIN_SNAPSHOT, () -> snapshot(conn.call(
                RemoteProgram.DOMAIN_SNAPSHOT_CURRENT, ref(), 0).struct("snap")));
    }

    Struct snapRef(String snapName) {
        return RemoteConnect.SNAP.of(snapName, ref());
    }

    RemoteConnect conn() {
        return conn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteDomain d && d.conn == conn && d.uuid.equals(uuid);
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @Override
    public String toString() {
        return "Domain[" + name + " " + uuid + "]";
    }
}
