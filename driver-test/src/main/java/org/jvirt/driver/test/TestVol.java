package org.jvirt.driver.test;

import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;

/** A storage volume handle of a test connection. */
final class TestVol implements StorageVol {
    private final TestPool pool;
    private final String name;
    private final String key;
    private final String path;

    TestVol(TestPool pool, String name, String key, String path) {
        this.pool = pool;
        this.name = name;
        this.key = key;
        this.path = path;
    }

    @Override
    public StoragePool getPool() {
        return pool;
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
        return path;
    }

    @Override
    public StorageVolInfo getInfo() {
        return pool.volInfo(name);
    }

    @Override
    public String getXMLDesc() {
        return pool.volXml(name);
    }

    @Override
    public void delete() {
        pool.deleteVol(name);
    }
}
