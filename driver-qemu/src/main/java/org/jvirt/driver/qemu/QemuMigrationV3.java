package org.jvirt.driver.qemu;

import java.util.Map;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;
import org.jvirt.spi.MigrationV3;

/**
 * The QEMU driver's migration phases for a peer in another process or host (what jvirtd serves for
 * {@code DOMAIN_MIGRATE_*3_PARAMS}): the destination's prepare and finish, and the source's perform
 * in its peer-to-peer form, which runs {@link QemuMigration#migrate} with the destination reached by
 * URI. The managed form (the client driving begin/perform/confirm on the source itself) is not
 * offered yet: begin and confirm answer NO_SUPPORT, perform without a destination URI is refused.
 */
final class QemuMigrationV3 implements MigrationV3 {
    private final QemuConnect conn;

    QemuMigrationV3(QemuConnect conn) {
        this.conn = conn;
    }

    @Override
    public Prepared prepare(MigrateParams params, byte[] cookie, Set<MigrateFlag> flags) {
        conn.checkWritable();
        MigrationCookie offer = MigrationCookie.decode(cookie);
        MigrateParams p = params == null ? MigrateParams.DEFAULT : params;
        QemuMigration.Prepared r = QemuMigration.prepareDestination(conn.host(), p.destXml(), offer.uuid(),
                offer.capabilities().keySet(), flags, p);
        return new Prepared(new MigrationCookie(offer.uuid(), r.capabilities()).encode(), r.uri());
    }

    @Override
    public byte[] perform(Domain domain, String dconnuri, MigrateParams params, byte[] cookie,
                          Set<MigrateFlag> flags) {
        if (dconnuri == null || !flags.contains(MigrateFlag.PEER2PEER)) {
            throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "only peer-to-peer migration (VIR_MIGRATE_PEER2PEER with a destination URI) is supported");
        }
        domain.migrateToURI(dconnuri, flags, params);
        return new byte[0];
    }

    @Override
    public Finished finish(MigrateParams params, byte[] cookie, Set<MigrateFlag> flags, boolean cancelled) {
        conn.checkWritable();
        MigrationCookie c = MigrationCookie.decode(cookie);
        DomainObj obj = conn.host().byUuid(c.uuid()).orElse(null);
        if (obj == null) {
            if (cancelled) {
                return new Finished(null, new byte[0]);
            }
            throw VirtException.of(ErrorCode.NO_DOMAIN, ErrorDomain.QEMU, "no domain with matching uuid '"
                    + c.uuid() + "'");
        }
        DomainObj d = QemuMigration.finishDestination(conn.host(), obj, flags,
                params == null ? MigrateParams.DEFAULT : params, cancelled);
        return new Finished(d == null ? null : conn.handle(d), new MigrationCookie(c.uuid(), Map.of()).encode());
    }
}
