package org.jvirt.daemon;

import static org.jvirt.rpc.RemoteProgram.DOMAIN_MIGRATE_BEGIN3_PARAMS;
import static org.jvirt.rpc.RemoteProgram.DOMAIN_MIGRATE_CONFIRM3_PARAMS;
import static org.jvirt.rpc.RemoteProgram.DOMAIN_MIGRATE_FINISH3_PARAMS;
import static org.jvirt.rpc.RemoteProgram.DOMAIN_MIGRATE_PERFORM3_PARAMS;
import static org.jvirt.rpc.RemoteProgram.DOMAIN_MIGRATE_PREPARE3_PARAMS;
import static org.jvirt.rpc.RemoteProgram.DOMAIN_MIGRATE_START_POST_COPY;

import java.util.List;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;
import org.jvirt.api.VirtFlag;
import org.jvirt.rpc.MigrationParams;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;
import org.jvirt.rpc.TypedParam;
import org.jvirt.spi.MigrationV3;

/**
 * The migration procedures (v3 with typed parameters, and the switch to post-copy), each mapped onto
 * the hypervisor connection's {@link MigrationV3} phases or the domain's {@code migrateStartPostCopy}.
 * Peer to peer, {@code PERFORM3_PARAMS} carries the destination's URI and the source's driver opens
 * it from inside jvirtd through the remote driver (the only remote connections jvirtd ever opens:
 * a client's own {@code CONNECT_OPEN} of a remote URI is still refused). Every procedure changes
 * state, so the read-only socket refuses them as libvirtd does ({@code domain:migrate}).
 */
final class MigrationHandlers {
    private MigrationHandlers() {
    }

    private static final Object[] VOID = null;

    /** A handler given the connection's migration phases. */
    private interface PhaseHandler {
        Object[] call(MigrationV3 phases, Client c, Struct a);
    }

    /** Registers a mutating phase procedure under libvirt's API name (for read-only refusals and NO_SUPPORT). */
    private static void phase(Dispatcher d, org.jvirt.rpc.Procedure p, String api, PhaseHandler h) {
        d.registerMutating(p, api, (c, a) -> h.call(phases(c, api), c, a));
    }

    static void register(Dispatcher d) {
        phase(d, DOMAIN_MIGRATE_BEGIN3_PARAMS, "virDomainMigrateBegin3Params", (m, c, a) -> {
            MigrationV3.Begun b = m.begin(domain(c, a), params(a), flags(a));
            return new Object[] {b.cookie(), b.xml()};
        });
        phase(d, DOMAIN_MIGRATE_PREPARE3_PARAMS, "virDomainMigratePrepare3Params", (m, c, a) -> {
            MigrationV3.Prepared p = m.prepare(params(a), a.bytes("cookie_in"), flags(a));
            return new Object[] {p.cookie(), p.uri()};
        });
        phase(d, DOMAIN_MIGRATE_PERFORM3_PARAMS, "virDomainMigratePerform3Params", (m, c, a) -> {
            byte[] out = m.perform(domain(c, a), a.str("dconnuri"), params(a), a.bytes("cookie_in"), flags(a));
            return new Object[] {out == null ? new byte[0] : out};
        });
        phase(d, DOMAIN_MIGRATE_FINISH3_PARAMS, "virDomainMigrateFinish3Params", (m, c, a) -> {
            MigrationV3.Finished f = m.finish(params(a), a.bytes("cookie_in"), flags(a), a.i32("cancelled") != 0);
            if (f.domain() == null) {
                // as libvirtd: finish returns no domain after a cancelled migration, which is an error reply
                throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.DOMAIN,
                        "migration was cancelled; the incoming domain is gone");
            }
            return new Object[] {Handlers.dom(f.domain()), f.cookie() == null ? new byte[0] : f.cookie()};
        });
        phase(d, DOMAIN_MIGRATE_CONFIRM3_PARAMS, "virDomainMigrateConfirm3Params", (m, c, a) -> {
            m.confirm(domain(c, a), params(a), a.bytes("cookie_in"), flags(a), a.i32("cancelled") != 0);
            return VOID;
        });
        d.registerMutating(DOMAIN_MIGRATE_START_POST_COPY, "virDomainMigrateStartPostCopy", (c, a) -> {
            domain(c, a).migrateStartPostCopy();
            return VOID;
        });
    }

    /**
     * The answer to a migration feature of {@code CONNECT_SUPPORTS_FEATURE}, as libvirtd passes them to
     * the driver: 1 when the connection's driver has the v3 phases.
     *
     * @return 0 or 1, or -1 when {@code feature} is not a migration feature
     */
    static int feature(Connect hv, int feature) {
        return switch (feature) {
            case RemoteProgram.Feature.MIGRATION_P2P, RemoteProgram.Feature.MIGRATION_V3,
                    RemoteProgram.Feature.MIGRATION_PARAMS, RemoteProgram.Feature.MIGRATE_CHANGE_PROTECTION ->
                    hasPhases(hv) ? 1 : 0;
            default -> -1;
        };
    }

    private static boolean hasPhases(Connect hv) {
        try {
            hv.unwrap(MigrationV3.class);
            return true;
        } catch (VirtException e) {
            return false;
        }
    }

    /** The driver's phases; a driver without them answers as libvirt's does, naming the API. */
    private static MigrationV3 phases(Client c, String api) {
        try {
            return Handlers.hv(c).unwrap(MigrationV3.class);
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw e;
            }
            throw VirtException.of(ErrorCode.NO_SUPPORT, ErrorDomain.NONE, api);
        }
    }

    private static Domain domain(Client c, Struct a) {
        return Handlers.domainOf(Handlers.hv(c), a.struct("dom"));
    }

    private static MigrateParams params(Struct a) {
        List<TypedParam> l = a.list("params");
        return MigrationParams.decode(l);
    }

    private static Set<MigrateFlag> flags(Struct a) {
        return VirtFlag.fromBits(MigrateFlag.class, a.i32("flags"));
    }
}
