package org.jvirt.api;

/**
 * Parameters of {@link Domain#migrate}: the typed subset of libvirt's {@code VIR_MIGRATE_PARAM_*}.
 * Immutable; {@link #DEFAULT} has nothing set. Build with {@link #builder()}.
 *
 * @param migrateUri where the migration data flows ({@code VIR_MIGRATE_PARAM_URI}), e.g.
 *        {@code tcp://127.0.0.1:49152} or {@code tcp:127.0.0.1}; {@code null} lets the destination choose
 * @param destName a new name at the destination ({@code VIR_MIGRATE_PARAM_DEST_NAME}), or {@code null}
 * @param destXml the domain XML to use at the destination ({@code VIR_MIGRATE_PARAM_DEST_XML}); it
 *        must describe the same guest (same UUID), e.g. with other paths; or {@code null}
 * @param persistXml the persistent XML to define at the destination with
 *        {@link MigrateFlag#PERSIST_DEST} ({@code VIR_MIGRATE_PARAM_PERSIST_XML}), or {@code null}
 * @param bandwidthMiBs the bandwidth limit in MiB/s ({@code VIR_MIGRATE_PARAM_BANDWIDTH}); 0 means
 *        the driver's default (unlimited for QEMU)
 * @param postcopyBandwidthMiBs the bandwidth limit after the switch to post-copy in MiB/s
 *        ({@code VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY}); 0 means unlimited
 * @param listenAddress the address the destination listens on ({@code VIR_MIGRATE_PARAM_LISTEN_ADDRESS}),
 *        or {@code null}
 * @param parallelConnections connections with {@link MigrateFlag#PARALLEL}
 *        ({@code VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS}); 0 means the default
 */
public record MigrateParams(String migrateUri, String destName, String destXml, String persistXml, long bandwidthMiBs,
                            long postcopyBandwidthMiBs, String listenAddress, int parallelConnections) {

    /** No parameters. */
    public static final MigrateParams DEFAULT = new MigrateParams(null, null, null, null, 0, 0, null, 0);

    /** Checks the values. */
    public MigrateParams {
        if (bandwidthMiBs < 0 || postcopyBandwidthMiBs < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative");
        }
        if (parallelConnections < 0) {
            throw new IllegalArgumentException("parallel connections must not be negative");
        }
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.migrateUri = migrateUri;
        b.destName = destName;
        b.destXml = destXml;
        b.persistXml = persistXml;
        b.bandwidthMiBs = bandwidthMiBs;
        b.postcopyBandwidthMiBs = postcopyBandwidthMiBs;
        b.listenAddress = listenAddress;
        b.parallelConnections = parallelConnections;
        return b;
    }

    /** Builds {@link MigrateParams}. Not thread-safe. */
    public static final class Builder {
        private String migrateUri;
        private String destName;
        private String destXml;
        private String persistXml;
        private long bandwidthMiBs;
        private long postcopyBandwidthMiBs;
        private String listenAddress;
        private int parallelConnections;

        private Builder() {
        }

        /** See {@link MigrateParams#migrateUri()}. */
        public Builder migrateUri(String v) {
            migrateUri = v;
            return this;
        }

        /** See {@link MigrateParams#destName()}. */
        public Builder destName(String v) {
            destName = v;
            return this;
        }

        /** See {@link MigrateParams#destXml()}. */
        public Builder destXml(String v) {
            destXml = v;
            return this;
        }

        /** See {@link MigrateParams#persistXml()}. */
        public Builder persistXml(String v) {
            persistXml = v;
            return this;
        }

        /** See {@link MigrateParams#bandwidthMiBs()}. */
        public Builder bandwidthMiBs(long v) {
            bandwidthMiBs = v;
            return this;
        }

        /** See {@link MigrateParams#postcopyBandwidthMiBs()}. */
        public Builder postcopyBandwidthMiBs(long v) {
            postcopyBandwidthMiBs = v;
            return this;
        }

        /** See {@link MigrateParams#listenAddress()}. */
        public Builder listenAddress(String v) {
            listenAddress = v;
            return this;
        }

        /** See {@link MigrateParams#parallelConnections()}. */
        public Builder parallelConnections(int v) {
            parallelConnections = v;
            return this;
        }

        /** The parameters. */
        public MigrateParams build() {
            return new MigrateParams(migrateUri, destName, destXml, persistXml, bandwidthMiBs, postcopyBandwidthMiBs,
                    listenAddress, parallelConnections);
        }
    }
}
