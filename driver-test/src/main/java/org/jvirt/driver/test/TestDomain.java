package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDeviceFlag;
import org.jvirt.api.DomainEventType;
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
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.SnapshotListFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.VirtFlag;
import org.jvirt.conf.DiskDef;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.Generic;
import org.jvirt.conf.SnapshotDef;
import org.jvirt.conf.SnapshotXml;

/** A domain handle of a test connection; every call reads the host's current state under its lock. */
final class TestDomain implements Domain {
    final TestConnect conn;
    final UUID uuid;
    final String name;

    TestDomain(TestConnect conn, UUID uuid, String name) {
        this.conn = conn;
        this.uuid = uuid;
        this.name = name;
    }

    /** A read through the domain API: fails once the connection is closed. */
    private void read(String function) {
        conn.checkOpen(function, ErrorDomain.DOMAIN);
    }

    /** A change through the domain API: also refused on a read-only connection. */
    private void write(String function) {
        conn.checkWritable(function, ErrorDomain.DOMAIN);
    }

    private Host host() {
        return conn.host;
    }

    private <T> T with(java.util.function.Function<DomObj, T> op) {
        return host().locked(() -> op.apply(host().dom(uuid, name)));
    }

    private void run(java.util.function.Consumer<DomObj> op) {
        host().lockedRun(() -> op.accept(host().dom(uuid, name)));
    }

    private static VirtException notRunning() {
        return VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
    }

    private void emit(DomObj o, DomainEventType t, int detail) {
        host().events.emit(o, t, detail);
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
        read("virDomainGetID");
        return with(o -> o.id);
    }

    @Override
    public DomainInfo getInfo() {
        read("virDomainGetInfo");
        return with(o -> {
            DomainDef d = o.current();
            return new DomainInfo(o.state(), d.memoryKiB(), d.currentMemoryKiB(), d.currentVcpus(), Host.cpuTime());
        });
    }

    @Override
    public DomainStateInfo getState() {
        read("virDomainGetState");
        return with(o -> new DomainStateInfo(o.state(), o.reason));
    }

    @Override
    public String getOSType() {
        read("virDomainGetOSType");
        with(o -> o);
        return "linux";
    }

    @Override
    public String getXMLDesc() {
        read("virDomainGetXMLDesc");
        return with(o -> o.xml(false, false));
    }

    @Override
    public String getXMLDesc(Set<DomainXmlFlag> flags) {
        read("virDomainGetXMLDesc");
        if (flags.contains(DomainXmlFlag.SECURE) && conn.isReadOnly()) {
            throw VirtException.of(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                    "virDomainGetXMLDesc with secure flag");
        }
        return with(o -> o.xml(flags.contains(DomainXmlFlag.INACTIVE), flags.contains(DomainXmlFlag.SECURE)));
    }

    @Override
    public boolean isActive() {
        read("virDomainIsActive");
        return with(DomObj::active);
    }

    @Override
    public boolean isPersistent() {
        read("virDomainIsPersistent");
        return with(o -> o.persistent);
    }

    @Override
    public boolean isUpdated() {
        read("virDomainIsUpdated");
        with(o -> o);
        return false;
    }

    @Override
    public SecurityLabel getSecurityLabel() {
        read("virDomainGetSecurityLabel");
        with(o -> o);
        // As libvirt's test driver: only a running domain has a label.
        return isActive() ? new SecurityLabel("libvirt-test", true) : new SecurityLabel("", false);
    }

    // ---- lifecycle ----

    @Override
    public void create() {
        start("virDomainCreate", Set.of());
    }

    @Override
    public void create(Set<DomainCreateFlag> flags) {
        start("virDomainCreateWithFlags", flags);
    }

