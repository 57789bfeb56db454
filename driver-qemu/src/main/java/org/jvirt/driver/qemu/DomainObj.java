package org.jvirt.driver.qemu;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.driver.qemu.qmp.QmpClient;

/**
 * One guest known to a {@link QemuHost}: its definitions, run state and QEMU process.
 *
 * <p>Locking, as libvirt's QEMU driver writes it down: the {@link #job} lock serialises operations
 * that use the monitor or change the process (start, stop, suspend, ...) and is held across monitor
 * calls; the object's own monitor ({@code synchronized (obj)}) guards the fields and is held only
 * briefly, never while waiting for QEMU. Event handlers take only the object's monitor. Each run
 * has a {@link #generation}; a handler of an older run is ignored. An async job (migration, save)
 * holds the job lock for its whole length and publishes itself in {@link #migration}, so that
 * {@code migrateStartPostCopy} and read-only monitor queries can run beside it, as libvirt allows
 * nested query jobs during an async job.
 */
final class DomainObj {
    final String name;
    final UUID uuid;
    /** Serialises lifecycle operations and monitor use. */
    final ReentrantLock job = new ReentrantLock();

    // guarded by this
    DomainDef persistentDef;
    boolean persistent;
    DomainDef liveDef;
    DomainStateReason reason = DomainStateReason.SHUTOFF_UNKNOWN;
    int id = -1;
    long pid;
    QmpClient monitor;
    long generation;
    /** Between process start and the end of start-up: RESUME/STOP events are the start's own. */
    boolean starting;
    /** A SHUTDOWN event arrived in this run (so a monitor EOF is a shutdown, not a crash). */
    boolean gotShutdown;
    /** Set by reboot(): the next SHUTDOWN is answered by system_reset + cont. */
    boolean fakeReboot;
    /** Set by destroy() before it kills QEMU: the reason the run ends with. */
    DomainStateReason stopReason;
    DomainStateReason pendingPause;
    DomainStateReason pendingResume;
    /** The migration stream of this run in progress (outgoing, incoming, save, restore), or null. */
    MigrationJob migration;
    /** Whether this run's QOM tree was searched for the balloon (libvirt's {@code ballooninit}). */
    boolean balloonSearched;
    /** The balloon's QOM path found by that search, or null when the guest has none. */
    String balloonPath;

    DomainObj(String name, UUID uuid) {
        this.name = name;
        this.uuid = uuid;
    }

    synchronized boolean isActive() {
        return id > 0;
    }

    synchronized DomainState state() {
        return reason.state();
    }

    /** The definition that describes the guest now: live while running, else persistent. */
    synchronized DomainDef currentDef() {
        return liveDef != null ? liveDef : persistentDef;
    }

    /** Takes the job lock, giving up after 60 s as libvirt does ("cannot acquire state change lock"). */
    void beginJob() {
        try {
            if (!job.tryLock(60, TimeUnit.SECONDS)) {
                throw VirtException.of(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                        "cannot acquire state change lock for domain '" + name + "'");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        }
    }

    void endJob() {
        job.unlock();
    }
}
