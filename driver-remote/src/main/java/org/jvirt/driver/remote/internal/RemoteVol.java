package org.jvirt.driver.remote.internal;

import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.StorageVolType;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;

/** A storage volume handle of a remote connection (pool name, volume name, key). */
final class RemoteVol implements StorageVol {
    private final RemoteConnect conn;
    private final String pool;
    private final String name;
    private final String key;

    RemoteVol(RemoteConnect conn, String pool, String name, String key) {
        this.conn = conn;
        this.pool = pool;
        this.name = name;
        this.key = key;
    }

    Struct ref() {
        return RemoteConnect.VOL.of(pool, name, key);
    }

    RemoteConnect connect() {
        return conn;
    }

    @Override
    public StoragePool getPool() {
        return conn.pool(conn.call(RemoteProgram.STORAGE_POOL_LOOKUP_BY_VOLUME, ref()).struct("pool"));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public String getPath() {
        return conn.call(RemoteProgram.STORAGE_VOL_GET_PATH, ref()).str("name");
    }

    @Override
    public StorageVolInfo getInfo() {
        Struct s = conn.call(RemoteProgram.STORAGE_VOL_GET_INFO, ref());
        StorageVolType[] types = StorageVolType.values();
        int t = s.i32("type");
        return new StorageVolInfo(t >= 0 && t < types.length ? types[t] : StorageVolType.FILE, s.i64("capacity"),
                s.i64("allocation"));
    }

    @Override
    public String getXMLDesc() {
        return conn.call(RemoteProgram.STORAGE_VOL_GET_XML_DESC, ref(), 0).str("xml");
    }

    @Override
    public void delete() {
        conn.call(RemoteProgram.STORAGE_VOL_DELETE, ref(), 0);
    }

    @Override
    public String toString() {
        return "StorageVol[" + pool + "/" + name + "]";
    }
}