    private void start(String function, Set<DomainCreateFlag> flags) {
        write(function);
        int bits = VirtFlag.toBits(flags);
        if (bits != 0) {
            throw TestConnect.badFlags(bits, "testDomainCreateWithFlags");
        }
        run(o -> {
            if (o.active()) {
                throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "Domain '" + o.name + "' is already running");
            }
            host().start(o, DomainStateReason.RUNNING_BOOTED);
            o.managedSave = null;
            emit(o, DomainEventType.STARTED, 0);
        });
    }

    @Override
    public void destroy() {
        write("virDomainDestroy");
        run(o -> {
            if (!o.active()) {
                throw notRunning();
            }
            host().stop(o, DomainStateReason.SHUTOFF_DESTROYED);
            emit(o, DomainEventType.STOPPED, 1);
        });
    }

    @Override
    public void shutdown() {
        write("virDomainShutdown");
        run(o -> {
            if (o.state() != DomainState.RUNNING && o.state() != DomainState.PAUSED) {
                throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "domain '" + o.name + "' not running");
            }
            host().stop(o, DomainStateReason.SHUTOFF_SHUTDOWN);
            emit(o, DomainEventType.STOPPED, 0);
        });
    }

    @Override
    public void reboot() {
        write("virDomainReboot");
        run(o -> {
            if (!o.active()) {
                throw notRunning();
            }
            o.reason = DomainStateReason.RUNNING_BOOTED;
        });
    }

    @Override
    public void suspend() {
        write("virDomainSuspend");
        run(o -> {
            if (o.state() != DomainState.RUNNING) {
                throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "domain '" + o.name + "' not running");
            }
            o.reason = DomainStateReason.PAUSED_USER;
            emit(o, DomainEventType.SUSPENDED, 0);
        });
    }

    @Override
    public void resume() {
        write("virDomainResume");
        run(o -> {
            if (o.state() != DomainState.PAUSED) {
                throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                        "domain '" + o.name + "' not paused");
            }
            o.reason = DomainStateReason.RUNNING_UNPAUSED;
            emit(o, DomainEventType.RESUMED, 0);
        });
    }

    @Override
    public void undefine() {
        undefine("virDomainUndefine", Set.of());
    }

    @Override
    public void undefine(Set<DomainUndefineFlag> flags) {
        undefine("virDomainUndefineFlags", flags);
    }

    private void undefine(String function, Set<DomainUndefineFlag> flags) {
        write(function);
        // libvirt 9.0's testDomainUndefineFlags knows only these two; NVRAM, TPM and checkpoint
        // flags are refused even where they would change nothing
        int bits = VirtFlag.toBits(flags);
        if ((bits & ~(DomainUndefineFlag.MANAGED_SAVE.bits() | DomainUndefineFlag.SNAPSHOTS_METADATA.bits())) != 0) {
            throw TestConnect.badFlags(bits, "testDomainUndefineFlags");
        }
        run(o -> {
            if (o.managedSave != null && !flags.contains(DomainUndefineFlag.MANAGED_SAVE)) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "Refusing to undefine while domain managed save image exists");
            }
            if (!o.active() && !o.snapshots.isEmpty() && !flags.contains(DomainUndefineFlag.SNAPSHOTS_METADATA)) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "cannot delete inactive domain with " + o.snapshots.size() + " snapshots");
            }
            o.managedSave = null;
            if (flags.contains(DomainUndefineFlag.SNAPSHOTS_METADATA) && !o.active()) {
                o.snapshots.clear();
                o.currentSnapshot = null;
            }
            emit(o, DomainEventType.UNDEFINED, 0);
            if (o.active()) {
                o.persistent = false;
            } else {
                host().unindex(o);
            }
        });
    }

    @Override
    public boolean getAutostart() {
        read("virDomainGetAutostart");
        return with(o -> o.autostart);
    }

    @Override
    public void setAutostart(boolean autostart) {
        write("virDomainSetAutostart");
        run(o -> o.autostart = autostart);
    }

    // ---- resources ----

    /** Resolves LIVE/CONFIG/current as virDomainObjUpdateModificationImpact. */
    private static boolean[] impact(DomObj o, boolean live, boolean config) {
        if (!live && !config) {
            live = o.active();
            config = !o.active();
        }
        if (live && !o.active()) {
            throw notRunning();
        }
        if (config && !o.persistent) {
            throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "transient domains do not have any persistent config");
        }
        return new boolean[] {live, config};
    }

    @Override
    public void setMaxMemory(long kib) {
        setMemory("virDomainSetMaxMemory", kib, EnumSet.of(DomainMemoryFlag.MAXIMUM));
    }

    @Override
    public void setMemory(long kib, Set<DomainMemoryFlag> flags) {
        setMemory("virDomainSetMemoryFlags", kib, flags);
    }

    private void setMemory(String function, long kib, Set<DomainMemoryFlag> flags) {
        write(function);
        boolean liveF = flags.contains(DomainMemoryFlag.LIVE);
        boolean configF = flags.contains(DomainMemoryFlag.CONFIG);
        if (liveF && configF) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        run(o -> {
            boolean[] im = impact(o, liveF, configF);
            if (flags.contains(DomainMemoryFlag.MAXIMUM)) {
                if (im[0]) {
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                            "cannot resize the maximum memory on an active domain");
                }
                o.def.memoryKiB(kib);
                if (o.def.currentMemoryKiB() > kib) {
                    o.def.currentMemoryKiB(kib);
                }
            } else {
                DomainDef d = im[0] ? o.live : o.def;
                if (kib > d.memoryKiB()) {
                    throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                            "cannot set memory higher than max memory");
                }
                d.currentMemoryKiB(kib);
            }
            o.changed();
        });
    }

    @Override
    public void setVcpus(int count, Set<DomainVcpuFlag> flags) {
        // the public API's checks, in virDomainSetVcpusFlags's order: read-only, flag
        // combinations, then the count
        write("virDomainSetVcpusFlags");
        boolean max = flags.contains(DomainVcpuFlag.MAXIMUM);
        if (max && !flags.contains(DomainVcpuFlag.CONFIG)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flag 'VIR_DOMAIN_AFFECT_CONFIG' is required by flag 'VIR_DOMAIN_VCPU_MAXIMUM'");
        }
        if (flags.contains(DomainVcpuFlag.GUEST) && flags.contains(DomainVcpuFlag.CONFIG)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_VCPU_GUEST' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        if (count == 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "nvcpus in virDomainSetVcpusFlags must not be zero");
        }
        int bad = VirtFlag.toBits(flags) & (DomainVcpuFlag.GUEST.bits() | DomainVcpuFlag.HOTPLUGGABLE.bits());
        if (bad != 0) {
            throw TestConnect.badFlags(VirtFlag.toBits(flags), "testDomainSetVcpusFlags");
        }
        run(o -> {
            boolean[] im = impact(o, flags.contains(DomainVcpuFlag.LIVE), flags.contains(DomainVcpuFlag.CONFIG));
            if (count > Host.MAX_VCPUS) {
                throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                        "requested cpu amount exceeds maximum supported amount (" + count + " > " + Host.MAX_VCPUS + ")");
            }
            if (max) {
                int cur = Math.min(o.def.currentVcpus(), count);
                o.def.vcpus(count, cur);
            } else {
                for (DomainDef d : im[0] && im[1] ? List.of(o.live, o.def) : List.of(im[0] ? o.live : o.def)) {
                    if (count > d.maxVcpus()) {
                        throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.TEST,
                                "requested cpu amount exceeds maximum (" + count + " > " + d.maxVcpus() + ")");
                    }
                }
                if (im[0]) {
                    o.live.vcpus(o.live.maxVcpus(), count);
                }
                if (im[1]) {
                    o.def.vcpus(o.def.maxVcpus(), count);
                }
            }
            o.changed();
        });
    }

    @Override
    public int getVcpus(Set<DomainVcpuFlag> flags) {
        read("virDomainGetVcpusFlags");
        return with(o -> {
            boolean[] im = impact(o, flags.contains(DomainVcpuFlag.LIVE), flags.contains(DomainVcpuFlag.CONFIG));
            DomainDef d = im[0] ? o.live : o.def;
            return flags.contains(DomainVcpuFlag.MAXIMUM) ? d.maxVcpus() : d.currentVcpus();
        });
    }

    // ---- devices ----

    /**
     * libvirt 9.0's test driver has no device hotplug: attach, detach and update answer
     * {@code VIR_ERR_NO_SUPPORT} (after the connection and read-only checks of the public API),
     * whatever the XML or flags.
     */
    private void noDeviceSupport(String function) {
        write(function);
        throw new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.DOMAIN, ErrorCode.NO_SUPPORT.format(function));
    }

    @Override
    public void attachDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        noDeviceSupport("virDomainAttachDeviceFlags");
    }

    @Override
    public void detachDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        noDeviceSupport("virDomainDetachDeviceFlags");
    }

    @Override
    public void updateDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        noDeviceSupport("virDomainUpdateDeviceFlags");
    }

    // ---- save ----

    @Override
    public void save(String path, Set<DomainSaveFlag> flags) {
        write("virDomainSaveFlags");
        int bits = VirtFlag.toBits(flags);
        if (bits != 0) {
            throw TestConnect.badFlags(bits, "testDomainSaveFlags");
        }
        run(o -> {
            if (!o.active()) {
                throw notRunning();
            }
            Host.writeSave(path, o.name, o.xml(false, true));
            host().stop(o, DomainStateReason.SHUTOFF_SAVED);
            emit(o, DomainEventType.STOPPED, 4);
        });
    }

    @Override
    public void managedSave(Set<DomainSaveFlag> flags) {
        write("virDomainManagedSave");
        int bits = VirtFlag.toBits(flags);
        if (bits != 0) {
            throw TestConnect.badFlags(bits, "testDomainManagedSave");
        }
        run(o -> {
            if (!o.active()) {
                throw notRunning();
            }
            if (!o.persistent) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.TEST,
                        "cannot do managed save for transient domain");
            }
            o.managedSave = o.xml(false, true);
            host().stop(o, DomainStateReason.SHUTOFF_SAVED);
            emit(o, DomainEventType.STOPPED, 4);
        });
    }

    @Override
    public boolean hasManagedSaveImage() {
        read("virDomainHasManagedSaveImage");
        return with(o -> o.managedSave != null);
    }

    @Override
    public void managedSaveRemove() {
        write("virDomainManagedSaveRemove");
        run(o -> o.managedSave = null);
    }

    // ---- snapshots ----

    @Override
    public DomainSnapshot createSnapshot(String snapshotXml, Set<SnapshotCreateFlag> flags) {
        conn.checkWritable("virDomainSnapshotCreateXML", ErrorDomain.DOMAIN_SNAPSHOT);
        int bad = VirtFlag.toBits(flags) & ~(SnapshotCreateFlag.HALT.bits() | SnapshotCreateFlag.VALIDATE.bits()
                | SnapshotCreateFlag.ATOMIC.bits() | SnapshotCreateFlag.LIVE.bits());
        if (bad != 0) {
            throw TestConnect.badFlags(VirtFlag.toBits(flags), "testDomainSnapshotCreateXML");
        }
        SnapshotDef s = SnapshotXml.parse(snapshotXml);
        return with(o -> {
            long now = java.time.Instant.now().getEpochSecond();
            if (s.name() == null) {
                s.name(Long.toString(now));
            }
            if (o.snapshots.containsKey(s.name())) {
                throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                        "domain moment " + s.name() + " already exists");
            }
            s.state(stateName(o.state()));
            s.creationTime(now);
            s.parent(o.currentSnapshot);
            s.memory(new Generic().attr("snapshot", o.active() ? "internal" : "no"));
            DomainDef d = o.current().copy();
            d.id(-1);
            Generic disks = new Generic();
            for (DiskDef disk : d.devices().disks()) {
                disks.addChild("disk", "name", disk.targetDev(), "snapshot", "internal");
            }
            s.disks(disks);
            s.domain(d);
            o.snapshots.put(s.name(), s);
            o.currentSnapshot = s.name();
            if (flags.contains(SnapshotCreateFlag.HALT) && o.active()) {
                host().stop(o, DomainStateReason.SHUTOFF_FROM_SNAPSHOT);
                emit(o, DomainEventType.STOPPED, 6);
            }
            return new TestSnapshot(this, s.name());
        });
    }

    static String stateName(DomainState s) {
        return switch (s) {
            case NOSTATE -> "nostate";
            case RUNNING -> "running";
            case BLOCKED -> "blocked";
            case PAUSED -> "paused";
            case SHUTDOWN -> "shutdown";
            case SHUTOFF -> "shutoff";
            case CRASHED -> "crashed";
            case PMSUSPENDED -> "pmsuspended";
        };
    }

    @Override
    public List<DomainSnapshot> listAllSnapshots(Set<SnapshotListFlag> f) {
        conn.checkOpen("virDomainListAllSnapshots", ErrorDomain.DOMAIN_SNAPSHOT);
        return with(o -> {
            List<DomainSnapshot> out = new ArrayList<>();
            for (SnapshotDef s : o.snapshots.values()) {
                if ((f.contains(SnapshotListFlag.ROOTS) || f.contains(SnapshotListFlag.DESCENDANTS))
                        && s.parent() != null) {
                    continue;
                }
                boolean leaf = o.snapshots.values().stream().noneMatch(c -> s.name().equals(c.parent()));
                boolean inactive = "shutoff".equals(s.state());
                boolean diskOnly = "disk-snapshot".equals(s.state());
                if (!TestConnect.pair(f, SnapshotListFlag.LEAVES, leaf, SnapshotListFlag.NO_LEAVES, !leaf)
                        || !TestConnect.pair(f, SnapshotListFlag.METADATA, true, SnapshotListFlag.NO_METADATA, false)
                        || !TestConnect.pair(f, SnapshotListFlag.INTERNAL, true, SnapshotListFlag.EXTERNAL, false)) {
                    continue;
                }
                if ((f.contains(SnapshotListFlag.INACTIVE) || f.contains(SnapshotListFlag.ACTIVE)
                        || f.contains(SnapshotListFlag.DISK_ONLY))
                        && !(f.contains(SnapshotListFlag.INACTIVE) && inactive
                                || f.contains(SnapshotListFlag.ACTIVE) && !inactive && !diskOnly
                                || f.contains(SnapshotListFlag.DISK_ONLY) && diskOnly)) {
                    continue;
                }
                out.add(new TestSnapshot(this, s.name()));
            }
            return out;
        });
    }

    @Override
    public Optional<DomainSnapshot> findSnapshot(String snapName) {
        conn.checkOpen("virDomainSnapshotLookupByName", ErrorDomain.DOMAIN_SNAPSHOT);
        return with(o -> Optional.ofNullable(o.snapshots.containsKey(snapName)
                ? new TestSnapshot(this, snapName) : null));
    }

    @Override
    public DomainSnapshot lookupSnapshot(String snapName) {
        return findSnapshot(snapName).orElseThrow(() -> VirtException.of(ErrorCode.NO_DOMAIN_SNAPSHOT,
                ErrorDomain.TEST, "no domain snapshot with matching name '" + snapName + "'"));
    }

    @Override
    public Optional<DomainSnapshot> currentSnapshot() {
        conn.checkOpen("virDomainSnapshotCurrent", ErrorDomain.DOMAIN_SNAPSHOT);
        return with(o -> Optional.ofNullable(o.currentSnapshot == null ? null
                : new TestSnapshot(this, o.currentSnapshot)));
    }

    // helpers for TestSnapshot
    <T> T withObj(java.util.function.Function<DomObj, T> op) {
        return with(op);
    }

    void emitEvent(DomObj o, DomainEventType t, int detail) {
        emit(o, t, detail);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestDomain d && d.uuid.equals(uuid) && d.conn == conn;
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @Override
    public String toString() {
        return "Domain[" + name + " " + uuid + "]";
    }

    static Set<DomainXmlFlag> none() {
        return EnumSet.noneOf(DomainXmlFlag.class);
    }
}
