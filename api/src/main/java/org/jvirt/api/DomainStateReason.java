package org.jvirt.api;

/**
 * Why a domain is in its state: libvirt's per-state reason enums ({@code virDomainRunningReason},
 * {@code virDomainPausedReason}, ...) flattened into one enum. Each constant knows its state
 * and libvirt's number within that state.
 */
public enum DomainStateReason {
    /** libvirt VIR_DOMAIN_NOSTATE_UNKNOWN. */
    NOSTATE_UNKNOWN(DomainState.NOSTATE, 0),
    /** libvirt VIR_DOMAIN_RUNNING_UNKNOWN. */
    RUNNING_UNKNOWN(DomainState.RUNNING, 0),
    /** libvirt VIR_DOMAIN_RUNNING_BOOTED. */
    RUNNING_BOOTED(DomainState.RUNNING, 1),
    /** libvirt VIR_DOMAIN_RUNNING_MIGRATED. */
    RUNNING_MIGRATED(DomainState.RUNNING, 2),
    /** libvirt VIR_DOMAIN_RUNNING_RESTORED. */
    RUNNING_RESTORED(DomainState.RUNNING, 3),
    /** libvirt VIR_DOMAIN_RUNNING_FROM_SNAPSHOT. */
    RUNNING_FROM_SNAPSHOT(DomainState.RUNNING, 4),
    /** libvirt VIR_DOMAIN_RUNNING_UNPAUSED. */
    RUNNING_UNPAUSED(DomainState.RUNNING, 5),
    /** libvirt VIR_DOMAIN_RUNNING_MIGRATION_CANCELED. */
    RUNNING_MIGRATION_CANCELED(DomainState.RUNNING, 6),
    /** libvirt VIR_DOMAIN_RUNNING_SAVE_CANCELED. */
    RUNNING_SAVE_CANCELED(DomainState.RUNNING, 7),
    /** libvirt VIR_DOMAIN_RUNNING_WAKEUP. */
    RUNNING_WAKEUP(DomainState.RUNNING, 8),
    /** libvirt VIR_DOMAIN_RUNNING_CRASHED. */
    RUNNING_CRASHED(DomainState.RUNNING, 9),
    /** libvirt VIR_DOMAIN_RUNNING_POSTCOPY. */
    RUNNING_POSTCOPY(DomainState.RUNNING, 10),
    /** libvirt VIR_DOMAIN_RUNNING_POSTCOPY_FAILED. */
    RUNNING_POSTCOPY_FAILED(DomainState.RUNNING, 11),
    /** libvirt VIR_DOMAIN_BLOCKED_UNKNOWN. */
    BLOCKED_UNKNOWN(DomainState.BLOCKED, 0),
    /** libvirt VIR_DOMAIN_PAUSED_UNKNOWN. */
    PAUSED_UNKNOWN(DomainState.PAUSED, 0),
    /** libvirt VIR_DOMAIN_PAUSED_USER. */
    PAUSED_USER(DomainState.PAUSED, 1),
    /** libvirt VIR_DOMAIN_PAUSED_MIGRATION. */
    PAUSED_MIGRATION(DomainState.PAUSED, 2),
    /** libvirt VIR_DOMAIN_PAUSED_SAVE. */
    PAUSED_SAVE(DomainState.PAUSED, 3),
    /** libvirt VIR_DOMAIN_PAUSED_DUMP. */
    PAUSED_DUMP(DomainState.PAUSED, 4),
    /** libvirt VIR_DOMAIN_PAUSED_IOERROR. */
    PAUSED_IOERROR(DomainState.PAUSED, 5),
    /** libvirt VIR_DOMAIN_PAUSED_WATCHDOG. */
    PAUSED_WATCHDOG(DomainState.PAUSED, 6),
    /** libvirt VIR_DOMAIN_PAUSED_FROM_SNAPSHOT. */
    PAUSED_FROM_SNAPSHOT(DomainState.PAUSED, 7),
    /** libvirt VIR_DOMAIN_PAUSED_SHUTTING_DOWN. */
    PAUSED_SHUTTING_DOWN(DomainState.PAUSED, 8),
    /** libvirt VIR_DOMAIN_PAUSED_SNAPSHOT. */
    PAUSED_SNAPSHOT(DomainState.PAUSED, 9),
    /** libvirt VIR_DOMAIN_PAUSED_CRASHED. */
    PAUSED_CRASHED(DomainState.PAUSED, 10),
    /** libvirt VIR_DOMAIN_PAUSED_STARTING_UP. */
    PAUSED_STARTING_UP(DomainState.PAUSED, 11),
    /** libvirt VIR_DOMAIN_PAUSED_POSTCOPY. */
    PAUSED_POSTCOPY(DomainState.PAUSED, 12),
    /** libvirt VIR_DOMAIN_PAUSED_POSTCOPY_FAILED. */
    PAUSED_POSTCOPY_FAILED(DomainState.PAUSED, 13),
    /** libvirt VIR_DOMAIN_SHUTDOWN_UNKNOWN. */
    SHUTDOWN_UNKNOWN(DomainState.SHUTDOWN, 0),
    /** libvirt VIR_DOMAIN_SHUTDOWN_USER. */
    SHUTDOWN_USER(DomainState.SHUTDOWN, 1),
    /** libvirt VIR_DOMAIN_SHUTOFF_UNKNOWN. */
    SHUTOFF_UNKNOWN(DomainState.SHUTOFF, 0),
    /** libvirt VIR_DOMAIN_SHUTOFF_SHUTDOWN. */
    SHUTOFF_SHUTDOWN(DomainState.SHUTOFF, 1),
    /** libvirt VIR_DOMAIN_SHUTOFF_DESTROYED. */
    SHUTOFF_DESTROYED(DomainState.SHUTOFF, 2),
    /** libvirt VIR_DOMAIN_SHUTOFF_CRASHED. */
    SHUTOFF_CRASHED(DomainState.SHUTOFF, 3),
    /** libvirt VIR_DOMAIN_SHUTOFF_MIGRATED. */
    SHUTOFF_MIGRATED(DomainState.SHUTOFF, 4),
    /** libvirt VIR_DOMAIN_SHUTOFF_SAVED. */
    SHUTOFF_SAVED(DomainState.SHUTOFF, 5),
    /** libvirt VIR_DOMAIN_SHUTOFF_FAILED. */
    SHUTOFF_FAILED(DomainState.SHUTOFF, 6),
    /** libvirt VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT. */
    SHUTOFF_FROM_SNAPSHOT(DomainState.SHUTOFF, 7),
    /** libvirt VIR_DOMAIN_SHUTOFF_DAEMON. */
    SHUTOFF_DAEMON(DomainState.SHUTOFF, 8),
    /** libvirt VIR_DOMAIN_CRASHED_UNKNOWN. */
    CRASHED_UNKNOWN(DomainState.CRASHED, 0),
    /** libvirt VIR_DOMAIN_CRASHED_PANICKED. */
    CRASHED_PANICKED(DomainState.CRASHED, 1),
    /** libvirt VIR_DOMAIN_PMSUSPENDED_UNKNOWN. */
    PMSUSPENDED_UNKNOWN(DomainState.PMSUSPENDED, 0);

    private final DomainState state;
    private final int number;

    DomainStateReason(DomainState state, int number) {
        this.state = state;
        this.number = number;
    }

    /** The state this reason belongs to. */
    public DomainState state() {
        return state;
    }

    /** libvirt's number of this reason within its state. */
    public int number() {
        return number;
    }

    /**
     * Looks a reason up by state and libvirt's number.
     *
     * @param state the state
     * @param number libvirt's reason number within {@code state}
     * @return the reason, or the state's {@code UNKNOWN} reason for an unknown number
     */
    public static DomainStateReason of(DomainState state, int number) {
        DomainStateReason unknown = null;
        for (DomainStateReason r : values()) {
            if (r.state == state) {
                if (r.number == number) {
                    return r;
                }
                if (r.number == 0) {
                    unknown = r;
                }
            }
        }
        return unknown;
    }
}
