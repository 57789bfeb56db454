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

    static void register(Dispatcher d) {
        d.registerMutating(DOMAIN_MIGRATE_BEGIN3_PARAMS, "virDomainMigrateBegin3Params", (c, a) -> {
            MigrationV3.Begun b = phases(c).begin(domain(c, a), params(a), flags(a));
            return new Object[] {b.cookie(), b.xml()};
        });
        d.registerMutating(DOMAIN_MIGRATE_PREPARE3_PARAMS, "virDomainMigratePrepare3Params", (c, a) -> {
            MigrationV3.Prepared p = phases(c).prepare(params(a), a.bytes("cookie_in"), flags(a));
            return new Object[] {p.cookie(), p.uri()};
        });
        d.registerMutating(DOMAIN_MIGRATE_PERFORM3_PARAMS, "virDomainMigratePerform3Params", (c, a) -> {
            byte[] out = phases(c).perform(domain(c, a), a.str("dconnuri"), params(a), a.bytes("cookie_in"),
                    flags(a));
            return new Object[] {out == null ? new byte[0] : out};
        });
        d.registerMutating(DOMAIN_MIGRATE_FINISH3_PARAMS, "virDomainMigrateFinish3Params", (c, a) -> {
            boolean cancelled = a.i32("cancelled") != 0;
            MigrationV3.Finished f = phases(c).finish(params(a), a.bytes("cookie_in"), flags(a), cancelled);
            if (f.domain() == null) {
                // as libvirtd: finish returns no domain after a cancelled migration, which is an error reply
                throw VirtException.of(ErrorCode.OPERATION_ABORTED, ErrorDomain.DOMAIN,
                        "migration was cancelled; the incoming domain is gone");
            }
            return new Object[] {Handlers.dom(f.domain()), f.cookie() == null ? new byte[0] : f.cookie()};
        });
        d.registerMutating(DOMAIN_MIGRATE_CONFIRM3_PARAMS, "virDomainMigrateConfirm3Params", (c, a) -> {
            phases(c).confirm(domain(c, a), params(a), a.bytes("cookie_in"), flags(a), a.i32("cancelled") != 0);
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

    private static MigrationV3 phases(Client c) {
        return Handlers.hv(c).unwrap(MigrationV3.class);
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
