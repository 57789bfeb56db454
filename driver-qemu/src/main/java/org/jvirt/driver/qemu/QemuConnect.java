package org.jvirt.driver.qemu;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainSaveFlag;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.Registration;
import org.jvirt.api.Version;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;

/** A connection to a {@link QemuHost}. Thread-safe. */
final class QemuConnect implements Connect, QemuFeatures {
    private final QemuHost host;
    private final boolean readOnly;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Events.Sub> subs = new ArrayList<>();
    /**
     * Migration phases begun through this connection (a managed source's begin, a destination's
     * prepare) whose end has not come: each undone if the connection closes first, as libvirt's
     * close callbacks do for a client (or source daemon) that went away mid-migration.
     */
    final java.util.Map<UUID, Runnable> pendingMigrations = new java.util.concurrent.ConcurrentHashMap<>();

    QemuConnect(QemuHost host, boolean readOnly) {
        this.host = host;
        this.readOnly = readOnly;
    }

    QemuHost host() {
        return host;
    }

    @Override
    public String getType() {
        return "QEMU";
    }

    @Override
    public String getURI() {
        return host.paths.uri();
    }

    @Override
    public Version getVersion() {
        checkOpen();
        QemuCaps c = host.caps.get(QemuHost.defaultEmulator(QemuHost.hostArch()));
        return new Version(c.major(), c.minor(), c.micro());
    }

    @Override
    public Version getLibVersion() {
        checkOpen();
        return new Version(9, 0, 0);
    }

    @Override
    public NodeInfo getNodeInfo() {
        checkOpen();
        return NodeInfoReader.read(Path.of("/proc"), Path.of("/sys"));
    }

    @Override
    public void restoreDomain(String path, Set<DomainSaveFlag> flags) {
        checkWritable();
        QemuDomain.checkSaveFlags(flags);
        Boolean running = flags.contains(DomainSaveFlag.RUNNING) ? Boolean.TRUE
                : flags.contains(DomainSaveFlag.PAUSED) ? Boolean.FALSE : null;
        host.restore(Path.of(path).toAbsolutePath(), running);
    }

