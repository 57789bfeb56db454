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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MemoryStatTag;
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
    static final Duration CMD_TIMEOUT = Duration.ofSeconds(30);
    /** How long QEMU may take to exit on SIGTERM before SIGKILL (libvirt waits 10 s). */
    static final Duration DESTROY_GRACE = Duration.ofSeconds(5);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSXXX");

    // event details, libvirt's virDomainEvent*DetailType
    static final int STARTED_BOOTED = 0;
    static final int STARTED_MIGRATED = 1;
    static final int STARTED_RESTORED = 2;
    static final int SUSPENDED_PAUSED = 0;
    static final int SUSPENDED_MIGRATED = 1;
    static final int SUSPENDED_RESTORED = 4;
    static final int SUSPENDED_POSTCOPY = 7;
    static final int RESUMED_UNPAUSED = 0;
    static final int RESUMED_MIGRATED = 1;
    static final int RESUMED_POSTCOPY = 3;
    static final int STOPPED_SHUTDOWN = 0;
    static final int STOPPED_DESTROYED = 1;
    static final int STOPPED_MIGRATED = 3;
    static final int STOPPED_SAVED = 4;
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
    /** How many QOM walks for a balloon this instance made (tests prove the cache with it). */
    final AtomicInteger balloonWalks = new AtomicInteger();
    /** Set by {@link #detach()}: this instance no longer manages anything (a newer one may). */
    private volatile boolean detached;

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
        autostartAll();
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
            writeConfig(def.name(), text);
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

    private void writeConfig(String name, String text) {
        try {
            AtomicFiles.writeString(paths.configFile(name), text);
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.WRITE_FAILED, ErrorDomain.QEMU, paths.configFile(name) + ": " + e);
        }
    }

    /** Writes the persistent definition of {@code obj} again (after a config change). */
    void saveConfig(DomainObj obj) {
        synchronized (obj) {
            if (obj.persistentDef != null) {
                writeConfig(obj.name, DomainXml.format(obj.persistentDef,
                        EnumSet.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE)));
            }
        }
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

    void undefine(DomainObj obj, Set<DomainUndefineFlag> flags) {
        obj.beginJob();
        try {
            synchronized (this) {
                synchronized (obj) {
                    if (!obj.persistent) {
                        throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                                "cannot undefine transient domain");
                    }
                    Path save = paths.managedSaveFile(obj.name);
                    if (Files.exists(save) && !flags.contains(DomainUndefineFlag.MANAGED_SAVE)) {
                        throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                                "Refusing to undefine while domain managed save image exists");
                    }
                    try {
                        Files.deleteIfExists(save);
                        Files.deleteIfExists(paths.autostartLink(obj.name));
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
                    if (Files.exists(paths.managedSaveFile(def.name()))) {
                        obj.reason = DomainStateReason.SHUTOFF_SAVED;
                    }
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
            Path managed = paths.managedSaveFile(obj.name);
            if (Files.exists(managed)) {
                // libvirt: starting a domain with a managed save image restores it, then drops the image
                SaveImage.restoreInto(this, obj, managed, paused ? Boolean.FALSE : null);
                try {
                    Files.deleteIfExists(managed);
                } catch (IOException e) {
                    LOG.warn("cannot remove managed save image {}: {}", managed, e.toString());
                }
                return;
            }
            launch(obj, def, paused, null);
        } finally {
            obj.endJob();
        }
    }

    /**
     * A run that begins with an incoming migration stream instead of a boot.
     *
     * @param uri the {@code migrate-incoming} URI, e.g. {@code tcp:127.0.0.1:0} or {@code unix:/path}
     * @param capabilities migration capabilities to set before listening
     * @param startedDetail the STARTED event's detail (migrated, restored)
     */
    record Incoming(String uri, Map<String, Boolean> capabilities, int startedDetail) {
    }

    /**
     * Starts QEMU for a run. With {@code incoming}, QEMU waits for the stream: the domain stays paused
     * (reason migration) with {@link DomainObj#migration} receiving the stream's events, and the caller
     * (which holds the job) finishes the run; the URI QEMU actually listens on is returned.
     */
    String launch(DomainObj obj, DomainDef def, boolean paused, Incoming incoming) {
        // host devices first: a missing NVMe controller stops the start before anything is created
        NvmeDevices.prepare(def, NvmeDevices.SYSFS);
        try {
            return launchPrepared(obj, def, paused, incoming);
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

    private String launchPrepared(DomainObj obj, DomainDef def, boolean paused, Incoming incoming) {
        QemuCaps c = caps.get(Path.of(def.devices().emulator()));
        String accel = accelFor(def, c);
        int id = nextId.getAndIncrement();
        def.id(id);
        Path dir = paths.domainRunDir(id, obj.name);
        Path monitorSock = dir.resolve("monitor.sock");
        Path log = paths.logFile(obj.name);
        CommandBuilder.Built built = CommandBuilder.buildWithKey(new CommandBuilder.Inputs(def, c, accel,
                monitorSock, dir, false, incoming != null));
        List<String> argv = built.argv();
        try {
            Files.createDirectories(dir);
            MasterKey.write(dir, built.masterKey());
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
            obj.reason = incoming != null ? DomainStateReason.PAUSED_MIGRATION : DomainStateReason.PAUSED_STARTING_UP;
            obj.starting = incoming == null;
            obj.gotShutdown = false;
            obj.fakeReboot = false;
            obj.stopReason = null;
            obj.pendingPause = null;
            obj.pendingResume = null;
            obj.balloonSearched = false;
            obj.balloonPath = null;
            obj.migration = incoming != null ? new MigrationJob(false, false) : null;
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
            events.emit(obj, DomainEventType.STARTED, incoming != null ? incoming.startedDetail() : STARTED_BOOTED);
        }
        p.onExit().thenRun(() -> processStopped(obj, gen, null));
        setupBalloon(obj, def, mon);
        if (incoming != null) {
            try {
                setMigrationCapabilities(mon, incoming.capabilities());
                mon.execute("migrate-incoming", Map.of("uri", incoming.uri()), CMD_TIMEOUT);
                return listeningUri(mon, incoming.uri());
            } catch (QmpException e) {
                failStart(obj, gen, pid, p);
                throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "cannot prepare incoming "
                        + "migration of " + obj.name + ": " + e.getMessage() + QemuProcess.tail(log));
            }
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
        return null;
    }

    /** Sets migration capabilities QEMU has (others are skipped: the caller decided from the caps). */
    static void setMigrationCapabilities(QmpClient mon, Map<String, Boolean> capabilities) {
        List<Object> list = new ArrayList<>();
        capabilities.forEach((k, v) -> list.add(Map.of("capability", k, "state", v)));
        if (!list.isEmpty()) {
            mon.execute("migrate-set-capabilities", Map.of("capabilities", list), CMD_TIMEOUT);
        }
    }

    /** The URI an incoming migration listens on: a tcp port 0 replaced by the port QEMU chose. */
    private static String listeningUri(QmpClient mon, String uri) {
        if (!uri.startsWith("tcp:") || !uri.endsWith(":0")) {
            return uri;
        }
        Map<String, Object> q = Json.obj(mon.execute("query-migrate", null, CMD_TIMEOUT));
        for (Object o : Json.list(q.getOrDefault("socket-address", List.of()))) {
            Map<String, Object> a = Json.obj(o);
            if ("inet".equals(Json.str(a, "type"))) {
                return "tcp:" + uri.substring(4, uri.length() - 2) + ":" + Json.str(a, "port");
            }
        }
        throw new QmpException("jvirt:NoPort", "QEMU did not report the port of its incoming migration", null);
    }

    /**
     * After the monitor is up: the balloon target and stats period from the definition, as libvirt's
     * {@code qemuProcessSetupBalloon}. Not on reconnect, so a period changed at run time survives.
     */
    private void setupBalloon(DomainObj obj, DomainDef def, QmpClient mon) {
        if (!Balloon.isVirtio(def)) {
            return;
        }
        try {
            if (def.currentMemoryKiB() < def.memoryKiB()) {
                mon.execute("balloon", Map.of("value", def.currentMemoryKiB() * 1024), CMD_TIMEOUT);
            }
            int period = Balloon.period(def);
            if (period > 0) {
                Optional<String> path = balloonPath(obj, mon);
                if (path.isPresent()) {
                    mon.execute("qom-set", Map.of("path", path.get(), "property", Balloon.PERIOD_PROPERTY,
                            "value", period), CMD_TIMEOUT);
                }
            }
        } catch (QmpException e) {
            LOG.warn("{}: cannot set up the memory balloon: {}", obj.name, e.getMessage());
        }
    }

    /** The balloon's QOM path of this run, walking the QOM tree at most once per run (also when absent). */
    Optional<String> balloonPath(DomainObj obj, QmpClient mon) {
        synchronized (obj) {
            if (obj.balloonSearched) {
                return Optional.ofNullable(obj.balloonPath);
            }
        }
        balloonWalks.incrementAndGet();
        Optional<String> found = Balloon.find(mon, CMD_TIMEOUT);
        synchronized (obj) {
            if (obj.monitor == mon || obj.monitor == null) {
                obj.balloonSearched = true;
                obj.balloonPath = found.orElse(null);
            }
        }
        LOG.debug("{}: balloon QOM path {}", obj.name, found.orElse("(none)"));
        return found;
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

    void failStart(DomainObj obj, long gen, long pid, Process p) {
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
                        events.emit(obj, DomainEventType.SUSPENDED, suspendedDetail(obj.reason));
                    }
                }
                case "RESUME" -> {
                    if (!obj.starting && obj.reason.state() == DomainState.PAUSED) {
                        obj.reason = obj.pendingResume != null ? obj.pendingResume : DomainStateReason.RUNNING_UNPAUSED;
                        obj.pendingResume = null;
                        events.emit(obj, DomainEventType.RESUMED, resumedDetail(obj.reason));
                    }
                }
                case "BALLOON_CHANGE" -> {
                    // the guest gave or took memory: the live currentMemory follows, as libvirt's handler
                    long actual = Json.num(ev.data(), "actual", 0);
                    if (actual > 0 && obj.liveDef != null) {
                        obj.liveDef.currentMemoryKiB(actual / 1024);
                    }
                }
                case "MIGRATION" -> {
                    if (obj.migration != null) {
                        obj.migration.update(Json.str(ev.data(), "status"));
                    }
                    return;
                }
                case "SHUTDOWN" -> {
                    if (obj.stopReason != null) {
                        // our own SIGTERM (destroy): libvirt's beingDestroyed, no SHUTDOWN event
                        return;
                    }
                    if (obj.gotShutdown) {
                        // The guest already shut down and we are ending QEMU: its own SHUTDOWN for
                        // that (host-signal / host-qmp-quit) is a repeat, which libvirt ignores too.
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

    /** libvirt's SUSPENDED event detail for a pause reason. */
    static int suspendedDetail(DomainStateReason r) {
        return switch (r) {
            case PAUSED_MIGRATION -> SUSPENDED_MIGRATED;
            case PAUSED_POSTCOPY -> SUSPENDED_POSTCOPY;
            default -> SUSPENDED_PAUSED;
        };
    }

    /** libvirt's RESUMED event detail for a running reason. */
    static int resumedDetail(DomainStateReason r) {
        return switch (r) {
            case RUNNING_MIGRATED -> RESUMED_MIGRATED;
            case RUNNING_POSTCOPY -> RESUMED_POSTCOPY;
            default -> RESUMED_UNPAUSED;
        };
    }

    /**
     * Ends a run once (later calls for the same generation do nothing): shut off state with the
     * right reason, STOPPED event, files removed, monitor closed, transient domain forgotten.
     *
     * @param forced the reason, or {@code null} to derive it (destroy, guest shutdown, else crash)
     */
    void processStopped(DomainObj obj, long gen, DomainStateReason forced) {
        DomainDef stoppedDef = null;
        if (detached) {
            return;
        }
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
                    case SHUTOFF_MIGRATED -> STOPPED_MIGRATED;
                    case SHUTOFF_SAVED -> STOPPED_SAVED;
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
                obj.migration = null;
                obj.balloonSearched = false;
                obj.balloonPath = null;
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

    QmpClient requireRunningMonitor(DomainObj obj) {
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
        if (isQuery(json)) {
            // a query may run beside an async job (migration, save), as libvirt's QUERY jobs do
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                QmpClient during;
                synchronized (obj) {
                    during = obj.migration != null ? obj.monitor : null;
                }
                if (during != null) {
                    try {
                        return during.executeJson(json, CMD_TIMEOUT);
                    } catch (QmpException e) {
                        throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, e.getMessage());
                    }
                }
                try {
                    if (obj.job.tryLock(50, TimeUnit.MILLISECONDS)) {
                        try {
                            return monitorCommandLocked(obj, json);
                        } finally {
                            obj.job.unlock();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
                }
            }
        }
        obj.beginJob();
        try {
            return monitorCommandLocked(obj, json);
        } finally {
            obj.endJob();
        }
    }

    private String monitorCommandLocked(DomainObj obj, String json) {
        QmpClient mon = requireRunningMonitor(obj);
        try {
            return mon.executeJson(json, CMD_TIMEOUT);
        } catch (QmpException e) {
            throw VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, e.getMessage());
        }
    }

    /** Whether a QMP command text is a read-only {@code query-*} command. */
    private static boolean isQuery(String json) {
        try {
            String cmd = Json.str(Json.parseObject(json), "execute");
            return cmd != null && cmd.startsWith("query-");
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Object monitorCall(DomainObj obj, QmpClient mon, String cmd, Map<String, ?> args) {
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

    // ---- incoming migration (the destination's prepare and finish) ----

    /** A prepared incoming guest: its obj (job held by the caller's thread) and the URI QEMU listens on. */
    record Prepared(DomainObj obj, String uri, boolean created) {
    }

    /**
     * libvirt's {@code qemuMigrationDstPrepare}: starts QEMU waiting for the stream. The returned obj's
     * job lock stays held; the caller ends it.
     */
    Prepared prepareIncoming(DomainDef def, Map<String, Boolean> capabilities, String host, int port) {
        DomainObj obj;
        boolean created;
        synchronized (this) {
            DomainObj existing = checkUnique(def);
            if (existing != null && existing.isActive()) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain '" + def.name()
                        + "' is already active");
            }
            created = existing == null;
            obj = created ? new DomainObj(def.name(), def.uuid()) : existing;
            domains.put(obj.uuid, obj);
        }
        obj.beginJob();
        try {
            synchronized (obj) {
                if (obj.isActive()) {
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain '" + def.name()
                            + "' is already active");
                }
            }
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            String uri = launch(obj, def, true, new Incoming("tcp:" + h + ":" + port, capabilities, STARTED_MIGRATED));
            return new Prepared(obj, uri, created);
        } catch (RuntimeException e) {
            obj.endJob();
            if (created) {
                synchronized (this) {
                    synchronized (obj) {
                        if (!obj.isActive() && !obj.persistent) {
                            domains.remove(obj.uuid);
                        }
                    }
                }
            }
            throw e;
        }
    }

    /**
     * libvirt's {@code qemuMigrationDstFinish}: the stream completed; resume the guest (unless
     * {@code paused}), and with {@code persistXml} define it here.
     */
    void finishIncoming(DomainObj obj, boolean paused, boolean postcopy, String persistXml) {
        QmpClient mon = requireRunningMonitor(obj);
        if (postcopy) {
            synchronized (obj) {
                if (obj.reason == DomainStateReason.RUNNING_POSTCOPY) {
                    obj.reason = DomainStateReason.RUNNING_MIGRATED;
                }
            }
        } else if (paused) {
            synchronized (obj) {
                obj.reason = DomainStateReason.PAUSED_USER;
                events.emit(obj, DomainEventType.SUSPENDED, SUSPENDED_PAUSED);
            }
        } else {
            synchronized (obj) {
                obj.pendingResume = DomainStateReason.RUNNING_MIGRATED;
            }
            monitorCall(obj, mon, "cont", null);
            synchronized (obj) {
                if (obj.isActive() && obj.reason.state() == DomainState.PAUSED) {
                    obj.reason = DomainStateReason.RUNNING_MIGRATED;
                    obj.pendingResume = null;
                    events.emit(obj, DomainEventType.RESUMED, RESUMED_MIGRATED);
                }
            }
        }
        if (persistXml != null) {
            DomainDef def = prepare(persistXml);
            String text = DomainXml.format(def, EnumSet.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE));
            synchronized (this) {
                synchronized (obj) {
                    writeConfig(obj.name, text);
                    boolean added = !obj.persistent;
                    def.id(-1);
                    obj.persistentDef = def;
                    obj.persistent = true;
                    events.emit(obj, DomainEventType.DEFINED, added ? DEFINED_ADDED : DEFINED_UPDATED);
                }
            }
        }
        synchronized (obj) {
            obj.migration = null;
        }
        writeStatusQuietly(obj);
    }

    // ---- save, restore, managed save ----

    void managedSave(DomainObj obj) {
        synchronized (obj) {
            if (!obj.persistent) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot do managed save for transient domain");
            }
        }
        SaveImage.save(this, obj, paths.managedSaveFile(obj.name));
    }

    boolean hasManagedSaveImage(DomainObj obj) {
        return Files.exists(paths.managedSaveFile(obj.name));
    }

    void managedSaveRemove(DomainObj obj) {
        obj.beginJob();
        try {
            Files.deleteIfExists(paths.managedSaveFile(obj.name));
            synchronized (obj) {
                if (obj.reason == DomainStateReason.SHUTOFF_SAVED) {
                    obj.reason = DomainStateReason.SHUTOFF_UNKNOWN;
                }
            }
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot remove managed save image: " + e);
        } finally {
            obj.endJob();
        }
    }

    /** {@code virDomainRestoreFlags}: the image's domain (existing inactive, or a new transient one) runs again. */
    DomainObj restore(Path file, Boolean running) {
        SaveImage.Header h = SaveImage.read(file);
        DomainDef def = prepare(h.xml());
        DomainObj obj;
        boolean created;
        synchronized (this) {
            DomainObj existing = checkUnique(def);
            if (existing != null && existing.isActive()) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain '" + def.name()
                        + "' is already active");
            }
            created = existing == null;
            obj = created ? new DomainObj(def.name(), def.uuid()) : existing;
            domains.put(obj.uuid, obj);
        }
        obj.beginJob();
        try {
            synchronized (obj) {
                if (obj.isActive()) {
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain '" + def.name()
                            + "' is already active");
                }
            }
            SaveImage.restoreInto(this, obj, file, running);
            return obj;
        } catch (RuntimeException e) {
            if (created) {
                synchronized (this) {
                    synchronized (obj) {
                        if (!obj.isActive() && !obj.persistent) {
                            domains.remove(obj.uuid);
                        }
                    }
                }
            }
            throw e;
        } finally {
            obj.endJob();
        }
    }

    // ---- memory and vCPUs ----

    /** Resolves libvirt's LIVE/CONFIG/current flags against the domain's state: {live, config}. */
    private static boolean[] impact(DomainObj obj, boolean live, boolean config) {
        synchronized (obj) {
            if (!live && !config) {
                live = obj.isActive();
                config = !live;
            }
            if (live && !obj.isActive()) {
                throw notRunning();
            }
            if (config && !obj.persistent) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot change persistent config of a transient domain");
            }
            return new boolean[] {live, config};
        }
    }

    void setMemory(DomainObj obj, long kib, boolean live, boolean config, boolean maximum) {
        if (kib <= 0) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "memory must be positive");
        }
        obj.beginJob();
        try {
            boolean[] lc = impact(obj, live, config);
            if (maximum) {
                if (lc[0]) {
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "cannot resize the maximum memory on an active domain");
                }
                synchronized (obj) {
                    DomainDef d = obj.persistentDef;
                    d.memoryKiB(kib);
                    if (d.currentMemoryKiB() > kib) {
                        d.currentMemoryKiB(kib);
                    }
                }
                saveConfig(obj);
                return;
            }
            if (lc[0]) {
                QmpClient mon;
                synchronized (obj) {
                    if (kib > obj.liveDef.memoryKiB()) {
                        throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                                "cannot set memory higher than max memory");
                    }
                    if (!Balloon.isVirtio(obj.liveDef)) {
                        throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "Unable to change "
                                + "memory of active domain without the balloon device and guest OS balloon driver");
                    }
                    mon = obj.monitor;
                }
                monitorCall(obj, mon, "balloon", Map.of("value", kib * 1024));
                synchronized (obj) {
                    if (obj.isActive()) {
                        obj.liveDef.currentMemoryKiB(kib);
                    }
                }
                writeStatusQuietly(obj);
            }
            if (lc[1]) {
                synchronized (obj) {
                    if (kib > obj.persistentDef.memoryKiB()) {
                        throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                                "cannot set memory higher than max memory");
                    }
                    obj.persistentDef.currentMemoryKiB(kib);
                }
                saveConfig(obj);
            }
        } finally {
            obj.endJob();
        }
    }

    /** vCPU count of the persistent definition (live hotplug is not implemented yet). */
    void setVcpus(DomainObj obj, int count, boolean live, boolean config, boolean maximum, boolean guest) {
        if (count < 1) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "vcpu count must be at least 1");
        }
        if (guest) {
            throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "setting vCPUs through the guest agent is not supported by the QEMU driver yet");
        }
        obj.beginJob();
        try {
            boolean[] lc = impact(obj, live, config);
            if (lc[0]) {
                throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                        "changing the vCPUs of a running domain is not supported by the QEMU driver yet");
            }
            synchronized (obj) {
                DomainDef d = obj.persistentDef;
                if (maximum) {
                    d.vcpus(count, Math.min(d.currentVcpus(), count));
                } else {
                    if (count > d.maxVcpus()) {
                        throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "requested vcpus is greater "
                                + "than max allowable vcpus for the persistent domain: " + count + " > " + d.maxVcpus());
                    }
                    d.vcpus(d.maxVcpus(), count);
                }
            }
            saveConfig(obj);
        } finally {
            obj.endJob();
        }
    }

    int getVcpus(DomainObj obj, boolean live, boolean config, boolean maximum) {
        synchronized (obj) {
            if (live && config) {
                throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "flags 'live' and 'config' are mutually exclusive");
            }
            if (live && !obj.isActive()) {
                throw notRunning();
            }
            if (config && !obj.persistent) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "transient domains do not have any persistent config");
            }
            DomainDef d = config ? obj.persistentDef : obj.currentDef();
            return maximum ? d.maxVcpus() : d.currentVcpus();
        }
    }

    void setMemoryStatsPeriod(DomainObj obj, int seconds, boolean live, boolean config) {
        if (seconds < 0) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "invalid value for collection period: " + seconds);
        }
        obj.beginJob();
        try {
            boolean[] lc = impact(obj, live, config);
            if (lc[0]) {
                QmpClient mon;
                synchronized (obj) {
                    if (!Balloon.isVirtio(obj.liveDef)) {
                        throw noBalloon();
                    }
                    mon = obj.monitor;
                }
                String path = balloonPath(obj, mon).orElseThrow(QemuHost::noBalloon);
                monitorCall(obj, mon, "qom-set", Map.of("path", path, "property", Balloon.PERIOD_PROPERTY,
                        "value", seconds));
                synchronized (obj) {
                    if (obj.isActive()) {
                        Balloon.setPeriod(obj.liveDef, seconds);
                    }
                }
                writeStatusQuietly(obj);
            }
            if (lc[1]) {
                synchronized (obj) {
                    if (!Balloon.isVirtio(obj.persistentDef)) {
                        throw noBalloon();
                    }
                    Balloon.setPeriod(obj.persistentDef, seconds);
                }
                saveConfig(obj);
            }
        } finally {
            obj.endJob();
        }
    }

    private static VirtException noBalloon() {
        return VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                "No memory balloon device configured, can not set the collection period");
    }

    /** libvirt's {@code qemuDomainMemoryStats}: balloon size and guest statistics from QEMU, RSS from /proc. */
    Map<MemoryStatTag, Long> memoryStats(DomainObj obj) {
        obj.beginJob();
        try {
            QmpClient mon = requireRunningMonitor(obj);
            boolean balloon;
            long pid;
            long current;
            synchronized (obj) {
                balloon = Balloon.isVirtio(obj.liveDef);
                pid = obj.pid;
                current = obj.liveDef.currentMemoryKiB();
            }
            Map<MemoryStatTag, Long> out = Balloon.newStats();
            if (balloon) {
                Map<String, Object> q = Json.obj(monitorCall(obj, mon, "query-balloon", null));
                out.put(MemoryStatTag.ACTUAL_BALLOON, Json.num(q, "actual", current * 1024) / 1024);
                Optional<String> path = balloonPath(obj, mon);
                if (path.isPresent()) {
                    Balloon.guestStats(Json.obj(monitorCall(obj, mon, "qom-get", Map.of("path", path.get(),
                            "property", "guest-stats"))), out);
                }
            } else {
                out.put(MemoryStatTag.ACTUAL_BALLOON, current);
            }
            long rss = QemuProcess.rssKiB(pid);
            if (rss > 0) {
                out.put(MemoryStatTag.RSS, rss);
            }
            return java.util.Collections.unmodifiableMap(out);
        } finally {
            obj.endJob();
        }
    }

    // ---- autostart ----

    boolean getAutostart(DomainObj obj) {
        return Files.isSymbolicLink(paths.autostartLink(obj.name)) || Files.exists(paths.autostartLink(obj.name));
    }

    void setAutostart(DomainObj obj, boolean on) {
        synchronized (obj) {
            if (!obj.persistent) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot set autostart for transient domain");
            }
        }
        Path link = paths.autostartLink(obj.name);
        try {
            if (on) {
                if (!getAutostart(obj)) {
                    Files.createDirectories(link.getParent());
                    Files.createSymbolicLink(link, paths.configFile(obj.name));
                }
            } else {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot "
                    + (on ? "create" : "remove") + " autostart link " + link + ": " + e);
        }
    }

    /** At instance start: start every persistent domain marked autostart that is not running (libvirt's qemuAutostartDomains). */
    private void autostartAll() {
        for (DomainObj o : all()) {
            boolean candidate;
            synchronized (o) {
                candidate = o.persistent && !o.isActive();
            }
            if (candidate && getAutostart(o)) {
                try {
                    start(o, false);
                    LOG.info("autostarted domain {}", o.name);
                } catch (VirtException e) {
                    LOG.warn("failed to autostart domain {}: {}", o.name, e.getMessage());
                }
            }
        }
    }

    // ---- status files and reconnect ----

    /** Writes the status file and live XML of a running domain; under its lock, so never after its clean-up. */
    void writeStatusQuietly(DomainObj obj) {
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
        if ("inmigrate".equals(status)) {
            // the incoming migration's job ended with the instance that ran it: nobody will finish
            // it, and the source resumes when its stream breaks (libvirt's qemuProcessRecoverMigrationIn)
            LOG.warn("domain {} (pid {}) was still receiving a migration; killing it", name, pid);
            synchronized (obj) {
                obj.monitor = mon;
                obj.stopReason = DomainStateReason.SHUTOFF_FAILED;
            }
            QemuProcess.killByPid(pid, Duration.ofSeconds(2));
            processStopped(obj, gen, DomainStateReason.SHUTOFF_FAILED);
            return 0;
        }
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
        detached = true;
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
