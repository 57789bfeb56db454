package org.jvirt.driver.qemu;

import java.time.Duration;
import java.util.Set;

/**
 * An outgoing or incoming migration stream of one run (migration, save, restore): QEMU's
 * {@code MIGRATION} events land here, and the job waits for the status it needs. libvirt's async
 * job: while it runs, only {@link QemuHost#migrateStartPostCopy} and read-only queries may use the
 * monitor besides the job's own thread. Thread-safe.
 */
final class MigrationJob {
    /** Statuses after which nothing more happens. */
    static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");

    /** Whether this run sends the stream (the source of a migration, a save). */
    final boolean outgoing;
    /** Whether the migration was started with post-copy allowed. */
    final boolean postcopyAllowed;
    /** Source only: whether the guest ran when the migration began (set by begin, read by confirm). */
    volatile boolean sourceWasRunning;
    /** Source only: whether perform saw the switch to post-copy (confirm then waits for the end). */
    volatile boolean enteredPostcopy;
    private String status = "none";
    private boolean started;
    private boolean postcopyRequested;

    MigrationJob(boolean outgoing, boolean postcopyAllowed) {
        this.outgoing = outgoing;
        this.postcopyAllowed = postcopyAllowed;
    }

    /** Records a status (from an event or {@code query-migrate}). */
    synchronized void update(String s) {
        if (s != null && !FINAL.contains(status)) {
            status = s;
            notifyAll();
        }
    }

    synchronized String status() {
        return status;
    }

    /** The {@code migrate} command was accepted. */
    synchronized void markStarted() {
        started = true;
        notifyAll();
    }

    /** Whether the {@code migrate} command was accepted. */
    synchronized boolean isStarted() {
        return started;
    }

    /** Records a post-copy request; false if it was already requested. */
    synchronized boolean requestPostcopy() {
        boolean first = !postcopyRequested;
        postcopyRequested = true;
        return first;
    }

    synchronized boolean postcopyRequested() {
        return postcopyRequested;
    }

    /** Waits until the stream has started; false on timeout. */
    synchronized boolean awaitStarted(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!started) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /**
     * Waits until the status is one of {@code wanted} or final, at most {@code timeout}.
     *
     * @return the status then (maybe none of them on timeout)
     */
    synchronized String await(Set<String> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!wanted.contains(status) && !FINAL.contains(status)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return status;
    }
}
