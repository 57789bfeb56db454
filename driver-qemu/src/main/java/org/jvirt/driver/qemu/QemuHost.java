package org.jvirt.driver.qemu;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.core.AtomicFiles;
import org.jvirt.driver.qemu.qmp.Json;
import org.jvirt.driver.qemu.qmp.QmpClient;
import org.jvirt.driver.qemu.qmp.QmpEvent;
import org.jvirt.driver.qemu.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one QEMU driver instance (libvirt's {@code virQEMUDriver}): its domains, their
 * processes and monitors, the capability cache and the event queue. One per state layout per JVM,
 * shared by all connections to it. On creation it loads the persistent definitions and reconnects
 * to every guest still running from an earlier instance (pid file, status, live XML, monitor).
 */
final class QemuHost {
    private static final Logger LOG = LoggerFactory.getLogger(QemuHost.class);
    private static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CMD_TIMEOUT = Duration.ofSeconds(30);
    /** How long QEMU may take to exit on SIGTERM before SIGKILL (libvirt waits 10 s). */
    static final Duration DESTROY_GRACE = Duration.ofSeconds(5);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSXXX");

    // event details, libvirt's virDomainEvent*DetailType
    static final int STARTED_BOOTED = 0;
    static final int SUSPENDED_PAUSED = 0;
    static final int RESUMED_UNPAUSED = 0;
    static final int STOPPED_SHUTDOWN = 0;
    static final int STOPPED_DESTROYED = 1;
    static final int STOPPED_FAILED = 5;
    static final int SHUTDOWN_GUEST = 1;
    static final int SHUTDOWN_HOST = 2;
    static final int DEFINED_ADDED = 0;
    static final int DEFINED_UPDATED = 1;
    static final int UNDEFINED_REMOVED = 0;
    static final int CRASHED_PANICKED = 0;

    final QemuPaths paths;
    final CapsCache caps;
    final Events events = new Events();
    private final Map<UUID, DomainObj> domains = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    QemuHost(QemuPaths paths) {
        this.paths = paths;
        this.caps = new CapsCache(paths.cacheDir(), paths.runDir());
        try {
            for (Path d : List.of(paths.configDir(), paths.stateDir(), paths.runDir(), paths.logDir(),
                    paths.cacheDir())) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot create QEMU driver directories: "
                    + e);
        }
        loadConfigs();
        reconnectAll();
    }

    // ---- lookup ----

    synchronized List<DomainObj> all() {
        List<DomainObj> list = new ArrayList<>(domains.values());
        list.sort(Comparator.comparing((DomainObj d) -> !d.isActive())
                .thenComparingInt(d -> d.isActive() ? d.id : 0)
                .thenComparing(d -> d.name));
        return list;
    }

    synchronized Optional<DomainObj> byName(String name) {
        return domains.values().stream().filter(d -> d.name.equals(name)).findFirst();
    }

    synchronized Optional<DomainObj> byUuid(UUID uuid) {
        return Optional.ofNullable(domains.get(uuid));
    }

    synchronized Optional<DomainObj> byId(int id) {
        return domains.values().stream().filter(d -> d.isActive() && d.id == id).findFirst();
    }

    /** The obj if still known; {@link ErrorCode#NO_DOMAIN} otherwise (handles outlive undefine). */
    synchronized DomainObj require(UUID uuid, String name) {
        DomainObj o = domains.get(uuid);
        if (o == null) {
            throw VirtException.of(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching uuid '" + uuid
                    + "' (" + name + ")");
        }
        return o;
    }

    // ---- definitions ----

    /** Parses, checks and completes a definition ({@link QemuDomainDefaults}) from the capabilities. */
    DomainDef prepare(String xml) {
        return QemuDomainDefaults.prepare(xml, caps);
    }

    static String hostArch() {
        String a = System.getProperty("os.arch", "x86_64");
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i686" -> "i686";
            case "aarch64", "arm64" -> "aarch64";
            default -> a;
        };
    }

    /** The default emulator of an architecture: {@code qemu-system-ARCH} on the PATH or in /usr/bin. */
    static Path defaultEmulator(String arch) {
        String bin = "qemu-system-" + ("i686".equals(arch) ? "i386" : arch);
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/usr/libexec"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, bin))) {
                return Path.of(d, bin);
            }
        }
        throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                "No emulator found for arch '" + arch + "' (" + bin + " not on PATH)");
    }

    DomainObj define(String xml) {
        DomainDef def = prepare(xml);
        String text = DomainXml.format(def, EnumSet.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE));
        DomainObj obj;
        boolean added;
        synchronized (this) {
            obj = checkUnique(def);
            added = obj == null;
            if (added) {
                obj = new DomainObj(def.name(), def.uuid());
            }
            try {
                AtomicFiles.writeString(paths.configFile(def.name()), text);
            } catch (IOException e) {
                throw VirtException.of(ErrorCode.WRITE_FAILED, ErrorDomain.QEMU, paths.configFile(def.name()) + ": " + e);
            }
            domains.put(obj.uuid, obj);
            synchronized (obj) {
                def.id(-1);
                obj.persistentDef = def;
                obj.persistent = true;
                events.emit(obj, DomainEventType.DEFINED, added ? DEFINED_ADDED : DEFINED_UPDATED);
            }
        }
        LOG.info("defined domain {} ({})", def.name(), def.uuid());
        return obj;
    }

    /** The existing obj for this definition, or null; refuses name/uuid clashes. Call under the host lock. */
    private DomainObj checkUnique(DomainDef def) {
        DomainObj sameUuid = domains.get(def.uuid());
        if (sameUuid != null && !sameUuid.name.equals(def.name())) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "domain '" + sameUuid.name
                    + "' is already defined with uuid " + def.uuid());
        }
        for (DomainObj o : domains.values()) {
            if (o.name.equals(def.name()) && !o.uuid.equals(def.uuid())) {
                throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "domain '" + def.name()
                        + "' already exists with uuid " + o.uuid);
            }
        }
        return sameUuid;
    }

    void undefine(DomainObj obj) {
        obj.beginJob();
        try {
            synchronized (this) {
                synchronized (obj) {
                    if (!obj.persistent) {
                        throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                                "cannot undefine transient domain");
                    }
                    try {
                        Files.deleteIfExists(paths.configFile(obj.name));
                    } catch (IOException e) {
                        throw VirtException.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot remove config: " + e);
                    }
                    obj.persistent = false;
                    obj.persistentDef = null;
                    events.emit(obj, DomainEventType.UNDEFINED, UNDEFINED_REMOVED);
                    if (!obj.isActive()) {
                        domains.remove(obj.uuid);
                    }
                }
            }
            writeStatusQuietly(obj);
        } finally {
            obj.endJob();
        }
    }

    /** Creates and starts a transient domain. */
    DomainObj createTransient(String xml, boolean paused) {
        DomainDef def = prepare(xml);
        DomainObj obj;
        synchronized (this) {
            if (checkUnique(def) != null) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain '" + def.name()
                        + "' is already defined");
            }
            obj = new DomainObj(def.name(), def.uuid());
            obj.persistentDef = def;
            domains.put(obj.uuid, obj);
        }
        try {
            start(obj, paused);
        } catch (RuntimeException e) {
            synchronized (this) {
                domains.remove(obj.uuid);
            }
            throw e;
        }
        synchronized (obj) {
            obj.persistentDef = null;
        }
        return obj;
    }

    private void loadConfigs() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(paths.configDir(), "*.xml")) {
            for (Path f : ds) {
                try {
                    DomainDef def = DomainXml.parse(Files.readString(f));
                    DomainObj obj = new DomainObj(def.name(), def.uuid());
                    obj.persistentDef = def;
                    obj.persistent = true;
                    domains.put(obj.uuid, obj);
                } catch (IOException | VirtException e) {
                    LOG.warn("ignoring unreadable domain config {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", paths.configDir(), e.toString());
        }
    }

    // ---- start ----

    /**
     * Starts a domain: QEMU with -S, monitor handshake, then {@code cont} unless {@code paused}.
     */
    void start(DomainObj obj, boolean paused) {
        obj.beginJob();
        try {
            DomainDef def;
            synchronized (obj) {
                if (obj.isActive()) {
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is already running");
                }
                def = obj.persistentDef.copy();
            }
            launch(obj, def, paused);
        } finally {
            obj.endJob();
        }
    }

    private void launch(DomainObj obj, DomainDef def, boolean paused) {
        // host devices first: a missing NVMe controller stops the start before anything is created
        NvmeDevices.prepare(def, NvmeDevices.SYSFS);
        try {
            launchPrepared(obj, def, paused);
        } catch (RuntimeException e) {
            boolean active;
            synchronized (obj) {
                active = obj.isActive();
            }
            if (!active) {
                NvmeDevices.release(def, NvmeDevices.SYSFS);
            }
            throw e;
        }
    }

    private void launchPrepared(DomainObj obj, DomainDef def, boolean paused) {
        QemuCaps c = caps.get(Path.of(def.devices().emulator()));
        String accel = accelFor(def, c);
        int id = nextId.getAndIncrement();
        def.id(id);
        Path dir = paths.domainRunDir(id, obj.name);
        Path monitorSock = dir.resolve("monitor.sock");
        Path log = paths.logFile(obj.name);
        List<String> argv = CommandBuilder.build(new CommandBuilder.Inputs(def, c, accel, monitorSock, dir));
        try {
            Files.createDirectories(dir);
            MasterKey.write(dir);
            Files.deleteIfExists(monitorSock);
            Files.createDirectories(log.getParent());
            String header = OffsetDateTime.now(ZoneOffset.UTC).format(LOG_TIME) + ": starting up jvirt QEMU driver, "
                    + "qemu version: " + c.version() + " (" + c.pkg() + ")\nLC_ALL=C \\\n"
                    + logLines(argv) + "\n";
            Files.writeString(log, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot prepare to start " + obj.name + ": "
                    + e);
        }
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(dir.toFile());
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "cannot execute " + argv.get(0) + ": "
                    + e.getMessage());
        }
        long pid = p.pid();
        LOG.info("started QEMU for {} (id {}, pid {}, accel {})", obj.name, id, pid, accel);
        long gen;
        synchronized (obj) {
            gen = ++obj.generation;
            obj.liveDef = def;
            obj.id = id;
            obj.pid = pid;
            obj.reason = DomainStateReason.PAUSED_STARTING_UP;
            obj.starting = true;
            obj.gotShutdown = false;
            obj.fakeReboot = false;
            obj.stopReason = null;
        }
        QmpClient mon;
        try {
            AtomicFiles.writeString(paths.pidFile(obj.name), pid + "\n");
            mon = QmpClient.connect(obj.name, monitorSock, MONITOR_TIMEOUT, p::isAlive, listener(obj, gen));
        } catch (IOException | QmpException e) {
            failStart(obj, gen, pid, p);
            String why = e instanceof QmpException q && q.isClosed() ? "QEMU exited while connecting to its monitor"
                    : "cannot connect to the monitor: " + e.getMessage();
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "process exited while starting "
                    + obj.name + ": " + why + QemuProcess.tail(log));
        }
        synchronized (obj) {
            obj.monitor = mon;
        }
        writeStatusQuietly(obj);
        synchronized (obj) {
            events.emit(obj, DomainEventType.STARTED, STARTED_BOOTED);
        }
        try {
            if (!paused) {
                mon.execute("cont", null, CMD_TIMEOUT);
            }
        } catch (QmpException e) {
            failStart(obj, gen, pid, p);
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "resuming " + obj.name
                    + " failed: " + e.getMessage() + QemuProcess.tail(log));
        }
        synchronized (obj) {
            if (obj.generation == gen && obj.isActive()) {
                obj.starting = false;
                obj.reason = paused ? DomainStateReason.PAUSED_USER : DomainStateReason.RUNNING_BOOTED;
                if (paused) {
                    events.emit(obj, DomainEventType.SUSPENDED, SUSPENDED_PAUSED);
                }
            }
        }
        writeStatusQuietly(obj);
        p.onExit().thenRun(() -> processStopped(obj, gen, null));
    }

    /** The argv as libvirt logs it: one option with its value per line. */
    static String logLines(List<String> argv) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-") && i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")) {
                a = a + " " + argv.get(++i);
            }
            lines.add(a);
        }
        return String.join(" \\\n", lines);
    }

    private void failStart(DomainObj obj, long gen, long pid, Process p) {
        synchronized (obj) {
            obj.stopReason = DomainStateReason.SHUTOFF_FAILED;
        }
        QemuProcess.killByPid(pid, Duration.ofSeconds(2));
        try {
            p.waitFor();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        processStopped(obj, gen, DomainStateReason.SHUTOFF_FAILED);
    }

    /** The accelerator: KVM for type 'kvm' when /dev/kvm works, otherwise TCG. */
    static String accelFor(DomainDef def, QemuCaps c) {
        if ("kvm".equals(def.type())) {
            if (c.kvmCompiled() && QemuProcess.kvmUsable()) {
                return "kvm";
            }
            LOG.warn("domain {} asks for KVM but /dev/kvm is not usable here; falling back to TCG", def.name());
        }
        return "tcg";
    }

    // ---- monitor events ----

    private QmpClient.Listener listener(DomainObj obj, long gen) {
        return new QmpClient.Listener() {
            @Override
            public void onEvent(QmpEvent event) {
                handleEvent(obj, gen, event);
            }

            @Override
            public void onClose(boolean requested) {
                if (!requested) {
                    processStopped(obj, gen, null);
                }
            }
        };
    }

    private void handleEvent(DomainObj obj, long gen, QmpEvent ev) {
        LOG.debug("{}: QMP event {} {}", obj.name, ev.name(), ev.data());
        QmpClient mon;
        boolean reboot = false;
        boolean kill = false;
        long pid;
        synchronized (obj) {
            if (obj.generation != gen || !obj.isActive()) {
                return;
            }
            mon = obj.monitor;
            pid = obj.pid;
            switch (ev.name()) {
                case "STOP" -> {
                    if (!obj.starting && obj.reason.state() == DomainState.RUNNING) {
                        obj.reason = obj.pendingPause != null ? obj.pendingPause : DomainStateReason.PAUSED_UNKNOWN;
                        obj.pendingPause = null;
                        events.emit(obj, DomainEventType.SUSPENDED, SUSPENDED_PAUSED);
                    }
                }
                case "RESUME" -> {
                    if (!obj.starting && obj.reason.state() == DomainState.PAUSED) {
                        obj.reason = obj.pendingResume != null ? obj.pendingResume : DomainStateReason.RUNNING_UNPAUSED;
                        obj.pendingResume = null;
                        events.emit(obj, DomainEventType.RESUMED, RESUMED_UNPAUSED);
                    }
                }
                case "SHUTDOWN" -> {
                    if (obj.stopReason != null) {
                        // our own SIGTERM (destroy): libvirt's beingDestroyed, no SHUTDOWN event
                        return;
                    }
                    if (obj.fakeReboot) {
                        obj.fakeReboot = false;
                        reboot = true;
                    } else {
                        obj.gotShutdown = true;
                        obj.reason = DomainStateReason.SHUTDOWN_USER;
                        events.emit(obj, DomainEventType.SHUTDOWN,
                                Json.bool(ev.data(), "guest", false) ? SHUTDOWN_GUEST : SHUTDOWN_HOST);
                        kill = true;
                    }
                }
                case "GUEST_PANICKED" -> {
                    obj.reason = DomainStateReason.CRASHED_PANICKED;
                    events.emit(obj, DomainEventType.CRASHED, CRASHED_PANICKED);
                }
                default -> {
                    return;
                }
            }
        }
        if (reboot && mon != null) {
            // libvirt's "fake reboot": the guest powered off on our request, start it again
            try {
                mon.execute("system_reset", null, CMD_TIMEOUT);
                mon.execute("cont", null, CMD_TIMEOUT);
            } catch (QmpException e) {
                LOG.warn("{}: reboot failed: {}", obj.name, e.getMessage());
            }
        }
        if (kill) {
            // -no-shutdown keeps QEMU alive after the guest powered off; on_poweroff=destroy ends it
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        writeStatusQuietly(obj);
    }

    /**
     * Ends a run once (later calls for the same generation do nothing): shut off state with the
     * right reason, STOPPED event, files removed, monitor closed, transient domain forgotten.
     *
     * @param forced the reason, or {@code null} to derive it (destroy, guest shutdown, else crash)
     */
    void processStopped(DomainObj obj, long gen, DomainStateReason forced) {
        DomainDef stoppedDef = null;
        QmpClient mon;
        long pid;
        boolean forget;
        int id;
        synchronized (this) {
            synchronized (obj) {
                if (obj.generation != gen || !obj.isActive()) {
                    return;
                }
                DomainStateReason r = forced != null ? forced
                        : obj.stopReason != null ? obj.stopReason
                        : obj.gotShutdown ? DomainStateReason.SHUTOFF_SHUTDOWN : DomainStateReason.SHUTOFF_CRASHED;
                int detail = switch (r) {
                    case SHUTOFF_DESTROYED -> STOPPED_DESTROYED;
                    case SHUTOFF_SHUTDOWN -> STOPPED_SHUTDOWN;
                    default -> STOPPED_FAILED;
                };
                boolean announced = !(r == DomainStateReason.SHUTOFF_FAILED && obj.monitor == null);
                mon = obj.monitor;
                pid = obj.pid;
                id = obj.id;
                obj.monitor = null;
                stoppedDef = obj.liveDef;
                obj.liveDef = null;
                obj.id = -1;
                obj.pid = 0;
                obj.starting = false;
                obj.generation++;
                obj.reason = r;
                if (announced) {
                    events.emit(obj, DomainEventType.STOPPED, detail);
                }
                forget = !obj.persistent;
                if (forget) {
                    domains.remove(obj.uuid);
                }
                LOG.info("domain {} (id {}) stopped: {}", obj.name, id, r);
                // inside the lock: whoever returns after seeing shut off sees no stale run files
                removeRunFiles(obj.name, id);
            }
        }
        if (mon != null) {
            mon.close();
        }
        if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            QemuProcess.killByPid(pid, Duration.ofSeconds(2));
        }
        if (stoppedDef != null) {
            NvmeDevices.release(stoppedDef, NvmeDevices.SYSFS);
        }
    }

    private void removeRunFiles(String name, int id) {
        try {
            Files.deleteIfExists(paths.pidFile(name));
            Files.deleteIfExists(paths.statusFile(name));
            Files.deleteIfExists(paths.liveXmlFile(name));
            if (id > 0) {
                Path dir = paths.domainRunDir(id, name);
                if (Files.isDirectory(dir)) {
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                        for (Path f : ds) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot clean up run files of {}: {}", name, e.toString());
        }
    }

    // ---- stop, pause, ... ----

    private QmpClient requireRunningMonitor(DomainObj obj) {
        synchronized (obj) {
            if (!obj.isActive() || obj.monitor == null) {
                throw notRunning();
            }
            return obj.monitor;
        }
    }

    static VirtException notRunning() {
        return VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
    }

    void destroy(DomainObj obj) {
        obj.beginJob();
        try {
            long gen;
            long pid;
            synchronized (obj) {
                if (!obj.isActive()) {
                    throw notRunning();
                }
                gen = obj.generation;
                pid = obj.pid;
                obj.stopReason = DomainStateReason.SHUTOFF_DESTROYED;
            }
            if (!QemuProcess.killByPid(pid, DESTROY_GRACE)) {
                throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "failed to kill QEMU process "
                        + pid + " of " + obj.name);
            }
            processStopped(obj, gen, DomainStateReason.SHUTOFF_DESTROYED);
        } finally {
            obj.endJob();
        }
    }

    void shutdown(DomainObj obj) {
        obj.beginJob();
        try {
            QmpClient mon = requireRunningMonitor(obj);
            monitorCall(obj, mon, "system_powerdown", null);
        } finally {
            obj.endJob();
        }
    }

    void reboot(DomainObj obj) {
        obj.beginJob();
        try {
            QmpClient mon = requireRunningMonitor(obj);
            synchronized (obj) {
                obj.fakeReboot = true;
            }
            try {
                monitorCall(obj, mon, "system_powerdown", null);
            } catch (VirtException e) {
                synchronized (obj) {
                    obj.fakeReboot = false;
                }
                throw e;
            }
        } finally {
            obj.endJob();
        }
    }

    void suspend(DomainObj obj) {
        obj.beginJob();
        try {
            QmpClient mon = requireRunningMonitor(obj);
            synchronized (obj) {
                if (obj.reason.state() == DomainState.PAUSED) {
                    return;
                }
                if (obj.reason.state() != DomainState.RUNNING) {
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
                }
                obj.pendingPause = DomainStateReason.PAUSED_USER;
            }
            monitorCall(obj, mon, "stop", null);
            synchronized (obj) {
                if (obj.isActive() && obj.reason.state() == DomainState.RUNNING) {
                    obj.reason = DomainStateReason.PAUSED_USER;
                    obj.pendingPause = null;
                    events.emit(obj, DomainEventType.SUSPENDED, SUSPENDED_PAUSED);
                }
            }
            writeStatusQuietly(obj);
        } finally {
            obj.endJob();
        }
    }

    void resume(DomainObj obj) {
        obj.beginJob();
        try {
            QmpClient mon = requireRunningMonitor(obj);
            synchronized (obj) {
                if (obj.reason.state() != DomainState.PAUSED) {
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not paused");
                }
                obj.pendingResume = DomainStateReason.RUNNING_UNPAUSED;
            }
            monitorCall(obj, mon, "cont", null);
            synchronized (obj) {
                if (obj.isActive() && obj.reason.state() == DomainState.PAUSED) {
                    obj.reason = DomainStateReason.RUNNING_UNPAUSED;
                    obj.pendingResume = null;
                    events.emit(obj, DomainEventType.RESUMED, RESUMED_UNPAUSED);
                }
            }
            writeStatusQuietly(obj);
        } finally {
            obj.endJob();
        }
    }

    /** QMP passthrough ({@code virsh qemu-monitor-command}). */
    String monitorCommand(DomainObj obj, String json) {
        obj.beginJob();
        try {
            QmpClient mon = requireRunningMonitor(obj);
            try {
                return mon.executeJson(json, CMD_TIMEOUT);
            } catch (QmpException e) {
                throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, e.getMessage());
            }
        } finally {
            obj.endJob();
        }
    }

    private static Object monitorCall(DomainObj obj, QmpClient mon, String cmd, Map<String, ?> args) {
        try {
            return mon.execute(cmd, args, CMD_TIMEOUT);
        } catch (QmpException e) {
            if (e.isClosed()) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
            }
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, cmd + " failed for " + obj.name
                    + ": " + e.getMessage());
        }
    }

    // ---- status files and reconnect ----

    /** Writes the status file and live XML of a running domain; under its lock, so never after its clean-up. */
    private void writeStatusQuietly(DomainObj obj) {
        synchronized (obj) {
            if (!obj.isActive() || obj.monitor == null) {
                return;
            }
            Properties p = new Properties();
            p.setProperty("uuid", obj.uuid.toString());
            p.setProperty("id", Integer.toString(obj.id));
            p.setProperty("pid", Long.toString(obj.pid));
            p.setProperty("monitor", paths.domainRunDir(obj.id, obj.name).resolve("monitor.sock").toString());
            p.setProperty("reason", obj.reason.name());
            String live = DomainXml.format(obj.liveDef, EnumSet.of(DomainXmlFlag.SECURE));
            try {
                StringWriter w = new StringWriter();
                p.store(w, "jvirt QEMU domain status");
                AtomicFiles.writeString(paths.liveXmlFile(obj.name), live);
                AtomicFiles.writeString(paths.statusFile(obj.name), w.toString());
            } catch (IOException e) {
                LOG.warn("cannot write status of {}: {}", obj.name, e.toString());
            }
        }
    }

    private void reconnectAll() {
        List<Path> statuses = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(paths.runDir(), "*.status")) {
            ds.forEach(statuses::add);
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", paths.runDir(), e.toString());
        }
        int maxId = 0;
        for (Path st : statuses) {
            String file = st.getFileName().toString();
            String name = file.substring(0, file.length() - ".status".length());
            try {
                maxId = Math.max(maxId, reconnect(name, st));
            } catch (RuntimeException | IOException e) {
                LOG.warn("cannot reconnect to domain {}: {}", name, e.toString());
            }
        }
        nextId.set(maxId + 1);
    }

    /** Reattaches to one running guest; returns its id (0 when it is gone). */
    private int reconnect(String name, Path statusFile) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(statusFile)));
        long pid = Long.parseLong(p.getProperty("pid", "0"));
        int id = Integer.parseInt(p.getProperty("id", "0"));
        String uuid = p.getProperty("uuid", "");
        Path monitorSock = Path.of(p.getProperty("monitor", ""));
        DomainStateReason saved = DomainStateReason.valueOf(p.getProperty("reason", "RUNNING_UNKNOWN"));
        if (pid <= 0 || !QemuProcess.isOurs(pid, uuid)) {
            LOG.info("domain {} is no longer running (pid {} gone); cleaning up", name, pid);
            removeRunFiles(name, id);
            return 0;
        }
        DomainDef live = DomainXml.parse(Files.readString(paths.liveXmlFile(name)));
        DomainObj obj;
        synchronized (this) {
            obj = domains.get(live.uuid());
            if (obj == null) {
                obj = new DomainObj(live.name(), live.uuid());
                domains.put(obj.uuid, obj);
            }
        }
        long gen;
        synchronized (obj) {
            gen = ++obj.generation;
            obj.liveDef = live;
            obj.id = id;
            obj.pid = pid;
            obj.reason = saved;
            obj.starting = false;
        }
        QmpClient mon;
        try {
            mon = QmpClient.connect(name, monitorSock, Duration.ofSeconds(10),
                    () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), listener(obj, gen));
        } catch (QmpException e) {
            LOG.warn("cannot reattach to the monitor of {} (pid {}): {}; killing it", name, pid, e.getMessage());
            synchronized (obj) {
                obj.stopReason = DomainStateReason.SHUTOFF_FAILED;
            }
            processStopped(obj, gen, DomainStateReason.SHUTOFF_FAILED);
            return 0;
        }
        String status = Json.str(Json.obj(mon.execute("query-status", null, CMD_TIMEOUT)), "status");
        synchronized (obj) {
            obj.monitor = mon;
            if ("running".equals(status)) {
                obj.reason = saved.state() == DomainState.RUNNING ? saved : DomainStateReason.RUNNING_UNKNOWN;
            } else if ("shutdown".equals(status)) {
                obj.gotShutdown = true;
                obj.reason = DomainStateReason.SHUTDOWN_USER;
            } else {
                obj.reason = saved.state() == DomainState.PAUSED ? saved : DomainStateReason.PAUSED_UNKNOWN;
            }
        }
        if ("shutdown".equals(status)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        DomainObj target = obj;
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().thenRun(() -> processStopped(target, gen, null)));
        LOG.info("reconnected to domain {} (id {}, pid {}, QEMU status {})", name, id, pid, status);
        return id;
    }

    /** Closes every monitor without stopping any guest (the guests keep running for a later instance). */
    void detach() {
        List<QmpClient> mons = new ArrayList<>();
        synchronized (this) {
            for (DomainObj o : domains.values()) {
                synchronized (o) {
                    if (o.monitor != null) {
                        mons.add(o.monitor);
                    }
                }
            }
        }
        mons.forEach(QmpClient::close);
        events.shutdown();
    }
}
