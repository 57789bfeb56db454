package org.jvirt.driver.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.InterfaceDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.NetworkDef;
import org.jvirt.conf.NodeDef;
import org.jvirt.conf.NodeXml;
import org.jvirt.conf.StoragePoolDef;
import org.jvirt.conf.StorageVolDef;

/**
 * The state of one test host: domains, pools, networks, node facts. One lock guards it all (as
 * libvirt's test driver's one driver lock); lookups are O(1) through maps by name, UUID and id.
 */
final class Host {
    static final int MAX_VCPUS = 32;
    static final byte[] SAVE_MAGIC = "TestGuestMagic\0".getBytes(StandardCharsets.US_ASCII);
    static final long POOL_CAPACITY = 100L * 1024 * 1024 * 1024;
    private static final String DEFAULT_CAPABILITIES = resource("capabilities.xml");
    private static final String DEFAULT_NODE = resource("default-node.xml");

    final ReentrantLock lock = new ReentrantLock();
    final Events events = new Events();
    final NodeDef node;
    final String capabilities;

    final Map<String, DomObj> domsByName = new HashMap<>();
    final Map<UUID, DomObj> domsByUuid = new HashMap<>();
    /** Running domains by id; sorted, so listing needs no sort (ids only grow, so puts append). */
    final TreeMap<Integer, DomObj> domsById = new TreeMap<>();
    /** Domains that are not running, by name: listing's second half, kept sorted as it changes. */
    final TreeMap<String, DomObj> inactiveByName = new TreeMap<>();
    int nextId = 1;

    final Map<String, PoolObj> poolsByName = new LinkedHashMap<>();
    final Map<UUID, PoolObj> poolsByUuid = new HashMap<>();
    final Map<String, NetObj> netsByName = new LinkedHashMap<>();
    final Map<UUID, NetObj> netsByUuid = new HashMap<>();

    /** A storage pool. */
    static final class PoolObj {
        StoragePoolDef def;
        /** A definition given while active, taking effect when the pool stops (libvirt's newDef). */
        StoragePoolDef newDef;
        boolean active;
        boolean persistent = true;
        boolean autostart;
        final Map<String, StorageVolDef> vols = new LinkedHashMap<>();

        PoolObj(StoragePoolDef def) {
            this.def = def;
        }

        void resize() {
            long alloc = 0;
            for (StorageVolDef v : vols.values()) {
                alloc += v.allocation();
            }
            def.sizes(POOL_CAPACITY, alloc, POOL_CAPACITY - alloc);
        }
    }

    /** A network. */
    static final class NetObj {
        NetworkDef def;
        /** A definition given while active, taking effect when the network stops (libvirt's newDef). */
        NetworkDef newDef;
        boolean active;
        boolean persistent = true;
        boolean autostart;

        NetObj(NetworkDef def) {
            this.def = def;
        }
    }

    /**
     * @param node the node facts and initial objects
     * @param fromFile whether they come from a node file: libvirt then gives the host no NUMA
     *        cells (its default host's two cells are built in code, not read from the file)
     */
    Host(NodeDef node, boolean fromFile) {
        this.node = node;
        this.capabilities = fromFile ? withoutCells(DEFAULT_CAPABILITIES) : DEFAULT_CAPABILITIES;
        for (NodeDef.NodeDomain nd : node.domains) {
            DomainDef d = nd.def();
            testPostParse(d);
            DomObj o = new DomObj(d);
            o.persistent = true;
            index(o);
            if (nd.runState() != 5) {
                start(o, DomainStateReason.RUNNING_UNKNOWN);
                if (nd.runState() == 3) {
                    o.reason = DomainStateReason.PAUSED_UNKNOWN;
                }
            }
        }
        for (NetworkDef n : node.networks) {
            NetObj o = new NetObj(n);
            o.active = true;
            netsByName.put(n.name(), o);
            netsByUuid.put(n.uuid(), o);
        }
        for (NodeDef.NodePool np : node.pools) {
            PoolObj p = new PoolObj(np.def());
            p.active = true;
            for (StorageVolDef v : np.volumes()) {
                fixVol(p, v);
                p.vols.put(v.name(), v);
            }
            p.resize();
            poolsByName.put(p.def.name(), p);
            poolsByUuid.put(p.def.uuid(), p);
        }
    }

