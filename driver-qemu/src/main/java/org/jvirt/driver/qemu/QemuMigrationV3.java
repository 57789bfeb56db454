package org.jvirt.driver.qemu;

import java.util.LinkedHashMap;
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
 * {@code DOMAIN_MIGRATE_*3_PARAMS}): the destination's prepare and finish; the source's begin,
 * perform and confirm of a managed migration (the client drives the phases; between them the
 * outgoing {@link MigrationJob} marks the guest busy, since each phase may come on another thread);
 * and perform in its peer-to-peer form, which runs {@link QemuMigration#migrate} with the destination
 * reached by URI.
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
        QemuHost host = conn.host();
        conn.pendingMigrations.put(offer.uuid(),
                () -> QemuMigration.finishDestination(host, r.obj(), flags, p, true));
        return new Prepared(new MigrationCookie(offer.uuid(), r.capabilities()).encode(), r.uri());
    }

    @Override
    public Begun begin(Domain domain, MigrateParams params, Set<MigrateFlag> flags) {
        conn.checkWritable();
        DomainObj sobj = source(domain);
        sobj.beginJob();
        try {
            QemuMigration.Begun b = QemuMigration.beginSource(conn.host(), sobj,
                    flags, params == null ? MigrateParams.DEFAULT : params);
            Map<String, Boolean> offer = new LinkedHashMap<>();
            b.offer().forEach(c -> offer.put(c, true));
            QemuHost host = conn.host();
            conn.pendingMigrations.put(sobj.uuid, () -> {
                sobj.beginJob();
                try {
                    QemuMigration.confirmSource(host, sobj, b.job(), flags, true);
                } finally {
                    sobj.endJob();
                }
            });
            return new Begun(new MigrationCookie(sobj.uuid, offer).encode(), b.xml());
        } finally {
            sobj.endJob();
        }
    }

    @Override
    public byte[] perform(Domain domain, String dconnuri, MigrateParams params, byte[] cookie,
                          Set<MigrateFlag> flags) {
        conn.checkWritable();
        MigrateParams p = params == null ? MigrateParams.DEFAULT : params;
        if (dconnuri != null) {
            // peer to peer: this driver opens the destination and runs every phase itself
            domain.migrateToURI(dconnuri, flags, p);
            return new byte[0];
        }
        // managed: the client ran begin here and prepare at the destination
        DomainObj sobj = source(domain);
        MigrationCookie chosen = MigrationCookie.decode(cookie);
        if (p.migrateUri() == null) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "no migration URI from the destination's prepare (VIR_MIGRATE_PARAM_URI)");
        }
        String uri = p.migrateUri().startsWith("tcp://") ? "tcp:" + p.migrateUri().substring(6) : p.migrateUri();
        sobj.beginJob();
        try {
            QemuMigration.performSource(conn.host(), sobj, outgoing(sobj), new QemuMigration.Incoming(uri,
                    chosen.capabilities()), flags, p);
            return new MigrationCookie(sobj.uuid, chosen.capabilities()).encode();
        } finally {
            sobj.endJob();
        }
    }

    @Override
    public void confirm(Domain domain, MigrateParams params, byte[] cookie, Set<MigrateFlag> flags,
                        boolean cancelled) {
        conn.checkWritable();
        DomainObj sobj = source(domain);
        conn.pendingMigrations.remove(sobj.uuid);
        sobj.beginJob();
        try {
            MigrationJob job;
            synchronized (sobj) {
                job = sobj.migration;
            }
            if (job == null || !job.outgoing) {
                if (cancelled) {
                    return;
                }
                throw notMigrating(sobj);
            }
            QemuMigration.confirmSource(conn.host(), sobj, job, flags, cancelled);
        } finally {
            sobj.endJob();
        }
    }

    private DomainObj source(Domain domain) {
        return conn.host().require(domain.getUUID(), domain.getName());
    }

    private static MigrationJob outgoing(DomainObj sobj) {
        synchronized (sobj) {
            if (sobj.migration == null || !sobj.migration.outgoing) {
                throw notMigrating(sobj);
            }
            return sobj.migration;
        }
    }

    private static VirtException notMigrating(DomainObj sobj) {
        return VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain '" + sobj.name
                + "' has no migration begun here (virDomainMigrateBegin3Params first)");
    }

    @Override
    public Finished finish(MigrateParams params, byte[] cookie, Set<MigrateFlag> flags, boolean cancelled) {
        conn.checkWritable();
        MigrationCookie c = MigrationCookie.decode(cookie);
        conn.pendingMigrations.remove(c.uuid());
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
