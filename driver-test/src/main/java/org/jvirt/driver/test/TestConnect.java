package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.Connect;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainSaveFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.ListNetworksFlag;
import org.jvirt.api.ListPoolsFlag;
import org.jvirt.api.Network;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.Registration;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.Version;
import org.jvirt.api.VirtException;
import org.jvirt.api.VirtFlag;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.NetworkXml;
import org.jvirt.conf.StoragePoolDef;
import org.jvirt.conf.StorageXml;
import org.jvirt.conf.StorageVolDef;

/** A connection to a test host. */
final class TestConnect implements Connect {
    final Host host;
    private final String uri;
    private final boolean readOnly;
    private final Runnable onClose;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<Events.Sub> subs = new java.util.concurrent.CopyOnWriteArrayList<>();

    TestConnect(Host host, String uri, boolean readOnly, Runnable onClose) {
        this.host = host;
        this.uri = uri;
        this.readOnly = readOnly;
        this.onClose = onClose;
    }

    /**
     * libvirt's {@code virCheckConnectReturn}: every call on this connection, or on an object
     * obtained from it, fails with {@link ErrorCode#INVALID_CONN} once it is closed.
     *
     * @param function libvirt's name of the call, e.g. {@code virDomainGetInfo}
     * @param domain the error domain libvirt reports it in (that of the object's API file)
     */
    void checkOpen(String function, ErrorDomain domain) {
        if (!open.get()) {
            throw new VirtException(ErrorCode.INVALID_CONN, domain, ErrorCode.INVALID_CONN.format(function));
        }
    }

    /**
     * {@link #checkOpen} and libvirt's {@code virCheckReadOnlyGoto}: a call that changes anything
     * is refused on a read-only connection, before its arguments are looked at (as in libvirt,
     * where the check sits in the public API ahead of the driver).
     *
     * @param function libvirt's name of the call, e.g. {@code virDomainDestroy}
     * @param domain the error domain libvirt reports it in
     */
    void checkWritable(String function, ErrorDomain domain) {
        checkOpen(function, domain);
        if (readOnly) {
            throw new VirtException(ErrorCode.OPERATION_DENIED, domain,
                    ErrorCode.OPERATION_DENIED.format("read only access prevents " + function));
        }
    }

    /** A read of the domain API (error domain DOMAIN). */
    private void read(String function) {
        checkOpen(function, ErrorDomain.DOMAIN);
    }

    /** A change through the domain API (error domain DOMAIN). */
    private void write(String function) {
        checkWritable(function, ErrorDomain.DOMAIN);
    }