    @Override
    public String getHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw VirtException.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot resolve host name: " + e);
        }
    }

    @Override
    public String getCapabilities() {
        checkOpen();
        List<QemuCaps> emus = new ArrayList<>();
        for (String arch : List.of("i686", "x86_64")) {
            Path bin;
            try {
                bin = QemuHost.defaultEmulator(arch);
            } catch (VirtException e) {
                continue;
            }
            emus.add(host.caps.get(bin));
        }
        String hostArch = QemuHost.hostArch();
        if (!List.of("i686", "x86_64").contains(hostArch)) {
            emus.add(host.caps.get(QemuHost.defaultEmulator(hostArch)));
        }
        return CapabilitiesXml.format(hostArch, emus, QemuProcess.kvmUsable());
    }

    @Override
    public int getMaxVcpus(String type) {
        QemuCaps c = host.caps.get(QemuHost.defaultEmulator(QemuHost.hostArch()));
        return c.defaultMachine().map(QemuCaps.Machine::maxCpus).orElse(1);
    }

    @Override
    public boolean isAlive() {
        return !closed.get();
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (subs) {
                subs.forEach(host.events::remove);
                subs.clear();
            }
            for (UUID u : List.copyOf(pendingMigrations.keySet())) {
                Runnable undo = pendingMigrations.remove(u);
                if (undo == null) {
                    continue;
                }
                try {
                    undo.run();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(QemuConnect.class).warn(
                            "cannot undo the unfinished migration of {}: {}", u, e.getMessage());
                }
            }
        }
    }

    void checkOpen() {
        if (closed.get()) {
            throw VirtException.of(ErrorCode.INVALID_CONN, ErrorDomain.QEMU, "the connection is closed");
        }
    }

    void checkWritable() {
        checkOpen();
        if (readOnly) {
            throw VirtException.of(ErrorCode.OPERATION_DENIED, ErrorDomain.QEMU, "read-only connection");
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type == org.jvirt.spi.MigrationV3.class) {
            checkOpen();
            return type.cast(new QemuMigrationV3(this));
        }
        return Connect.super.unwrap(type);
    }

    QemuDomain handle(DomainObj obj) {
        return new QemuDomain(this, obj.name, obj.uuid);
    }

    @Override
    public List<Domain> listAllDomains(Set<ListDomainsFlag> f) {
        checkOpen();
        List<Domain> out = new ArrayList<>();
        for (DomainObj o : host.all()) {
            boolean active;
            boolean persistent;
            DomainState st;
            synchronized (o) {
                active = o.isActive();
                persistent = o.persistent;
                st = o.reason.state();
            }
            if (!pair(f, ListDomainsFlag.ACTIVE, active, ListDomainsFlag.INACTIVE, !active)
                    || !pair(f, ListDomainsFlag.PERSISTENT, persistent, ListDomainsFlag.TRANSIENT, !persistent)
                    || !pairLazy(f, ListDomainsFlag.AUTOSTART, ListDomainsFlag.NO_AUTOSTART,
                            () -> host.getAutostart(o))
                    || !pairLazy(f, ListDomainsFlag.MANAGEDSAVE, ListDomainsFlag.NO_MANAGEDSAVE,
                            () -> host.hasManagedSaveImage(o))
                    || !pair(f, ListDomainsFlag.HAS_SNAPSHOT, false, ListDomainsFlag.NO_SNAPSHOT, true)
                    || !pair(f, ListDomainsFlag.HAS_CHECKPOINT, false, ListDomainsFlag.NO_CHECKPOINT, true)) {
                continue;
            }
            boolean anyState = f.contains(ListDomainsFlag.RUNNING) || f.contains(ListDomainsFlag.PAUSED)
                    || f.contains(ListDomainsFlag.SHUTOFF) || f.contains(ListDomainsFlag.OTHER);
            if (anyState) {
                boolean match = (f.contains(ListDomainsFlag.RUNNING) && st == DomainState.RUNNING)
                        || (f.contains(ListDomainsFlag.PAUSED) && st == DomainState.PAUSED)
                        || (f.contains(ListDomainsFlag.SHUTOFF) && st == DomainState.SHUTOFF)
                        || (f.contains(ListDomainsFlag.OTHER) && st != DomainState.RUNNING
                        && st != DomainState.PAUSED && st != DomainState.SHUTOFF);
                if (!match) {
                    continue;
                }
            }
            out.add(handle(o));
        }
        return out;
    }

    /** {@link #pair} whose fact is read from disk only when a filter asks for it. */
    private static boolean pairLazy(Set<ListDomainsFlag> f, ListDomainsFlag a, ListDomainsFlag b,
                                    java.util.function.BooleanSupplier fact) {
        if (!f.contains(a) && !f.contains(b)) {
            return true;
        }
        boolean v = fact.getAsBoolean();
        return pair(f, a, v, b, !v);
    }

    private static boolean pair(Set<ListDomainsFlag> f, ListDomainsFlag a, boolean isA, ListDomainsFlag b,
                                boolean isB) {
        boolean hasA = f.contains(a);
        boolean hasB = f.contains(b);
        if (!hasA && !hasB) {
            return true;
        }
        return (hasA && isA) || (hasB && isB);
    }

    @Override
    public Optional<Domain> findDomainByName(String name) {
        checkOpen();
        return host.byName(name).map(this::handle);
    }

    @Override
    public Optional<Domain> findDomainByUUID(UUID uuid) {
        checkOpen();
        return host.byUuid(uuid).map(this::handle);
    }

    @Override
    public Optional<Domain> findDomainById(int id) {
        checkOpen();
        return host.byId(id).map(this::handle);
    }

    @Override
    public Domain defineDomain(String xml, Set<DomainDefineFlag> flags) {
        checkWritable();
        return handle(host.define(xml));
    }

    @Override
    public Domain createDomain(String xml, Set<DomainCreateFlag> flags) {
        checkWritable();
        return handle(host.createTransient(xml, flags.contains(DomainCreateFlag.PAUSED)));
    }

    @Override
    public String domainXmlToNative(String nativeFormat, String domainXml) {
        checkOpen();
        if (!QemuArgv.FORMAT.equals(nativeFormat)) {
            throw QemuArgv.badFormat(nativeFormat);
        }
        DomainDef def = host.prepare(domainXml);
        Path dir = host.paths.stateDir().resolve("domain--1-" + def.name());
        List<String> argv = QemuArgv.build(def, host.caps.get(Path.of(def.devices().emulator())),
                host.paths.stateDir());
        return QemuArgv.toShell(QemuArgv.environment(dir), argv);
    }

    @Override
    public Registration addDomainEventListener(DomainEventListener listener) {
        checkOpen();
        Events.Sub s = new Events.Sub(listener, this::handle);
        synchronized (subs) {
            subs.add(s);
        }
        host.events.add(s);
        return () -> {
            host.events.remove(s);
            synchronized (subs) {
                subs.remove(s);
            }
        };
    }

    // ---- QemuFeatures ----

    private DomainObj obj(Domain d) {
        if (!(d instanceof QemuDomain qd) || qd.getConnect() != this) {
            throw VirtException.of(ErrorCode.INVALID_DOMAIN, ErrorDomain.QEMU, "domain of another connection");
        }
        return host.require(qd.getUUID(), qd.getName());
    }

    @Override
    public String qemuMonitorCommand(Domain domain, String json) {
        checkWritable();
        return host.monitorCommand(obj(domain), json);
    }

    @Override
    public long qemuPid(Domain domain) {
        checkOpen();
        DomainObj o = obj(domain);
        synchronized (o) {
            if (!o.isActive()) {
                throw QemuHost.notRunning();
            }
            return o.pid;
        }
    }
}