    static Host defaultHost() {
        return new Host(NodeXml.parse(DEFAULT_NODE, Path.of("/")), false);
    }

    static Host fromFile(String file) {
        return new Host(NodeXml.read(file), true);
    }

    /**
     * The capabilities of a node-file host, as libvirt 9.0 gives them: the default host's, except
     * that {@code <topology>} has an empty {@code <cells num='0'>} (the file's {@code <cpu>} and
     * {@code <memory>} feed only virNodeGetInfo).
     */
    static String withoutCells(String caps) {
        int from = caps.indexOf("      <cells num=");
        int to = caps.indexOf("      </cells>", from);
        if (from < 0 || to < 0) {
            throw new IllegalStateException("capabilities.xml has no <cells>");
        }
        return caps.substring(0, from) + "      <cells num='0'>\n" + caps.substring(to);
    }

    private static String resource(String name) {
        try (InputStream in = Host.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }

    static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException e) {
            // fall back below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** CPU time as libvirt's test driver reports it: the time of day in ns, microsecond resolution. */
    static long cpuTime() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano() / 1000 * 1000L;
    }

    <T> T locked(Supplier<T> op) {
        lock.lock();
        try {
            return op.get();
        } finally {
            lock.unlock();
        }
    }

    void lockedRun(Runnable op) {
        lock.lock();
        try {
            op.run();
        } finally {
            lock.unlock();
        }
    }

    // ---- domains ----

    /** The test driver's defaults after libvirt's generic ones: arch from capabilities, NIC names and MACs. */
    static void testPostParse(DomainDef d) {
        if (d.os().type().arch() == null) {
            d.os().type().arch("i686");
        }
        int i = 0;
        for (InterfaceDef nic : d.devices().interfaces()) {
            testPostParseNic(nic, i++);
        }
    }

