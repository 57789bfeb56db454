package org.jvirt.driver.remote.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;

/** A storage pool handle of a remote connection. */
final class RemotePool implements StoragePool {
    private final RemoteConnect conn;
    private final String name;
    private final UUID uuid;

    RemotePool(RemoteConnect conn, String name, UUID uuid) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
    }

    Struct ref() {
        return RemoteConnect.POOL.of(name, uuid);
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
    public StoragePoolInfo getInfo() {
        Struct s = conn.call(RemoteProgram.STORAGE_POOL_GET_INFO, ref());
        StoragePoolState[] states = StoragePoolState.values();
        int st = s.i32("state");
        return new StoragePoolInfo(st >= 0 && st < states.length ? states[st] : StoragePoolState.INACCESSIBLE,
                s.i64("capacity"), s.i64("allocation"), s.i64("available"));
    }

    @Override
    public String getXMLDesc(boolean inactive) {
        return conn.call(RemoteProgram.STORAGE_POOL_GET_XML_DESC, ref(), inactive ? 1 : 0).str("xml");
    }

    @Override
    public boolean isActive() {
        return conn.call(RemoteProgram.STORAGE_POOL_IS_ACTIVE, ref()).i32("active") != 0;
    }

    @Override
    public boolean isPersistent() {
        return conn.call(RemoteProgram.STORAGE_POOL_IS_PERSISTENT, ref()).i32("persistent") != 0;
    }

    @Override
    public boolean getAutostart() {
        return conn.call(RemoteProgram.STORAGE_POOL_GET_AUTOSTART, ref()).i32("autostart") != 0;
    }

    @Override
    public void setAutostart(boolean autostart) {
        conn.call(RemoteProgram.STORAGE_POOL_SET_AUTOSTART, ref(), autostart ? 1 : 0);
    }

    @Override
    public void create() {
        conn.call(RemoteProgram.STORAGE_POOL_CREATE, ref(), 0);
    }

    @Override
    public void destroy() {
        conn.call(RemoteProgram.STORAGE_POOL_DESTROY, ref());
    }

    @Override
    public void undefine() {
        conn.call(RemoteProgram.STORAGE_POOL_UNDEFINE, ref());
    }

    @Override
    public void build() {
        conn.call(RemoteProgram.STORAGE_POOL_BUILD, ref(), 0);
    }

    @Override
    public void refresh() {
        conn.call(RemoteProgram.STORAGE_POOL_REFRESH, ref(), 0);
    }

    @Override
    public List<StorageVol> listAllVolumes() {
        List<Struct> vols = conn.call(RemoteProgram.STORAGE_POOL_LIST_ALL_VOLUMES, ref(), 1, 0).list("vols");
        return vols.stream().map(s -> (StorageVol) conn.vol(s)).toList();
    }

    @Override
    public Optional<StorageVol> findVolume(String volName) {
        return RemoteConnect.find(ErrorCode.NO_STORAGE_VOL, () -> conn.vol(conn.call(
                RemoteProgram.STORAGE_VOL_LOOKUP_BY_NAME, ref(), volName).struct("vol")));
    }

    @Override
    public StorageVol lookupVolume(String volName) {
        return conn.vol(conn.call(RemoteProgram.STORAGE_VOL_LOOKUP_BY_NAME, ref(), volName).struct("vol"));
    }

    @Override
    public StorageVol createVolume(String volumeXml) {
        return conn.vol(conn.call(RemoteProgram.STORAGE_VOL_CREATE_XML, ref(), volumeXml, 0).struct("vol"));
    }

    @Override
    public String toString() {
        return "StoragePool[" + name + "]";
    }
}
