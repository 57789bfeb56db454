package org.jvirt.rpc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;

/**
 * {@link MigrateParams} as libvirt's migration typed parameters ({@code VIR_MIGRATE_PARAM_*}) on the
 * wire, both ways: the one place the client (driver-remote) and jvirtd translate them. Names and
 * types are libvirt's; a parameter jvirt does not know, a wrong type or a repeated name is refused
 * as libvirt's {@code virTypedParamsValidate} refuses it.
 */
public final class MigrationParams {
    private MigrationParams() {
    }

    /** VIR_MIGRATE_PARAM_URI. */
    public static final String URI = "migrate_uri";
    /** VIR_MIGRATE_PARAM_DEST_NAME. */
    public static final String DEST_NAME = "destination_name";
    /** VIR_MIGRATE_PARAM_DEST_XML. */
    public static final String DEST_XML = "destination_xml";
    /** VIR_MIGRATE_PARAM_PERSIST_XML. */
    public static final String PERSIST_XML = "persistent_xml";
    /** VIR_MIGRATE_PARAM_BANDWIDTH, MiB/s. */
    public static final String BANDWIDTH = "bandwidth";
    /** VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY, MiB/s. */
    public static final String BANDWIDTH_POSTCOPY = "bandwidth.postcopy";
    /** VIR_MIGRATE_PARAM_LISTEN_ADDRESS. */
    public static final String LISTEN_ADDRESS = "listen_address";
    /** VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS. */
    public static final String PARALLEL_CONNECTIONS = "parallel.connections";

    /**
     * The typed parameters of {@code p}: only those set, in libvirt's names and types.
     *
     * @param p the parameters, {@code null} for none
     * @return the list for a {@code tparam<64>} field
     */
    public static List<TypedParam> encode(MigrateParams p) {
        List<TypedParam> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        str(out, URI, p.migrateUri());
        str(out, DEST_NAME, p.destName());
        str(out, DEST_XML, p.destXml());
        str(out, PERSIST_XML, p.persistXml());
        if (p.bandwidthMiBs() > 0) {
            out.add(new TypedParam(BANDWIDTH, TypedParam.Kind.ULLONG, p.bandwidthMiBs()));
        }
        if (p.postcopyBandwidthMiBs() > 0) {
            out.add(new TypedParam(BANDWIDTH_POSTCOPY, TypedParam.Kind.ULLONG, p.postcopyBandwidthMiBs()));
        }
        str(out, LISTEN_ADDRESS, p.listenAddress());
        if (p.parallelConnections() > 0) {
            out.add(new TypedParam(PARALLEL_CONNECTIONS, TypedParam.Kind.INT, p.parallelConnections()));
        }
        return out;
    }

    private static void str(List<TypedParam> out, String name, String v) {
        if (v != null) {
            out.add(new TypedParam(name, TypedParam.Kind.STRING, v));
        }
    }

    /**
     * The parameters a list of typed parameters carries.
     *
     * @param params the decoded {@code tparam<64>} field
     * @return the parameters
     * @throws VirtException {@link ErrorCode#INVALID_ARG} for an unknown name, a wrong type or a
     *         repeated name; {@link ErrorCode#INVALID_ARG} for a negative bandwidth
     */
    public static MigrateParams decode(List<TypedParam> params) {
        MigrateParams.Builder b = MigrateParams.builder();
        Set<String> seen = new HashSet<>();
        for (TypedParam t : params) {
            if (!seen.add(t.field())) {
                throw invalid("parameter '" + t.field() + "' occurs multiple times");
            }
            switch (t.field()) {
                case URI -> b.migrateUri(string(t));
                case DEST_NAME -> b.destName(string(t));
                case DEST_XML -> b.destXml(string(t));
                case PERSIST_XML -> b.persistXml(string(t));
                case LISTEN_ADDRESS -> b.listenAddress(string(t));
                case BANDWIDTH -> b.bandwidthMiBs(unsignedLong(t));
                case BANDWIDTH_POSTCOPY -> b.postcopyBandwidthMiBs(unsignedLong(t));
                case PARALLEL_CONNECTIONS -> {
                    expect(t, TypedParam.Kind.INT);
                    int n = (Integer) t.value();
                    if (n < 0) {
                        throw invalid("parameter '" + t.field() + "' must not be negative: " + n);
                    }
                    b.parallelConnections(n);
                }
                default -> throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                        "parameter '" + t.field() + "' not supported");
            }
        }
        return b.build();
    }

    private static String string(TypedParam t) {
        expect(t, TypedParam.Kind.STRING);
        return (String) t.value();
    }

    private static long unsignedLong(TypedParam t) {
        expect(t, TypedParam.Kind.ULLONG);
        long v = (Long) t.value();
        if (v < 0) {
            // an unsigned value above 2^63: far beyond any bandwidth; libvirt's own cap is lower
            throw invalid("parameter '" + t.field() + "' is too large: " + Long.toUnsignedString(v));
        }
        return v;
    }

    private static void expect(TypedParam t, TypedParam.Kind kind) {
        if (t.type() != kind) {
            throw invalid("invalid type '" + t.type().name().toLowerCase(java.util.Locale.ROOT) + "' for parameter '"
                    + t.field() + "', expected '" + kind.name().toLowerCase(java.util.Locale.ROOT) + "'");
        }
    }

    private static VirtException invalid(String detail) {
        return VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.NONE, detail);
    }
}
