package org.jvirt.driver.remote.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;

/** A storage pool handle of a remote connection. */
final class RemotePool extends RemoteHandle implements StoragePool {

    RemotePool(RemoteConnect conn, String name, UUID uuid) {
        super(conn, name, uuid);
    }

    @Override
    Struct ref() {
        return RemoteConnect.POOL.of(getName(), getUUID());
    }

    @Override
    public StoragePoolInfo getInfo() {
        Struct s = call(RemoteProgram.STORAGE_POOL_GET_INFO);
        StoragePoolState[] states = StoragePoolState.values();
        int st = s.i32("state");
        return new StoragePoolInfo(st >= 0 && st < states.length ? states[st] : StoragePoolState.INACCESSIBLE,
                s.i64("capacity"), s.i64("allocation"), s.i64("available"));
    }

    @Override
    public String getXMLDesc(boolean inactive) {
        return call(RemoteProgram.STORAGE_POOL_GET_XML_DESC, inactive ? 1 : 0).str("xml");
    }

    @Override
    public boolean isActive() {
        return ask(RemoteProgram.STORAGE_POOL_IS_ACTIVE, "active");
    }

    @Override
    public boolean isPersistent() {
        return ask(RemoteProgram.STORAGE_POOL_IS_PERSISTENT, "persistent");
    }

    @Override
    public boolean getAutostart() {
        return ask(RemoteProgram.STORAGE_POOL_GET_AUTOSTART, "autostart");
    }

    @Override
    public void setAutostart(boolean autostart) {
        call(RemoteProgram.STORAGE_POOL_SET_AUTOSTART, autostart ? 1 : 0);
    }

    @Override
    public void create() {
        call(RemoteProgram.STORAGE_POOL_CREATE, 0);
    }

    @Override
    public void destroy() {
        call(RemoteProgram.STORAGE_POOL_DESTROY);
    }

    @Override
    public void undefine() {
        call(RemoteProgram.STORAGE_POOL_UNDEFINE);
    }

    @Override
    public void build() {
        call(RemoteProgram.STORAGE_POOL_BUILD, 0);
    }

    @Override
    public void refresh() {
        call(RemoteProgram.STORAGE_POOL_REFRESH, 0);
    }

    @Override
    public List<StorageVol> listAllVolumes() {
        List<Struct> vols = call(RemoteProgram.STORAGE_POOL_LIST_ALL_VOLUMES, 1, 0).list("vols");
        return vols.stream().map(s -> (StorageVol) conn.vol(s)).toList();
    }

    @Override
    public Optional<StorageVol> findVolume(String volName) {
        return RemoteConnect.find(ErrorCode.NO_STORAGE_VOL, () -> conn.vol(call(
                RemoteProgram.STORAGE_VOL_LOOKUP_BY_NAME, volName).struct("vol")));
    }

    @Override
    public StorageVol lookupVolume(String volName) {
        return conn.vol(call(RemoteProgram.STORAGE_VOL_LOOKUP_BY_NAME, volName).struct("vol"));
    }

    @Override
    public StorageVol createVolume(String volumeXml) {
        return conn.vol(call(RemoteProgram.STORAGE_VOL_CREATE_XML, volumeXml, 0).struct("vol"));
    }

    @Override
    public String toString() {
        return "StoragePool[" + getName() + "]";
    }
}
