package org.jvirt.driver.remote.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainSaveFlag;
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
import org.jvirt.driver.remote.RemoteFeatures;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.QemuProgram;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;
import org.jvirt.rpc.StructType;
import org.jvirt.rpc.Types;
import org.jvirt.rpc.client.RpcClient;
import org.jvirt.rpc.client.RpcStream;
import org.jvirt.spi.ConnectUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Connect} whose every call is a procedure of the REMOTE program on one
 * {@link RpcClient}. Domain lifecycle events come from one server-side registration (event id 0)
 * made when the first listener is added and dropped with the last. Thread-safe.
 */
public final class RemoteConnect implements Connect, RemoteFeatures {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnect.class);
    static final StructType DOM = Types.struct("dom");
    static final StructType NET = Types.struct("net");
    static final StructType POOL = Types.struct("pool");
    static final StructType VOL = Types.struct("vol");
    static final StructType SNAP = Types.struct("snap");
    private static final int EVENT_ID_LIFECYCLE = 0;

    private final RpcClient rpc;
    private final ConnectUri uri;
    private final boolean readOnly;
    private final boolean keepaliveSupported;
    private final boolean eventCallbacks;
    private final boolean closeCallback;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String type;

    private final Object eventLock = new Object();
    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Integer lifecycleCallbackId;
    private final Map<Integer, Boolean> legacyRegistered = new ConcurrentHashMap<>();

    RemoteConnect(RpcClient rpc, ConnectUri uri, boolean readOnly, boolean keepaliveSupported, boolean eventCallbacks,
                  boolean closeCallback) {
        this.rpc = rpc;
        this.uri = uri;
        this.readOnly = readOnly;
        this.keepaliveSupported = keepaliveSupported;
        this.eventCallbacks = eventCallbacks;
        this.closeCallback = closeCallback;
        rpc.setEventHandler(RemoteProgram.TABLE, this::onEvent);
    }

    /** The RPC connection (for this package's objects). */
    RpcClient rpc() {
        return rpc;
    }

    Struct call(Procedure p, Object... args) {
        return rpc.call(p, args);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type == org.jvirt.spi.MigrationV3.class) {
            return type.cast(new RemoteMigration(this));
        }
        return Connect.super.unwrap(type);
    }

    // ---- handles ----

    Struct ref(RemoteDomain d) {
        return DOM.of(d.getName(), d.getUUID(), d.cachedId());
    }

    RemoteDomain domain(Struct s) {
        return new RemoteDomain(this, s.str("name"), s.uuid("uuid"), s.i32("id"));
    }

    RemoteNetwork network(Struct s) {
        return new RemoteNetwork(this, s.str("name"), s.uuid("uuid"));
    }

    RemotePool pool(Struct s) {
        return new RemotePool(this, s.str("name"), s.uuid("uuid"));
    }

    RemoteVol vol(Struct s) {
        return new RemoteVol(this, s.str("pool"), s.str("name"), s.str("key"));
    }

    private static RemoteDomain own(Domain d) {
        if (d instanceof RemoteDomain r) {
            return r;
        }
        throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE, "domain " + d.getName() + " is not remote");
    }

    /** Turns a not-found error into an empty Optional. */
    static <T> Optional<T> find(ErrorCode notFound, Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (VirtException e) {
            if (e.code() == notFound) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- the connection ----

    @Override
    public String getType() {
        String t = type;
        if (t == null) {
            t = call(RemoteProgram.CONNECT_GET_TYPE).str("type");
            type = t;
        }
        return t;
    }

    @Override
    public Version getVersion() {
        return Version.fromNumber(call(RemoteProgram.CONNECT_GET_VERSION).i64("hv_ver"));
    }

    @Override
    public Version getLibVersion() {
        return Version.fromNumber(call(RemoteProgram.CONNECT_GET_LIB_VERSION).i64("lib_ver"));
    }

    @Override
    public String getHostname() {
        return call(RemoteProgram.CONNECT_GET_HOSTNAME).str("hostname");
    }

    @Override
    public String getURI() {
        return uri.original();
    }

    @Override
    public String getCapabilities() {
        return call(RemoteProgram.CONNECT_GET_CAPABILITIES).str("capabilities");
    }

    @Override
    public NodeInfo getNodeInfo() {
        Struct s = call(RemoteProgram.NODE_GET_INFO);
        return new NodeInfo(cString(s.bytes("model")), s.i64("memory"), s.i32("cpus"), s.i32("mhz"), s.i32("nodes"),
                s.i32("sockets"), s.i32("cores"), s.i32("threads"));
    }

    /** A C string from a char array: up to the first NUL. */
    static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public SecurityModel getSecurityModel() {
        Struct s = call(RemoteProgram.NODE_GET_SECURITY_MODEL);
        return new SecurityModel(cString(s.bytes("model")), cString(s.bytes("doi")));
    }

    @Override
    public int getMaxVcpus(String type) {
        return call(RemoteProgram.CONNECT_GET_MAX_VCPUS, type).i32("max_vcpus");
    }

    @Override
    public boolean isAlive() {
        return !closed.get() && rpc.isOpen();
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public boolean isEncrypted() {
        return rpc.isEncrypted();
    }

    @Override
    public boolean isSecure() {
        if (rpc.isEncrypted() || rpc.isLocal()) {
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (rpc.isOpen()) {
                Integer id = lifecycleCallbackId;
                if (id != null) {
                    rpc.call(RemoteProgram.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, id);
                }
                if (closeCallback) {
                    rpc.call(RemoteProgram.CONNECT_UNREGISTER_CLOSE_CALLBACK);
                }
                rpc.call(RemoteProgram.CONNECT_CLOSE);
            }
        } catch (VirtException e) {
            LOG.debug("closing {}: {}", uri, e.getMessage());
        } finally {
            rpc.close();
        }
    }

    // ---- domains ----

    @Override
    public List<Domain> listAllDomains(Set<ListDomainsFlag> filters) {
        Struct r = call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, 1, VirtFlag.toBits(filters));
        List<Struct> doms = r.list("domains");
        List<RemoteDomain> out = new ArrayList<>();
        for (Struct s : doms) {
            out.add(domain(s));
        }
        out.sort(Comparator.comparing((RemoteDomain d) -> d.cachedId() < 0)
                .thenComparingInt(RemoteDomain::cachedId).thenComparing(RemoteDomain::getName));
        return List.copyOf(out);
    }

    @Override
    public int numOfDomains() {
        return call(RemoteProgram.CONNECT_NUM_OF_DOMAINS).i32("num");
    }

    @Override
    public Optional<Domain> findDomainByName(String name) {
        return find(ErrorCode.NO_DOMAIN, () -> domain(call(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, name).struct("dom")));
    }

    @Override
    public Optional<Domain> findDomainByUUID(UUID uuid) {
        return find(ErrorCode.NO_DOMAIN, () -> domain(call(RemoteProgram.DOMAIN_LOOKUP_BY_UUID, uuid).struct("dom")));
    }

    @Override
    public Optional<Domain> findDomainById(int id) {
        return find(ErrorCode.NO_DOMAIN, () -> domain(call(RemoteProgram.DOMAIN_LOOKUP_BY_ID, id).struct("dom")));
    }

    @Override
    public Domain lookupDomainByName(String name) {
        return domain(call(RemoteProgram.DOMAIN_LOOKUP_BY_NAME, name).struct("dom"));
    }

    @Override
    public Domain lookupDomainByUUID(UUID uuid) {
        return domain(call(RemoteProgram.DOMAIN_LOOKUP_BY_UUID, uuid).struct("dom"));
    }

    @Override
    public Domain lookupDomainById(int id) {
        return domain(call(RemoteProgram.DOMAIN_LOOKUP_BY_ID, id).struct("dom"));
    }

    @Override
    public Domain defineDomain(String xml, Set<DomainDefineFlag> flags) {
        int bits = VirtFlag.toBits(flags);
        Struct r = bits == 0 ? call(RemoteProgram.DOMAIN_DEFINE_XML, xml)
                : call(RemoteProgram.DOMAIN_DEFINE_XML_FLAGS, xml, bits);
        return domain(r.struct("dom"));
    }

    @Override
    public Domain createDomain(String xml, Set<DomainCreateFlag> flags) {
        return domain(call(RemoteProgram.DOMAIN_CREATE_XML, xml, VirtFlag.toBits(flags)).struct("dom"));
    }

    @Override
    public void restoreDomain(String path, Set<DomainSaveFlag> flags) {
        int bits = VirtFlag.toBits(flags);
        if (bits == 0) {
            call(RemoteProgram.DOMAIN_RESTORE, path);
        } else {
            call(RemoteProgram.DOMAIN_RESTORE_FLAGS, path, null, bits);
        }
    }

    @Override
    public Registration addDomainEventListener(DomainEventListener listener) {
        synchronized (eventLock) {
            if (listeners.isEmpty()) {
                if (eventCallbacks) {
                    lifecycleCallbackId = call(RemoteProgram.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                            EVENT_ID_LIFECYCLE, null).i32("callbackID");
                } else {
                    call(RemoteProgram.CONNECT_DOMAIN_EVENT_REGISTER_ANY, EVENT_ID_LIFECYCLE);
                    legacyRegistered.put(EVENT_ID_LIFECYCLE, true);
                }
            }
            listeners.add(listener);
        }
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                removeListener(listener);
            }
        };
    }

    private void removeListener(DomainEventListener listener) {
        synchronized (eventLock) {
            listeners.remove(listener);
            if (!listeners.isEmpty() || !rpc.isOpen()) {
                return;
            }
            try {
                Integer id = lifecycleCallbackId;
                if (id != null) {
                    lifecycleCallbackId = null;
                    call(RemoteProgram.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, id);
                } else if (legacyRegistered.remove(EVENT_ID_LIFECYCLE) != null) {
                    call(RemoteProgram.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, EVENT_ID_LIFECYCLE);
                }
            } catch (VirtException e) {
                LOG.debug("deregistering events: {}", e.getMessage());
            }
        }
    }

    private void onEvent(Procedure proc, Struct body) {
        Struct msg;
        if (proc == RemoteProgram.DOMAIN_EVENT_CALLBACK_LIFECYCLE) {
            Integer id = lifecycleCallbackId;
            if (id == null || body.i32("callbackID") != id) {
                return;
            }
            msg = body.struct("msg");
        } else if (proc == RemoteProgram.DOMAIN_EVENT_LIFECYCLE) {
            msg = body;
        } else if (proc == RemoteProgram.CONNECT_EVENT_CONNECTION_CLOSED) {
            LOG.debug("{}: server closed the hypervisor connection (reason {})", uri, body.i32("reason"));
            return;
        } else {
            return;
        }
        int ev = msg.i32("event");
        DomainEventType[] types = DomainEventType.values();
        if (ev < 0 || ev >= types.length) {
            return;
        }
        DomainEvent e = new DomainEvent(domain(msg.struct("dom")), types[ev], msg.i32("detail"));
        for (DomainEventListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("domain event listener failed", ex);
            }
        }
    }

    // ---- storage ----

    @Override
    public List<StoragePool> listAllStoragePools(Set<ListPoolsFlag> filters) {
        List<Struct> pools = call(RemoteProgram.CONNECT_LIST_ALL_STORAGE_POOLS, 1, VirtFlag.toBits(filters)).list("pools");
        return pools.stream().map(s -> (StoragePool) pool(s)).toList();
    }

    @Override
    public Optional<StoragePool> findStoragePoolByName(String name) {
        return find(ErrorCode.NO_STORAGE_POOL, () -> pool(call(RemoteProgram.STORAGE_POOL_LOOKUP_BY_NAME, name)
                .struct("pool")));
    }

    @Override
    public Optional<StoragePool> findStoragePoolByUUID(UUID uuid) {
        return find(ErrorCode.NO_STORAGE_POOL, () -> pool(call(RemoteProgram.STORAGE_POOL_LOOKUP_BY_UUID, uuid)
                .struct("pool")));
    }

    @Override
    public StoragePool lookupStoragePoolByName(String name) {
        return pool(call(RemoteProgram.STORAGE_POOL_LOOKUP_BY_NAME, name).struct("pool"));
    }

    @Override
    public StoragePool lookupStoragePoolByUUID(UUID uuid) {
        return pool(call(RemoteProgram.STORAGE_POOL_LOOKUP_BY_UUID, uuid).struct("pool"));
    }

    @Override
    public StoragePool defineStoragePool(String xml) {
        return pool(call(RemoteProgram.STORAGE_POOL_DEFINE_XML, xml, 0).struct("pool"));
    }

    @Override
    public StoragePool createStoragePool(String xml) {
        return pool(call(RemoteProgram.STORAGE_POOL_CREATE_XML, xml, 0).struct("pool"));
    }

    @Override
    public StorageVol lookupStorageVolByPath(String path) {
        return vol(call(RemoteProgram.STORAGE_VOL_LOOKUP_BY_PATH, path).struct("vol"));
    }

    // ---- networks ----

    @Override
    public List<Network> listAllNetworks(Set<ListNetworksFlag> filters) {
        List<Struct> nets = call(RemoteProgram.CONNECT_LIST_ALL_NETWORKS, 1, VirtFlag.toBits(filters)).list("nets");
        return nets.stream().map(s -> (Network) network(s)).toList();
    }

    @Override
    public Optional<Network> findNetworkByName(String name) {
        return find(ErrorCode.NO_NETWORK, () -> network(call(RemoteProgram.NETWORK_LOOKUP_BY_NAME, name).struct("net")));
    }

    @Override
    public Optional<Network> findNetworkByUUID(UUID uuid) {
        return find(ErrorCode.NO_NETWORK, () -> network(call(RemoteProgram.NETWORK_LOOKUP_BY_UUID, uuid).struct("net")));
    }

    @Override
    public Network lookupNetworkByName(String name) {
        return network(call(RemoteProgram.NETWORK_LOOKUP_BY_NAME, name).struct("net"));
    }

    @Override
    public Network lookupNetworkByUUID(UUID uuid) {
        return network(call(RemoteProgram.NETWORK_LOOKUP_BY_UUID, uuid).struct("net"));
    }

    @Override
    public Network defineNetwork(String xml) {
        return network(call(RemoteProgram.NETWORK_DEFINE_XML, xml).struct("net"));
    }

    @Override
    public Network createNetwork(String xml) {
        return network(call(RemoteProgram.NETWORK_CREATE_XML, xml).struct("net"));
    }

    // ---- RemoteFeatures ----

    private RemoteVol ownVol(StorageVol v) {
        if (v instanceof RemoteVol r && r.connect() == this) {
            return r;
        }
        throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE, "volume " + v.getName()
                + " does not belong to this connection");
    }

    @Override
    public long upload(StorageVol vol, long offset, long length, InputStream data) throws IOException {
        RemoteVol v = ownVol(vol);
        RpcStream s = rpc.openStream(RemoteProgram.STORAGE_VOL_UPLOAD, v.ref(), offset, length, 0);
        return s.sendAll(data);
    }

    @Override
    public long download(StorageVol vol, long offset, long length, OutputStream out) throws IOException {
        RemoteVol v = ownVol(vol);
        RpcStream s = rpc.openStream(RemoteProgram.STORAGE_VOL_DOWNLOAD, v.ref(), offset, length, 0);
        return s.receiveAll(out);
    }

    @Override
    public String qemuMonitorCommand(Domain domain, String command, boolean hmp) {
        return rpc.call(QemuProgram.DOMAIN_MONITOR_COMMAND, ref(own(domain)), command, hmp ? 1 : 0).str("result");
    }

    @Override
    public boolean setKeepAlive(int intervalSeconds, int count) {
        if (!keepaliveSupported) {
            return false;
        }
        if (intervalSeconds <= 0) {
            rpc.stopKeepAlive();
        } else {
            rpc.startKeepAlive(intervalSeconds, count);
        }
        return true;
    }

    @Override
    public String transportDescription() {
        return rpc.describe();
    }

    @Override
    public String toString() {
        return "RemoteConnect[" + uri + " over " + rpc.describe() + "]";
    }
}
