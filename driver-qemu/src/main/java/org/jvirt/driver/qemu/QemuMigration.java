package org.jvirt.driver.qemu;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.driver.qemu.qmp.Json;
import org.jvirt.driver.qemu.qmp.QmpClient;
import org.jvirt.driver.qemu.qmp.QmpException;
import org.jvirt.spi.MigrationV3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live migration between two QEMU driver instances, in libvirt's phases
 * ({@code qemuMigrationSrcBegin}, {@code DstPrepare}, {@code SrcPerform}, {@code DstFinish},
 * {@code SrcConfirm}):
 *
 * <ol>
 * <li>begin (source): the guest must run; the destination XML is the live one (or
 *     {@link MigrateParams#destXml()}), capabilities are chosen from both QEMUs' probed caps:
 *     {@code events} always; {@code postcopy-ram} with {@link MigrateFlag#POSTCOPY};
 *     {@code postcopy-preempt} with every post-copy migration when both QEMUs have it; never multifd
 *     together with post-copy (QEMU 7.2 loses the guest, reference §5.2).</li>
 * <li>prepare (destination): QEMU starts paused with {@code -incoming defer}, gets the same
 *     capabilities, then {@code migrate-incoming tcp:HOST:PORT} (port 0: QEMU picks one, read back
 *     from {@code query-migrate}). QEMU opens its own connections (never an {@code fd:} URI: preempt
 *     needs a second channel).</li>
 * <li>perform (source): capabilities, parameters (bandwidth), {@code migrate}, then the
 *     {@code MIGRATION} events (polling {@code query-migrate} as a safety net). On
 *     {@code postcopy-active} the destination is resumed at once.</li>
 * <li>finish (destination): on {@code completed} it resumes (reason migrated), is made persistent
 *     with {@link MigrateFlag#PERSIST_DEST}.</li>
 * <li>confirm (source): the source QEMU is stopped (shut off, reason migrated); with
 *     {@link MigrateFlag#UNDEFINE_SOURCE} its definition is removed. On a failure before the guest
 *     ran at the destination, the destination QEMU is killed and the source keeps (or resumes)
 *     running; after the switch to post-copy nothing is cancelled (reference §5.3).</li>
 * </ol>
 *
 * The destination is a {@link Destination}: a driver instance in this process, or another process
 * or host through {@link MigrationV3} (jvirtd, reached by the remote driver), a
 * {@link MigrationCookie} carrying the UUID and capabilities between the sides.
 *
 * <p>Locks: in-process and peer to peer, the source's job lock is held by the calling thread from
 * begin to confirm; the destination's prepare and finish each take its job lock for their own
 * length (in a daemon they come on different threads), the incoming {@link MigrationJob} marking
 * the guest in between; a managed migration's source phases do the same with the outgoing job.
 * {@link #startPostCopy} runs beside it without the job lock.
 */
final class QemuMigration {
    private static final Logger LOG = LoggerFactory.getLogger(QemuMigration.class);
    /** libvirt's QEMU_DOMAIN_MIG_BANDWIDTH_MAX in MiB/s: effectively unlimited. */
    static final long BANDWIDTH_MAX_MIB = Long.MAX_VALUE / (1024 * 1024);
    private static final long MIB = 1024 * 1024;
    private static final Set<MigrateFlag> UNSUPPORTED = EnumSet.of(MigrateFlag.TUNNELLED,
            MigrateFlag.NON_SHARED_DISK, MigrateFlag.NON_SHARED_INC, MigrateFlag.OFFLINE, MigrateFlag.COMPRESSED,
            MigrateFlag.RDMA_PIN_ALL, MigrateFlag.TLS, MigrateFlag.NON_SHARED_SYNCHRONOUS_WRITES,
            MigrateFlag.POSTCOPY_RESUME, MigrateFlag.ZEROCOPY);
    private static final Pattern TCP_URI = Pattern.compile("tcp:(?://)?(\\[[^]]+]|[^:/]+)?(?::(\\d+))?/?");
    private static final Duration DEST_WAIT = Duration.ofSeconds(60);
    /** The migration capabilities the driver sets, on or off, on every migration. */
    static final List<String> MANAGED_CAPS = List.of("events", "postcopy-ram", "postcopy-preempt", "multifd",
            "auto-converge");

    private QemuMigration() {
    }

    /** What the destination's prepare gave: the URI its QEMU listens on and the capabilities both sides use. */
    record Incoming(String uri, Map<String, Boolean> capabilities) {
    }

    /**
     * The destination as the source's migration sees it: a driver instance in this process
     * ({@link #local}) or one reached through {@link MigrationV3} (another process or host, e.g. over
     * jvirt's remote driver: {@link #remote}).
     */
    interface Destination {
        /** Prepares the incoming guest from {@code xml}, given the source's managed capabilities. */
        Incoming prepare(String xml, UUID uuid, Set<String> sourceCaps, Set<MigrateFlag> flags, MigrateParams params);

        /**
         * After the source reached {@code postcopy-active} or {@code completed}: runs the guest there
         * (at once on post-copy) and returns its handle; or, cancelled, discards the incoming guest.
         */
        Domain finish(Set<MigrateFlag> flags, MigrateParams params, boolean cancelled);
    }

    /** A destination driver instance in this process. */
    static Destination local(QemuConnect dconn) {
        return new Destination() {
            private DomainObj dobj;

            @Override
            public Incoming prepare(String xml, UUID uuid, Set<String> sourceCaps, Set<MigrateFlag> flags,
                                    MigrateParams params) {
                Prepared p = prepareDestination(dconn.host(), xml, uuid, sourceCaps, flags, params);
                dobj = p.obj();
                return new Incoming(p.uri(), p.capabilities());
            }

            @Override
            public Domain finish(Set<MigrateFlag> flags, MigrateParams params, boolean cancelled) {
                DomainObj d = finishDestination(dconn.host(), dobj, flags, params, cancelled);
                return d == null ? null : dconn.handle(d);
            }
        };
    }

    /** A destination reached through another connection's migration phases (cookies carry the capabilities). */
    static Destination remote(MigrationV3 peer) {
        return new Destination() {
            private UUID uuid;
            private String xml;

            @Override
            public Incoming prepare(String x, UUID u, Set<String> sourceCaps, Set<MigrateFlag> flags,
                                    MigrateParams params) {
                uuid = u;
                xml = x;
                Map<String, Boolean> offer = new LinkedHashMap<>();
                sourceCaps.forEach(c -> offer.put(c, true));
                MigrationV3.Prepared r = peer.prepare(params.toBuilder().destXml(x).build(),
                        new MigrationCookie(u, offer).encode(), flags);
                MigrationCookie back = MigrationCookie.decode(r.cookie());
                if (r.uri() == null) {
                    throw failed("the destination did not say where it listens");
                }
                return new Incoming(r.uri(), back.capabilities());
            }

            @Override
            public Domain finish(Set<MigrateFlag> flags, MigrateParams params, boolean cancelled) {
                MigrationV3.Finished f = peer.finish(params.toBuilder().destXml(xml).build(),
                        new MigrationCookie(uuid, Map.of()).encode(), flags, cancelled);
                return f.domain();
            }
        };
    }

    static void checkFlags(Set<MigrateFlag> flags) {
        for (MigrateFlag f : flags) {
            if (UNSUPPORTED.contains(f)) {
                throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                        "migration flag " + f + " is not supported by the QEMU driver yet");
            }
        }
        boolean postcopy = flags.contains(MigrateFlag.POSTCOPY);
        if (postcopy && flags.contains(MigrateFlag.PARALLEL)) {
            throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "post-copy migration cannot be combined with parallel (multifd) migration");
        }
        if (postcopy && flags.contains(MigrateFlag.PAUSED)) {
            throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "post-copy migration needs the guest to run at the destination (no VIR_MIGRATE_PAUSED)");
        }
    }

    /** What begin gave: the outgoing job, the XML the destination gets, the capabilities the source QEMU has. */
    record Begun(MigrationJob job, String xml, Set<String> offer) {
    }

    /**
     * Migrates a running guest of {@code src} to {@code dest}: begin, the destination's prepare,
     * perform, the destination's finish, confirm, all driven from this thread with the source's job
     * lock held throughout (libvirt's peer-to-peer shape; for a destination in this process, too).
     *
     * @return the guest's handle at the destination
     */
    static Domain migrate(QemuHost src, DomainObj sobj, Destination dest, Set<MigrateFlag> flags,
                          MigrateParams params) {
        checkFlags(flags);
        hostPort(params); // a bad migrate URI fails before anything starts
        sobj.beginJob();
        Begun begun = null;
        boolean prepared = false;
        boolean destRuns = false;
        try {
            begun = beginSource(src, sobj, flags, params);
            Incoming incoming = dest.prepare(begun.xml(), sobj.uuid, begun.offer(), flags, params);
            prepared = true;
            performSource(src, sobj, begun.job(), incoming, flags, params);
            // after the switch to post-copy the guest's only complete state is spread over both
            // sides: nothing is cancelled any more (reference §5.3)
            destRuns = begun.job().enteredPostcopy;
            Set<MigrateFlag> finishFlags = EnumSet.noneOf(MigrateFlag.class);
            finishFlags.addAll(flags);
            if (!begun.job().sourceWasRunning) {
                // a guest paused at the source stays paused at the destination, as with VIR_MIGRATE_PAUSED
                finishFlags.add(MigrateFlag.PAUSED);
            }
            Domain out;
            try {
                out = dest.finish(finishFlags, params, false);
            } catch (VirtException e) {
                if (begun.job().enteredPostcopy) {
                    synchronized (sobj) {
                        sobj.reason = DomainStateReason.PAUSED_POSTCOPY_FAILED;
                    }
                }
                throw e;
            }
            destRuns = true;
            confirmSource(src, sobj, begun.job(), flags, false);
            return out;
        } finally {
            if (begun != null && !destRuns) {
                confirmSource(src, sobj, begun.job(), flags, true);
                if (prepared) {
                    try {
                        dest.finish(flags, params, true);
                    } catch (VirtException e) {
                        LOG.warn("{}: cannot discard the incoming guest at the destination: {}", sobj.name,
                                e.getMessage());
                    }
                }
            }
            endSource(sobj, begun == null ? null : begun.job());
            sobj.endJob();
        }
    }

    /**
     * Begin (source; the caller holds the job lock): the guest must run or be paused and have no
     * other migration; registers the outgoing job (it outlives the job lock in a managed migration,
     * whose phases come as separate calls) and returns the destination's XML.
     */
    static Begun beginSource(QemuHost src, DomainObj sobj, Set<MigrateFlag> flags, MigrateParams params) {
        checkFlags(flags);
        DomainDef live;
        MigrationJob job;
        synchronized (sobj) {
            if (!sobj.isActive() || sobj.monitor == null) {
                throw QemuHost.notRunning();
            }
            if (sobj.migration != null && !abandoned(sobj.migration)) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "another migration job is already running for domain '" + sobj.name + "'");
            }
            DomainState st = sobj.reason.state();
            if (st != DomainState.RUNNING && st != DomainState.PAUSED) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "domain '" + sobj.name + "' is not running or paused");
            }
            live = sobj.liveDef;
            job = new MigrationJob(true, flags.contains(MigrateFlag.POSTCOPY));
            job.sourceWasRunning = st == DomainState.RUNNING;
            sobj.migration = job;
        }
        String xml = params.destXml() != null ? params.destXml()
                : DomainXml.format(live, EnumSet.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE));
        if (params.destName() != null) {
            xml = rename(xml, params.destName());
        }
        QemuCaps scaps = src.caps.get(java.nio.file.Path.of(live.devices().emulator()));
        Set<String> offer = new LinkedHashSet<>();
        for (String c : MANAGED_CAPS) {
            if (scaps.hasMigrationCapability(c)) {
                offer.add(c);
            }
        }
        return new Begun(job, xml, offer);
    }

    /** A managed migration begun but never performed (its client went away): a new begin may replace it. */
    private static boolean abandoned(MigrationJob job) {
        return job.outgoing && !job.isStarted() && "none".equals(job.status());
    }

    /**
     * Perform (source; the caller holds the job lock): capabilities as the destination chose them,
     * bandwidth, {@code migrate} to the destination's URI, then waits until the stream completed or
     * switched to post-copy. Throws when it failed; the source's clean-up is confirm's (cancelled).
     */
    static void performSource(QemuHost src, DomainObj sobj, MigrationJob job, Incoming incoming,
                              Set<MigrateFlag> flags, MigrateParams params) {
        QmpClient smon;
        QemuCaps scaps;
        synchronized (sobj) {
            if (sobj.migration != job || !sobj.isActive() || sobj.monitor == null) {
                throw failed("the source guest '" + sobj.name + "' stopped or its migration was cancelled");
            }
            smon = sobj.monitor;
            scaps = src.caps.get(java.nio.file.Path.of(sobj.liveDef.devices().emulator()));
        }
        boolean postcopy = flags.contains(MigrateFlag.POSTCOPY);
        try {
            if (job.sourceWasRunning) {
                synchronized (sobj) {
                    sobj.pendingPause = DomainStateReason.PAUSED_MIGRATION;
                }
                if (!flags.contains(MigrateFlag.LIVE)) {
                    QemuHost.monitorCall(sobj, smon, "stop", null);
                }
            }
            QemuHost.setMigrationCapabilities(smon, forSide(scaps, incoming.capabilities()));
            Map<String, Object> mp = new LinkedHashMap<>();
            long bw = params.bandwidthMiBs() > 0 ? params.bandwidthMiBs() : BANDWIDTH_MAX_MIB;
            mp.put("max-bandwidth", bw >= BANDWIDTH_MAX_MIB ? BANDWIDTH_MAX_MIB * MIB : bw * MIB);
            if (postcopy) {
                mp.put("max-postcopy-bandwidth", params.postcopyBandwidthMiBs() * MIB);
            }
            if (flags.contains(MigrateFlag.PARALLEL) && params.parallelConnections() > 0) {
                mp.put("multifd-channels", params.parallelConnections());
            }
            LOG.info("migrating {} from {} with {} to {}", sobj.name, src.paths.uri(), incoming.capabilities(),
                    incoming.uri());
            smon.execute("migrate-set-parameters", mp, QemuHost.CMD_TIMEOUT);
            smon.execute("migrate", Map.of("uri", incoming.uri()), QemuHost.CMD_TIMEOUT);
            job.markStarted();
            String st = waitSource(sobj, smon, job, Set.of("postcopy-active", "completed"));
            if (!"postcopy-active".equals(st) && !"completed".equals(st)) {
                throw failed(errorDesc(smon));
            }
            job.enteredPostcopy = "postcopy-active".equals(st);
        } catch (QmpException e) {
            throw failed(e.getMessage());
        }
    }

    /**
     * Confirm (source; the caller holds the job lock). Cancelled: the stream is cancelled and the
     * guest keeps (or resumes) running. Otherwise the guest's QEMU stops (shut off, reason migrated),
     * after the end of post-copy; with {@link MigrateFlag#UNDEFINE_SOURCE} its definition goes.
     */
    static void confirmSource(QemuHost src, DomainObj sobj, MigrationJob job, Set<MigrateFlag> flags,
                              boolean cancelled) {
        QmpClient smon;
        synchronized (sobj) {
            smon = sobj.migration == job ? sobj.monitor : null;
        }
        if (cancelled) {
            cleanup(src, sobj, smon, job, job.sourceWasRunning);
            endSource(sobj, job);
            return;
        }
        if (smon == null) {
            throw failed("the source guest '" + sobj.name + "' is not migrating");
        }
        try {
            if (job.enteredPostcopy) {
                String st = waitSource(sobj, smon, job, Set.of("completed", "postcopy-paused"));
                if (!"completed".equals(st)) {
                    synchronized (sobj) {
                        sobj.reason = DomainStateReason.PAUSED_POSTCOPY_FAILED;
                    }
                    throw failed("post-copy migration failed (" + st + "); the guest needs recovery: "
                            + errorDesc(smon));
                }
            }
            long gen;
            long pid;
            synchronized (sobj) {
                sobj.stopReason = DomainStateReason.SHUTOFF_MIGRATED;
                gen = sobj.generation;
                pid = sobj.pid;
            }
            QemuProcess.killByPid(pid, QemuHost.DESTROY_GRACE);
            src.processStopped(sobj, gen, DomainStateReason.SHUTOFF_MIGRATED);
            boolean persistent;
            synchronized (sobj) {
                persistent = sobj.persistent;
            }
            if (flags.contains(MigrateFlag.UNDEFINE_SOURCE) && persistent) {
                src.undefine(sobj, EnumSet.of(DomainUndefineFlag.MANAGED_SAVE));
            }
            LOG.info("migrated {} from {}", sobj.name, src.paths.uri());
        } finally {
            endSource(sobj, job);
        }
    }

    /** The outgoing job is over: the domain may migrate again. */
    private static void endSource(DomainObj sobj, MigrationJob job) {
        synchronized (sobj) {
            if (job != null && sobj.migration == job) {
                sobj.migration = null;
            }
            sobj.pendingPause = null;
        }
    }

    /** Confirm with failure at the source: the outgoing stream is cancelled, the guest keeps (or resumes) running. */
    private static void cleanup(QemuHost src, DomainObj sobj, QmpClient smon, MigrationJob job, boolean wasRunning) {
        if (job == null) {
            return;
        }
        try {
            if (smon != null && smon.isOpen() && !MigrationJob.FINAL.contains(job.status())
                    && !"none".equals(job.status()) && !job.postcopyRequested()) {
                smon.execute("migrate_cancel", null, QemuHost.CMD_TIMEOUT);
                job.await(Set.of(), Duration.ofSeconds(10));
            }
        } catch (QmpException e) {
            LOG.warn("{}: cannot cancel the migration: {}", sobj.name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!wasRunning || smon == null || !smon.isOpen() || job.postcopyRequested()) {
            return;
        }
        try {
            String status = Json.str(Json.obj(smon.execute("query-status", null, QemuHost.CMD_TIMEOUT)), "status");
            synchronized (sobj) {
                sobj.pendingPause = null;
                if (!"running".equals(status)) {
                    sobj.pendingResume = DomainStateReason.RUNNING_MIGRATION_CANCELED;
                }
            }
            if (!"running".equals(status)) {
                smon.execute("cont", null, QemuHost.CMD_TIMEOUT);
            }
            LOG.info("{}: migration failed, the source keeps running", sobj.name);
        } catch (QmpException e) {
            LOG.warn("{}: cannot resume the source after a failed migration: {}", sobj.name, e.getMessage());
        }
        src.writeStatusQuietly(sobj);
    }

    // ---- the destination's phases (used in-process and by jvirtd for a remote source) ----

    /** A prepared incoming guest: its obj (no job held), the URI its QEMU listens on, the capabilities in use. */
    record Prepared(DomainObj obj, String uri, Map<String, Boolean> capabilities) {
    }

    /**
     * Prepare: the incoming QEMU is started (paused, {@code -incoming defer}) with the capabilities
     * both QEMUs have and the migration asks for, listening on the migrate URI's host and port. The
     * job lock is released on return (finish may come on another thread, as in jvirtd); the incoming
     * {@link MigrationJob} marks the guest busy meanwhile.
     */
    static Prepared prepareDestination(QemuHost dst, String xml, UUID uuid, Set<String> sourceCaps,
                                       Set<MigrateFlag> flags, MigrateParams params) {
        checkFlags(flags);
        if (xml == null) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "no domain XML for the incoming guest");
        }
        String[] hostPort = hostPort(params);
        DomainDef ddef = dst.prepare(xml);
        if (!ddef.uuid().equals(uuid)) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "target domain uuid " + ddef.uuid()
                    + " does not match source " + uuid);
        }
        QemuCaps dcaps = dst.caps.get(java.nio.file.Path.of(ddef.devices().emulator()));
        Map<String, Boolean> capabilities = capabilities(sourceCaps::contains, dcaps::hasMigrationCapability, flags);
        QemuHost.Prepared p = dst.prepareIncoming(ddef, forSide(dcaps, capabilities), hostPort[0],
                Integer.parseInt(hostPort[1]));
        p.obj().endJob();
        LOG.info("incoming migration of {} listens on {}", ddef.name(), p.uri());
        return new Prepared(p.obj(), p.uri(), capabilities);
    }

    /**
     * Finish: on {@code completed} the guest resumes (reason migrated); on {@code postcopy-active} it
     * resumes at once and the stream is awaited to its end; with {@link MigrateFlag#PERSIST_DEST} it is
     * defined here. Cancelled (or failing before the guest ran), the incoming QEMU is killed.
     *
     * @return the guest, or {@code null} when cancelled
     */
    static DomainObj finishDestination(QemuHost dst, DomainObj dobj, Set<MigrateFlag> flags, MigrateParams params,
                                       boolean cancelled) {
        dobj.beginJob();
        // a guest that is not (or no longer) receiving a migration is never discarded here
        boolean running = true;
        try {
            MigrationJob djob;
            synchronized (dobj) {
                djob = dobj.migration;
                if (djob == null || djob.outgoing) {
                    if (cancelled) {
                        return null;
                    }
                    throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "domain '" + dobj.name + "' is not receiving a migration");
                }
            }
            running = false;
            if (cancelled) {
                return null;
            }
            QmpClient dmon;
            try {
                dmon = dst.requireRunningMonitor(dobj);
            } catch (VirtException e) {
                throw failed("the destination QEMU went away");
            }
            String ds = djob.await(Set.of("postcopy-active", "completed"), DEST_WAIT);
            boolean postcopy = "postcopy-active".equals(ds);
            if (postcopy) {
                synchronized (dobj) {
                    dobj.pendingResume = DomainStateReason.RUNNING_POSTCOPY;
                }
                running = true;
                QemuHost.monitorCall(dobj, dmon, "cont", null);
                ds = awaitWhileAlive(dobj, djob, Set.of("completed", "postcopy-paused"));
                if (!"completed".equals(ds)) {
                    synchronized (dobj) {
                        if (dobj.isActive()) {
                            dobj.reason = DomainStateReason.RUNNING_POSTCOPY_FAILED;
                        }
                    }
                    throw failed("post-copy migration failed at the destination (status " + ds + ")");
                }
            } else if (!"completed".equals(ds)) {
                throw failed("the destination did not complete the incoming migration (status " + ds + ")");
            }
            running = true;
            dst.finishIncoming(dobj, flags.contains(MigrateFlag.PAUSED), postcopy,
                    flags.contains(MigrateFlag.PERSIST_DEST) ? (params.persistXml() != null ? params.persistXml()
                            : params.destXml() != null ? params.destXml() : persistentXml(dobj)) : null);
            return dobj;
        } catch (QmpException e) {
            throw failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "migration interrupted");
        } finally {
            if (!running) {
                discard(dst, dobj);
            }
            dobj.endJob();
        }
    }

    private static String persistentXml(DomainObj dobj) {
        synchronized (dobj) {
            return DomainXml.format(dobj.liveDef, EnumSet.of(DomainXmlFlag.INACTIVE, DomainXmlFlag.SECURE));
        }
    }

    /** Kills an incoming guest that will not run (shut off, reason failed). */
    private static void discard(QemuHost dst, DomainObj dobj) {
        long gen;
        long pid;
        synchronized (dobj) {
            if (!dobj.isActive()) {
                return;
            }
            gen = dobj.generation;
            pid = dobj.pid;
            dobj.stopReason = DomainStateReason.SHUTOFF_FAILED;
        }
        if (pid > 0) {
            QemuProcess.killByPid(pid, Duration.ofSeconds(2));
        }
        dst.processStopped(dobj, gen, DomainStateReason.SHUTOFF_FAILED);
    }

    /** Waits for one of {@code wanted} or a final status while the guest's QEMU lives (post-copy has no bound). */
    private static String awaitWhileAlive(DomainObj obj, MigrationJob job, Set<String> wanted)
            throws InterruptedException {
        while (true) {
            String st = job.await(wanted, Duration.ofSeconds(1));
            if (wanted.contains(st) || MigrationJob.FINAL.contains(st)) {
                return st;
            }
            synchronized (obj) {
                if (!obj.isActive()) {
                    return st;
                }
            }
        }
    }

    /**
     * Waits for one of {@code wanted} or a final status from the source's events, polling
     * {@code query-migrate} each second as a safety net; fails if the source QEMU goes away.
     */
    private static String waitSource(DomainObj sobj, QmpClient smon, MigrationJob job, Set<String> wanted) {
        try {
            while (true) {
                String st = job.await(wanted, Duration.ofSeconds(1));
                if (wanted.contains(st) || MigrationJob.FINAL.contains(st)) {
                    return st;
                }
                if (!smon.isOpen()) {
                    throw failed("the source QEMU of '" + sobj.name + "' went away during migration");
                }
                job.update(Json.str(Json.obj(smon.execute("query-migrate", null, QemuHost.CMD_TIMEOUT)), "status"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "migration interrupted");
        }
    }

    private static String errorDesc(QmpClient mon) {
        try {
            Map<String, Object> q = Json.obj(mon.execute("query-migrate", null, QemuHost.CMD_TIMEOUT));
            String desc = Json.str(q, "error-desc");
            return "status " + Json.str(q, "status") + (desc != null ? ": " + desc : "");
        } catch (QmpException e) {
            return e.getMessage();
        }
    }

    static VirtException failed(String detail) {
        return VirtException.of(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "migration failed: " + detail);
    }

    /**
     * The capabilities both QEMUs get: {@code events} on; post-copy (and preempt when both QEMUs have
     * it) as asked; multifd and auto-converge as asked. A capability is on only when both QEMUs have
     * it; {@link #forSide} then sets every managed capability a QEMU has explicitly on or off, so a
     * leftover from an earlier migration of the same QEMU does not leak in.
     */
    static Map<String, Boolean> capabilities(QemuCaps s, QemuCaps d, Set<MigrateFlag> flags) {
        return capabilities(s::hasMigrationCapability, d::hasMigrationCapability, flags);
    }

    /**
     * As {@link #capabilities(QemuCaps, QemuCaps, Set)}, from what each side has (the source's may
     * come in a cookie).
     */
    static Map<String, Boolean> capabilities(Predicate<String> s, Predicate<String> d, Set<MigrateFlag> flags) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        boolean postcopy = flags.contains(MigrateFlag.POSTCOPY);
        require(s, d, "events", true, m);
        require(s, d, "postcopy-ram", postcopy, m);
        boolean preempt = postcopy && s.test("postcopy-preempt") && d.test("postcopy-preempt");
        require(s, d, "postcopy-preempt", preempt, m);
        require(s, d, "multifd", flags.contains(MigrateFlag.PARALLEL), m);
        require(s, d, "auto-converge", flags.contains(MigrateFlag.AUTO_CONVERGE), m);
        return m;
    }

    /** The capabilities one QEMU gets: every one it has of those the driver manages, off unless wanted. */
    static Map<String, Boolean> forSide(QemuCaps c, Map<String, Boolean> wanted) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String cap : MANAGED_CAPS) {
            if (c.hasMigrationCapability(cap)) {
                m.put(cap, wanted.getOrDefault(cap, false));
            }
        }
        return m;
    }

    private static void require(Predicate<String> s, Predicate<String> d, String cap, boolean on,
                                Map<String, Boolean> m) {
        boolean both = s.test(cap) && d.test(cap);
        if (both) {
            m.put(cap, on);
        } else if (on) {
            throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "migration capability '" + cap + "' is not supported by " + (s.test(cap)
                            ? "the destination" : "the source") + " QEMU");
        }
    }

    /** Host and port to listen on: from the migrate URI ({@code tcp://H:P}, {@code tcp:H:P}), else 127.0.0.1:0. */
    static String[] hostPort(MigrateParams params) {
        String host = params.listenAddress() != null ? params.listenAddress() : "127.0.0.1";
        String port = "0";
        String uri = params.migrateUri();
        if (uri != null) {
            Matcher m = TCP_URI.matcher(uri);
            if (!m.matches()) {
                throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unsupported migration URI '" + uri
                        + "' (use tcp://HOST[:PORT])");
            }
            if (m.group(1) != null) {
                host = m.group(1);
            }
            if (m.group(2) != null) {
                port = m.group(2);
            }
        }
        return new String[] {host, port};
    }

    private static String rename(String xml, String name) {
        return xml.replaceFirst("<name>[^<]*</name>", "<name>" + name.replace("&", "&amp;").replace("<", "&lt;")
                + "</name>");
    }

    /**
     * Switches a running outgoing migration to post-copy ({@code virDomainMigrateStartPostCopy}); runs
     * beside the migration's job, waiting (at most 30 s) until the {@code migrate} command was sent.
     */
    static void startPostCopy(DomainObj obj) {
        MigrationJob job;
        QmpClient mon;
        synchronized (obj) {
            job = obj.migration;
            mon = obj.monitor;
            if (job == null || !job.outgoing || !obj.isActive() || mon == null) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "post-copy can only be started while outgoing migration is in progress");
            }
            if (!job.postcopyAllowed) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "switching to post-copy requires migration to be started with VIR_MIGRATE_POSTCOPY flag");
            }
        }
        try {
            if (!job.awaitStarted(Duration.ofSeconds(30))) {
                throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "post-copy can only be started while outgoing migration is in progress");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        }
        if (MigrationJob.FINAL.contains(job.status())) {
            throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "post-copy can only be started while outgoing migration is in progress");
        }
        if (!job.requestPostcopy()) {
            return;
        }
        synchronized (obj) {
            if (obj.pendingPause == DomainStateReason.PAUSED_MIGRATION) {
                obj.pendingPause = DomainStateReason.PAUSED_POSTCOPY;
            }
        }
        QemuHost.monitorCall(obj, mon, "migrate-start-postcopy", null);
        LOG.info("{}: switching migration to post-copy", obj.name);
    }
}
