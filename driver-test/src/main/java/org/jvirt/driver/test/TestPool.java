package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolType;
import org.jvirt.api.VirtException;
import org.jvirt.conf.StorageVolDef;
import org.jvirt.conf.StorageXml;

/** A storage pool handle of a test connection. */
final class TestPool implements StoragePool {
    final TestConnect conn;
    final UUID uuid;
    final String name;

    TestPool(TestConnect conn, UUID uuid, String name) {
        this.conn = conn;
        this.uuid = uuid;
        this.name = name;
    }

    <T> T with(java.util.function.Function<Host.PoolObj, T> op) {
        return conn.host.locked(() -> op.apply(conn.host.pool(uuid, name)));
    }

    private static VirtException notActive(Host.PoolObj p) {
        return VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "storage pool '" + p.def.name() + "' is not active");
    }

    private static VirtException isActive(Host.PoolObj p) {
        return VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                "storage pool '" + p.def.name() + "' is active");
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
        conn.checkOpen("virStoragePoolGetInfo", ErrorDomain.STORAGE);
        return with(p -> new StoragePoolInfo(p.active ? StoragePoolState.RUNNING : StoragePoolState.INACTIVE,
                p.def.capacity(), p.def.allocation(), p.def.available()));
    }

    @Override
    public String getXMLDesc(boolean inactive) {
        conn.checkOpen("virStoragePoolGetXMLDesc", ErrorDomain.STORAGE);
        if (inactive) {
            // libvirt 9.0's test driver takes no flags here, not even VIR_STORAGE_XML_INACTIVE
            throw TestConnect.badFlags(1, "testStoragePoolGetXMLDesc");
        }
        return with(p -> StorageXml.format(p.def));
    }

    @Override
    public boolean isActive() {
        conn.checkOpen("virStoragePoolIsActive", ErrorDomain.STORAGE);
        return with(p -> p.active);
    }

    @Override
    public boolean isPersistent() {
        conn.checkOpen("virStoragePoolIsPersistent", ErrorDomain.STORAGE);
        return with(p -> p.persistent);
    }

    @Override
    public boolean getAutostart() {
        conn.checkOpen("virStoragePoolGetAutostart", ErrorDomain.STORAGE);
        return with(p -> p.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        conn.checkWritable("virStoragePoolSetAutostart", ErrorDomain.STORAGE);
        with(p -> {
            if (!p.persistent) {
                throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "pool has no config file");
            }
            p.autostart = autostart;
            return null;
        });
    }

    @Override
    public void create() {
        conn.checkWritable("virStoragePoolCreate", ErrorDomain.STORAGE);
        with(p -> {
            if (p.active) {
                throw isActive(p);
            }
            p.active = true;
            return null;
        });
    }

    @Override
    public void destroy() {
        conn.checkWritable("virStoragePoolDestroy", ErrorDomain.STORAGE);
        with(p -> {
            if (!p.active) {
                throw notActive(p);
            }
            p.active = false;
            if (p.newDef != null) {
                p.def = p.newDef;
                p.newDef = null;
                p.resize();
            }
            if (!p.persistent) {
                conn.host.removePool(p);
            }
            return null;
        });
    }

    @Override
    public void undefine() {
        conn.checkWritable("virStoragePoolUndefine", ErrorDomain.STORAGE);
        with(p -> {
            if (p.active) {
                throw isActive(p);
            }
            conn.host.removePool(p);
            return null;
        });
    }

    @Override
    public void build() {
        conn.checkWritable("virStoragePoolBuild", ErrorDomain.STORAGE);
        with(p -> {
            if (p.active) {
                throw isActive(p);
            }
            return null;
        });
    }

    @Override
    public void refresh() {
        conn.checkWritable("virStoragePoolRefresh", ErrorDomain.STORAGE);
        with(p -> {
            if (!p.active) {
                throw notActive(p);
            }
            return null;
        });
    }

    @Override
    public List<StorageVol> listAllVolumes() {
        conn.checkOpen("virStoragePoolListAllVolumes", ErrorDomain.STORAGE);
        return with(p -> {
            if (!p.active) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST, "storage pool is not active");
            }
            List<StorageVol> out = new ArrayList<>(p.vols.size());
            for (StorageVolDef v : p.vols.values()) {
                out.add(new TestVol(this, v.name(), v.key(), v.path()));
            }
            return out;
        });
    }

    @Override
    public Optional<StorageVol> findVolume(String volName) {
        conn.checkOpen("virStorageVolLookupByName", ErrorDomain.STORAGE);
        return with(p -> {
            if (!p.active) {
                throw notActive(p);
            }
            StorageVolDef v = p.vols.get(volName);
            return Optional.ofNullable(v == null ? null : new TestVol(this, v.name(), v.key(), v.path()));
        });
    }

    @Override
    public StorageVol lookupVolume(String volName) {
        return findVolume(volName).orElseThrow(() -> VirtException.of(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                "no storage vol with matching name '" + volName + "'"));
    }

    @Override
    public StorageVol createVolume(String volumeXml) {
        conn.checkWritable("virStorageVolCreateXML", ErrorDomain.STORAGE);
        StorageVolDef v = StorageXml.parseVolume(volumeXml);
        return with(p -> {
            if (!p.active) {
                throw notActive(p);
            }
            if (p.vols.containsKey(v.name())) {
                throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.TEST, "storage vol already exists");
            }
            if (p.def.allocation() + v.allocation() > p.def.capacity()) {
                throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "Not enough free space in pool for volume '" + v.name() + "'");
            }
            Host.fixVol(p, v);
            p.vols.put(v.name(), v);
            p.resize();
            return new TestVol(this, v.name(), v.key(), v.path());
        });
    }

    StorageVolInfo volInfo(String volName) {
        conn.checkOpen("virStorageVolGetInfo", ErrorDomain.STORAGE);
        return with(p -> {
            StorageVolDef v = vol(p, volName);
            return new StorageVolInfo(StorageVolType.FILE, v.capacity(), v.allocation());
        });
    }

    String volXml(String volName) {
        conn.checkOpen("virStorageVolGetXMLDesc", ErrorDomain.STORAGE);
        return with(p -> StorageXml.format(vol(p, volName)));
    }

    void deleteVol(String volName) {
        conn.checkWritable("virStorageVolDelete", ErrorDomain.STORAGE);
        with(p -> {
            vol(p, volName);
            p.vols.remove(volName);
            p.resize();
            return null;
        });
    }

    private static StorageVolDef vol(Host.PoolObj p, String volName) {
        if (!p.active) {
            throw notActive(p);
        }
        StorageVolDef v = p.vols.get(volName);
        if (v == null) {
            throw VirtException.of(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                    "no storage vol with matching name '" + volName + "'");
        }
        return v;
    }
}