    static void testPostParseNic(InterfaceDef nic, int index) {
        if (nic.macAddress() == null) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            nic.macAddress(String.format("52:54:00:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        }
        if (nic.targetDev() == null) {
            nic.targetDev("testnet" + index);
        }
    }

    void index(DomObj o) {
        domsByName.put(o.name, o);
        domsByUuid.put(o.uuid, o);
        if (!o.active()) {
            inactiveByName.put(o.name, o);
        }
    }

    void unindex(DomObj o) {
        domsByName.remove(o.name);
        domsByUuid.remove(o.uuid);
        if (o.id >= 0) {
            domsById.remove(o.id);
        } else {
            inactiveByName.remove(o.name);
        }
    }

    DomObj dom(UUID uuid, String name) {
        DomObj o = domsByUuid.get(uuid);
        if (o == null) {
            throw VirtException.of(ErrorCode.NO_DOMAIN, ErrorDomain.TEST,
                    "no domain with matching uuid '" + uuid + "' (" + name + ")");
        }
        return o;
    }

    void start(DomObj o, DomainStateReason reason) {
        start(o, o.def.copy(), reason);
    }

    /**
     * Starts a domain on a live definition of its own.
     *
     * @param live the running definition; must not be shared with anything that outlives the run
     *        except a transient domain's own {@code def} (which nothing changes while it runs)
     */
    void start(DomObj o, DomainDef live, DomainStateReason reason) {
        inactiveByName.remove(o.name);
        o.live = live;
        o.id = nextId++;
        o.live.id(o.id);
        domsById.put(o.id, o);
        o.reason = reason;
        o.changed();
    }

    /** Stops a domain; a transient one disappears. */
    void stop(DomObj o, DomainStateReason reason) {
        halt(o, reason);
        if (!o.persistent) {
            unindex(o);
        }
    }

    /** Stops a domain, keeping it indexed even when transient (the caller decides). */
    void halt(DomObj o, DomainStateReason reason) {
        domsById.remove(o.id);
        o.id = -1;
        o.live = null;
        o.reason = reason;
        o.changed();
        inactiveByName.put(o.name, o);
    }

    /** Checks for a clash with an existing domain as virDomainObjListAdd. */
    DomObj clash(DomainDef def) {
        DomObj byName = domsByName.get(def.name());
        if (byName != null && !byName.uuid.equals(def.uuid())) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + def.name() + "' already exists with uuid " + byName.uuid);
        }
        DomObj byUuid = domsByUuid.get(def.uuid());
        if (byUuid != null && !byUuid.name.equals(def.name())) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain '" + byUuid.name + "' is already defined with uuid " + byUuid.uuid);
        }
        return byUuid;
    }

    DomObj define(DomainDef def) {
        testPostParse(def);
        DomObj o = clash(def);
        if (o == null) {
            o = new DomObj(def);
            o.persistent = true;
            index(o);
            events.emit(o, DomainEventType.DEFINED, 0);
        } else {
            o.def = def;
            o.persistent = true;
            o.changed();
            events.emit(o, DomainEventType.DEFINED, 1);
        }
        return o;
    }

    DomObj createTransient(DomainDef def) {
        testPostParse(def);
        DomObj o = clash(def);
        if (o != null && o.active()) {
            throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "domain '" + o.name + "' is already active");
        }
        if (o == null) {
            o = new DomObj(def);
            index(o);
        } else if (!o.persistent) {
            o.def = def;
        }
        // def was parsed for this call alone: it is the live definition (and a transient
        // domain's only one), no copy needed
        start(o, def, DomainStateReason.RUNNING_BOOTED);
        events.emit(o, DomainEventType.STARTED, 0);
        return o;
    }

    /** Running domains by id, then the others by name: two sorted indexes, no sort per call. */
    Iterable<DomObj> sortedDomains(boolean active, boolean inactive) {
        if (!inactive) {
            return domsById.values();
        }
        if (!active) {
            return inactiveByName.values();
        }
        List<DomObj> all = new ArrayList<>(domsByUuid.size());
        all.addAll(domsById.values());
        all.addAll(inactiveByName.values());
        return all;
    }

    // ---- save files ----

    /** Save images are created readable by their owner only, as libvirt creates them. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /**
     * Writes a save image as libvirt 9.0's testDomainSaveImageWrite does: straight to the path
     * (created {@code 0600}, or truncated), and removed again if writing fails. The messages name
     * the domain and the path as the caller gave it.
     */
    static void writeSave(String path, String domain, String xml) {
        byte[] x = xml.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(SAVE_MAGIC.length + 4 + x.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(SAVE_MAGIC).putInt(x.length).put(x).flip();
        String what = "saving domain '" + domain + "' to '" + path + "': ";
        Path p = Path.of(path);
        FileChannel ch;
        try {
            ch = FileChannel.open(p, Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE), OWNER_ONLY);
        } catch (IOException e) {
            throw systemError(what + "open failed", e);
        }
        try (ch) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the write error is the one to report
            }
            throw systemError(what + "write failed", e);
        }
    }

    /** A {@code VIR_ERR_SYSTEM_ERROR} as virReportSystemError words it: the text, then strerror. */
    static VirtException systemError(String text, IOException e) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST, text + ": " + strerror(e), e);
    }

    /** The C library's text for the errno behind an I/O exception of java.nio.file. */
    static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    static String readSave(String path) {
        byte[] data;
        try {
            data = Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw systemError("cannot read domain image '" + path + "'", e);
        }
        if (data.length < SAVE_MAGIC.length) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "incomplete save header in '" + path + "': Success");
        }
        for (int i = 0; i < SAVE_MAGIC.length; i++) {
            if (data[i] != SAVE_MAGIC[i]) {
                throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST, "mismatched header magic");
            }
        }
        if (data.length < SAVE_MAGIC.length + 4) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "failed to read metadata length in '" + path + "': Success");
        }
        int len = ByteBuffer.wrap(data, SAVE_MAGIC.length, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (len < 1 || len > 8192 * 1024 || data.length < SAVE_MAGIC.length + 4 + len) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                    "length of metadata out of range");
        }
        return new String(data, SAVE_MAGIC.length + 4, len, StandardCharsets.UTF_8);
    }

    DomObj restore(String xml) {
        DomainDef def = DomainXml.parse(xml);
        testPostParse(def);
        def.id(-1);
        DomObj o = clash(def);
        if (o != null && o.active()) {
            throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "domain '" + o.name + "' is already active");
        }
        if (o == null) {
            o = new DomObj(def);
            index(o);
        } else if (!o.persistent) {
            o.def = def;
        }
        start(o, def, DomainStateReason.RUNNING_RESTORED);
        events.emit(o, DomainEventType.STARTED, 2);
        return o;
    }

    // ---- storage ----

    static void fixVol(PoolObj p, StorageVolDef v) {
        String path = p.def.targetPath() + "/" + v.name();
        v.path(path);
        v.key(path);
    }

    PoolObj pool(UUID uuid, String name) {
        PoolObj p = poolsByUuid.get(uuid);
        if (p == null) {
            throw VirtException.of(ErrorCode.NO_STORAGE_POOL, ErrorDomain.TEST,
                    "no storage pool with matching uuid '" + uuid + "' (" + name + ")");
        }
        return p;
    }

    PoolObj addPool(StoragePoolDef def) {
        PoolObj byName = poolsByName.get(def.name());
        if (byName != null && !byName.def.uuid().equals(def.uuid())) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                    "pool '" + def.name() + "' already exists with uuid " + byName.def.uuid());
        }
        PoolObj byUuid = poolsByUuid.get(def.uuid());
        if (byUuid != null && !byUuid.def.name().equals(def.name())) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.STORAGE,
                    "pool '" + byUuid.def.name() + "' is already defined with uuid " + def.uuid());
        }
        if (byUuid != null) {
            if (byUuid.active) {
                byUuid.newDef = def;
            } else {
                byUuid.def = def;
                byUuid.resize();
            }
            return byUuid;
        }
        PoolObj p = new PoolObj(def);
        p.resize();
        poolsByName.put(def.name(), p);
        poolsByUuid.put(def.uuid(), p);
        return p;
    }

    void removePool(PoolObj p) {
        poolsByName.remove(p.def.name());
        poolsByUuid.remove(p.def.uuid());
    }

    // ---- networks ----

    NetObj net(UUID uuid, String name) {
        NetObj n = netsByUuid.get(uuid);
        if (n == null) {
            throw VirtException.of(ErrorCode.NO_NETWORK, ErrorDomain.TEST,
                    "no network with matching uuid '" + uuid + "' (" + name + ")");
        }
        return n;
    }

    NetObj addNet(NetworkDef def) {
        NetObj byName = netsByName.get(def.name());
        if (byName != null && !byName.def.uuid().equals(def.uuid())) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK,
                    "network '" + def.name() + "' already exists with uuid " + byName.def.uuid());
        }
        NetObj byUuid = netsByUuid.get(def.uuid());
        if (byUuid != null && !byUuid.def.name().equals(def.name())) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.NETWORK,
                    "network '" + byUuid.def.name() + "' is already defined with uuid " + def.uuid());
        }
        if (byUuid != null) {
            if (byUuid.active) {
                byUuid.newDef = def;
            } else {
                byUuid.def = def;
            }
            return byUuid;
        }
        NetObj n = new NetObj(def);
        netsByName.put(def.name(), n);
        netsByUuid.put(def.uuid(), n);
        return n;
    }

    void removeNet(NetObj n) {
        netsByName.remove(n.def.name());
        netsByUuid.remove(n.def.uuid());
    }
}