    static VirtException badFlags(int bits, String function) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                "unsupported flags (0x" + Integer.toHexString(bits) + ") in function " + function);
    }

    @Override
    public String getType() {
        read("virConnectGetType");
        return "TEST";
    }

    @Override
    public Version getVersion() {
        read("virConnectGetVersion");
        return new Version(0, 0, 2);
    }

    @Override
    public Version getLibVersion() {
        read("virConnectGetLibVersion");
        return new Version(9, 0, 0);
    }

    @Override
    public String getHostname() {
        read("virConnectGetHostname");
        return Host.hostname();
    }

    @Override
    public String getURI() {
        read("virConnectGetURI");
        return uri;
    }

    @Override
    public String getCapabilities() {
        read("virConnectGetCapabilities");
        return host.capabilities;
    }

    @Override
    public NodeInfo getNodeInfo() {
        read("virNodeGetInfo");
        var n = host.node;
        return new NodeInfo(n.model, n.memoryKiB, n.active, n.mhz, n.nodes, n.sockets, n.cores, n.threads);
    }

    @Override
    public SecurityModel getSecurityModel() {
        read("virNodeGetSecurityModel");
        return new SecurityModel("testSecurity", "");
    }

    @Override
    public int getMaxVcpus(String type) {
        read("virConnectGetMaxVcpus");
        return Host.MAX_VCPUS;
    }

    @Override
    public boolean isAlive() {
        return open.get();
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            for (Events.Sub s : subs) {
                host.events.remove(s);
            }
            onClose.run();
        }
    }

    // ---- domains ----

    TestDomain handle(DomObj o) {
        return new TestDomain(this, o.uuid, o.name);
    }

    @Override
    public List<org.jvirt.api.Domain> listAllDomains(Set<ListDomainsFlag> f) {
        read("virConnectListAllDomains");
        return host.locked(() -> {
            boolean onlyActive = f.contains(ListDomainsFlag.ACTIVE) && !f.contains(ListDomainsFlag.INACTIVE);
            boolean onlyInactive = f.contains(ListDomainsFlag.INACTIVE) && !f.contains(ListDomainsFlag.ACTIVE);
            List<org.jvirt.api.Domain> out = new ArrayList<>(onlyActive ? host.domsById.size()
                    : onlyInactive ? host.inactiveByName.size() : host.domsByUuid.size());
            for (DomObj o : host.sortedDomains(!onlyInactive, !onlyActive)) {
                if (matches(o, f)) {
                    out.add(handle(o));
                }
            }
            return out;
        });
    }

    private static boolean matches(DomObj o, Set<ListDomainsFlag> f) {
        if (f.isEmpty()) {
            return true;
        }
        boolean a = o.active();
        DomainState s = o.state();
        return pair(f, ListDomainsFlag.ACTIVE, a, ListDomainsFlag.INACTIVE, !a)
                && pair(f, ListDomainsFlag.PERSISTENT, o.persistent, ListDomainsFlag.TRANSIENT, !o.persistent)
                && (!(f.contains(ListDomainsFlag.RUNNING) || f.contains(ListDomainsFlag.PAUSED)
                        || f.contains(ListDomainsFlag.SHUTOFF) || f.contains(ListDomainsFlag.OTHER))
                        || f.contains(ListDomainsFlag.RUNNING) && s == DomainState.RUNNING
                        || f.contains(ListDomainsFlag.PAUSED) && s == DomainState.PAUSED
                        || f.contains(ListDomainsFlag.SHUTOFF) && s == DomainState.SHUTOFF
                        || f.contains(ListDomainsFlag.OTHER) && s != DomainState.RUNNING && s != DomainState.PAUSED
                                && s != DomainState.SHUTOFF)
                && pair(f, ListDomainsFlag.MANAGEDSAVE, o.managedSave != null, ListDomainsFlag.NO_MANAGEDSAVE,
                        o.managedSave == null)
                && pair(f, ListDomainsFlag.AUTOSTART, o.autostart, ListDomainsFlag.NO_AUTOSTART, !o.autostart)
                && pair(f, ListDomainsFlag.HAS_SNAPSHOT, !o.snapshots.isEmpty(), ListDomainsFlag.NO_SNAPSHOT,
                        o.snapshots.isEmpty())
                && pair(f, ListDomainsFlag.HAS_CHECKPOINT, false, ListDomainsFlag.NO_CHECKPOINT, true);
    }

    static <F> boolean pair(Set<F> f, F yes, boolean isYes, F no, boolean isNo) {
        if (!f.contains(yes) && !f.contains(no)) {
            return true;
        }
        return f.contains(yes) && isYes || f.contains(no) && isNo;
    }

    @Override
    public int numOfDomains() {
        read("virConnectNumOfDomains");
        return host.locked(host.domsById::size);
    }

    @Override
    public Optional<org.jvirt.api.Domain> findDomainByName(String name) {
        read("virDomainLookupByName");
        return host.locked(() -> Optional.ofNullable(host.domsByName.get(name)).map(this::handle));
    }

    @Override
    public Optional<org.jvirt.api.Domain> findDomainByUUID(UUID uuid) {
        read("virDomainLookupByUUID");
        return host.locked(() -> Optional.ofNullable(host.domsByUuid.get(uuid)).map(this::handle));
    }

    @Override
    public Optional<org.jvirt.api.Domain> findDomainById(int id) {
        read("virDomainLookupByID");
        return host.locked(() -> Optional.ofNullable(host.domsById.get(id)).map(this::handle));
    }

    private static VirtException noDomain() {
        return VirtException.of(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, null);
    }

    @Override
    public org.jvirt.api.Domain lookupDomainByName(String name) {
        return findDomainByName(name).orElseThrow(TestConnect::noDomain);
    }

    @Override
    public org.jvirt.api.Domain lookupDomainByUUID(UUID uuid) {
        return findDomainByUUID(uuid).orElseThrow(TestConnect::noDomain);
    }

    @Override
    public org.jvirt.api.Domain lookupDomainById(int id) {
        return findDomainById(id).orElseThrow(TestConnect::noDomain);
    }

    @Override
    public org.jvirt.api.Domain defineDomain(String xml) {
        return define("virDomainDefineXML", xml);
    }

    @Override
    public org.jvirt.api.Domain defineDomain(String xml, Set<DomainDefineFlag> flags) {
        return define("virDomainDefineXMLFlags", xml);
    }

    private org.jvirt.api.Domain define(String function, String xml) {
        write(function);
        DomainDef def = DomainXml.parse(xml);
        return host.locked(() -> handle(host.define(def)));
    }

    @Override
    public org.jvirt.api.Domain createDomain(String xml, Set<DomainCreateFlag> flags) {
        write("virDomainCreateXML");
        int bad = VirtFlag.toBits(flags) & ~DomainCreateFlag.VALIDATE.bits();
        if (bad != 0) {
            throw badFlags(bad, "testDomainCreateXML");
        }
        DomainDef def = DomainXml.parse(xml);
        def.id(-1);
        return host.locked(() -> handle(host.createTransient(def)));
    }

    @Override
    public void restoreDomain(String path, Set<DomainSaveFlag> flags) {
        write("virDomainRestoreFlags");
        int bits = VirtFlag.toBits(flags);
        if (bits != 0) {
            throw badFlags(bits, "testDomainRestoreFlags");
        }
        String xml = Host.readSave(path);
        host.lockedRun(() -> host.restore(xml));
    }

    @Override
    public Registration addDomainEventListener(DomainEventListener listener) {
        read("virConnectDomainEventRegisterAny");
        Events.Sub s = new Events.Sub(listener, this::handle);
        subs.add(s);
        host.events.add(s);
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                subs.remove(s);
                host.events.remove(s);
            }
        };
    }

    // ---- storage ----

    TestPool poolHandle(Host.PoolObj p) {
        return new TestPool(this, p.def.uuid(), p.def.name());
    }

    @Override
    public List<StoragePool> listAllStoragePools(Set<ListPoolsFlag> f) {
        checkOpen("virConnectListAllStoragePools", ErrorDomain.STORAGE);
        return host.locked(() -> {
            List<StoragePool> out = new ArrayList<>();
            host.poolsByName.values().stream().sorted(java.util.Comparator.comparing(p -> p.def.name()))
                    .filter(p -> pair(f, ListPoolsFlag.ACTIVE, p.active, ListPoolsFlag.INACTIVE, !p.active)
                            && pair(f, ListPoolsFlag.PERSISTENT, p.persistent, ListPoolsFlag.TRANSIENT, !p.persistent)
                            && pair(f, ListPoolsFlag.AUTOSTART, p.autostart, ListPoolsFlag.NO_AUTOSTART, !p.autostart))
                    .forEach(p -> out.add(poolHandle(p)));
            return out;
        });
    }

    @Override
    public Optional<StoragePool> findStoragePoolByName(String name) {
        checkOpen("virStoragePoolLookupByName", ErrorDomain.STORAGE);
        return host.locked(() -> Optional.ofNullable(host.poolsByName.get(name)).map(this::poolHandle));
    }

    @Override
    public Optional<StoragePool> findStoragePoolByUUID(UUID uuid) {
        checkOpen("virStoragePoolLookupByUUID", ErrorDomain.STORAGE);
        return host.locked(() -> Optional.ofNullable(host.poolsByUuid.get(uuid)).map(this::poolHandle));
    }

    @Override
    public StoragePool lookupStoragePoolByName(String name) {
        return findStoragePoolByName(name).orElseThrow(() -> VirtException.of(ErrorCode.NO_STORAGE_POOL,
                ErrorDomain.TEST, "no storage pool with matching name '" + name + "'"));
    }

    @Override
    public StoragePool lookupStoragePoolByUUID(UUID uuid) {
        return findStoragePoolByUUID(uuid).orElseThrow(() -> VirtException.of(ErrorCode.NO_STORAGE_POOL,
                ErrorDomain.TEST, "no storage pool with matching uuid '" + uuid + "'"));
    }

    @Override
    public StoragePool defineStoragePool(String xml) {
        checkWritable("virStoragePoolDefineXML", ErrorDomain.STORAGE);
        StoragePoolDef def = StorageXml.parsePool(xml);
        return host.locked(() -> {
            Host.PoolObj p = host.addPool(def);
            p.persistent = true;
            return poolHandle(p);
        });
    }

    @Override
    public StoragePool createStoragePool(String xml) {
        checkWritable("virStoragePoolCreateXML", ErrorDomain.STORAGE);
        StoragePoolDef def = StorageXml.parsePool(xml);
        return host.locked(() -> {
            Host.PoolObj existing = host.poolsByUuid.get(def.uuid());
            if (existing != null && existing.active) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.STORAGE,
                        "pool is already active as '" + existing.def.name() + "'");
            }
            Host.PoolObj p = host.addPool(def);
            if (existing == null) {
                p.persistent = false;
            }
            p.active = true;
            return poolHandle(p);
        });
    }

    @Override
    public StorageVol lookupStorageVolByPath(String path) {
        checkOpen("virStorageVolLookupByPath", ErrorDomain.STORAGE);
        return host.locked(() -> {
            for (Host.PoolObj p : host.poolsByName.values()) {
                if (!p.active) {
                    continue;
                }
                for (StorageVolDef v : p.vols.values()) {
                    if (path.equals(v.path())) {
                        return new TestVol(poolHandle(p), v.name(), v.key(), v.path());
                    }
                }
            }
            throw VirtException.of(ErrorCode.NO_STORAGE_VOL, ErrorDomain.TEST,
                    "no storage vol with matching path '" + path + "'");
        });
    }

    // ---- networks ----

    TestNetwork netHandle(Host.NetObj n) {
        return new TestNetwork(this, n.def.uuid(), n.def.name());
    }

    @Override
    public List<Network> listAllNetworks(Set<ListNetworksFlag> f) {
        checkOpen("virConnectListAllNetworks", ErrorDomain.NETWORK);
        return host.locked(() -> {
            List<Network> out = new ArrayList<>();
            host.netsByName.values().stream().sorted(java.util.Comparator.comparing(n -> n.def.name()))
                    .filter(n -> pair(f, ListNetworksFlag.ACTIVE, n.active, ListNetworksFlag.INACTIVE, !n.active)
                            && pair(f, ListNetworksFlag.PERSISTENT, n.persistent, ListNetworksFlag.TRANSIENT,
                                    !n.persistent)
                            && pair(f, ListNetworksFlag.AUTOSTART, n.autostart, ListNetworksFlag.NO_AUTOSTART,
                                    !n.autostart))
                    .forEach(n -> out.add(netHandle(n)));
            return out;
        });
    }

    @Override
    public Optional<Network> findNetworkByName(String name) {
        checkOpen("virNetworkLookupByName", ErrorDomain.NETWORK);
        return host.locked(() -> Optional.ofNullable(host.netsByName.get(name)).map(this::netHandle));
    }

    @Override
    public Optional<Network> findNetworkByUUID(UUID uuid) {
        checkOpen("virNetworkLookupByUUID", ErrorDomain.NETWORK);
        return host.locked(() -> Optional.ofNullable(host.netsByUuid.get(uuid)).map(this::netHandle));
    }

    @Override
    public Network lookupNetworkByName(String name) {
        return findNetworkByName(name).orElseThrow(() -> VirtException.of(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                "no network with matching name '" + name + "'"));
    }

    @Override
    public Network lookupNetworkByUUID(UUID uuid) {
        return findNetworkByUUID(uuid).orElseThrow(() -> VirtException.of(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                "no network with matching uuid '" + uuid + "'"));
    }

    @Override
    public Network defineNetwork(String xml) {
        checkWritable("virNetworkDefineXML", ErrorDomain.NETWORK);
        var def = NetworkXml.parse(xml);
        return host.locked(() -> {
            Host.NetObj n = host.addNet(def);
            n.persistent = true;
            return netHandle(n);
        });
    }

    @Override
    public Network createNetwork(String xml) {
        checkWritable("virNetworkCreateXML", ErrorDomain.NETWORK);
        var def = NetworkXml.parse(xml);
        return host.locked(() -> {
            Host.NetObj existing = host.netsByUuid.get(def.uuid());
            if (existing != null && existing.active) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.NETWORK,
                        "network is already active as '" + existing.def.name() + "'");
            }
            Host.NetObj n = host.addNet(def);
            if (existing == null) {
                n.persistent = false;
            }
            n.active = true;
            return netHandle(n);
        });
    }
}
