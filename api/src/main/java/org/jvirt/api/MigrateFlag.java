package org.jvirt.api;

/** Flags of {@link Domain#migrate}: libvirt's {@code virDomainMigrateFlags}, with its bit values. */
public enum MigrateFlag implements VirtFlag {
    /** Migrate while the guest runs (otherwise it is paused during the copy). */
    LIVE(1),
    /** The source talks to the destination directly (peer to peer). */
    PEER2PEER(2),
    /** The migration data goes through the management connection. */
    TUNNELLED(4),
    /** Define the domain persistently at the destination. */
    PERSIST_DEST(8),
    /** Remove the source's persistent definition after success. */
    UNDEFINE_SOURCE(16),
    /** Leave the guest paused at the destination. */
    PAUSED(32),
    /** Copy non-shared disks entirely. */
    NON_SHARED_DISK(64),
    /** Copy non-shared disks incrementally (shared backing files). */
    NON_SHARED_INC(128),
    /** Protect the domain from configuration changes during migration. */
    CHANGE_PROTECTION(256),
    /** Migrate even if libvirt considers it unsafe. */
    UNSAFE(512),
    /** Migrate the definition only (the domain is not running). */
    OFFLINE(1024),
    /** Compress the migration data. */
    COMPRESSED(2048),
    /** Cancel on a soft error (e.g. an I/O error). */
    ABORT_ON_ERROR(4096),
    /** Slow the guest down when migration does not converge. */
    AUTO_CONVERGE(8192),
    /** RDMA: pin all guest memory. */
    RDMA_PIN_ALL(16384),
    /** Allow switching to post-copy ({@link Domain#migrateStartPostCopy()}). */
    POSTCOPY(32768),
    /** Encrypt the migration stream with TLS. */
    TLS(65536),
    /** Use several connections (QEMU multifd). */
    PARALLEL(131072),
    /** Synchronous writes to the destination's disks during storage migration. */
    NON_SHARED_SYNCHRONOUS_WRITES(262144),
    /** Resume a failed post-copy migration. */
    POSTCOPY_RESUME(524288),
    /** Zero-copy send of guest memory. */
    ZEROCOPY(1048576);

    private final int bits;

    MigrateFlag(int bits) {
        this.bits = bits;
    }

    @Override
    public int bits() {
        return bits;
    }
}
