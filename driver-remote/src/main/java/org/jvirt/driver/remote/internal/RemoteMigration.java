package org.jvirt.driver.remote.internal;

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
import org.jvirt.spi.MigrationV3;

/**
 * Migration over libvirt's protocol, as libvirt's remote driver and {@code virDomainMigrate*}: the
 * five v3 phases with typed parameters forwarded to the daemon ({@link MigrationV3}, what a source
 * driver inside jvirtd calls on its destination), and the client's entry points: peer to peer
 * ({@code PERFORM3_PARAMS} with the destination URI to the source's daemon, which does the rest),
 * managed (the client drives the phases on both daemons), and the switch to post-copy.
 */
final class RemoteMigration implements MigrationV3 {
    private static final byte[] NO_COOKIE = new byte[0];
    private final RemoteConnect conn;

    RemoteMigration(RemoteConnect conn) {
        this.conn = conn;
    }

    private static byte[] cookie(byte[] c) {
        return c == null ? NO_COOKIE : c;
    }

    private RemoteDomain own(Domain d) {
        if (d instanceof RemoteDomain r && r.conn == conn) {
            return r;
        }
        throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE, "domain " + d.getName()
                + " does not belong to this connection");
    }

    @Override
    public Begun begin(Domain domain, MigrateParams params, Set<MigrateFlag> flags) {
        Struct r = conn.call(RemoteProgram.DOMAIN_MIGRATE_BEGIN3_PARAMS, conn.ref(own(domain)),
                MigrationParams.encode(params), VirtFlag.toBits(flags));
        return new Begun(r.bytes("cookie_out"), r.str("xml"));
    }

    @Override
    public Prepared prepare(MigrateParams params, byte[] cookie, Set<MigrateFlag> flags) {
        Struct r = conn.call(RemoteProgram.DOMAIN_MIGRATE_PREPARE3_PARAMS, MigrationParams.encode(params),
                cookie(cookie), VirtFlag.toBits(flags));
        return new Prepared(r.bytes("cookie_out"), r.str("uri_out"));
    }

    @Override
    public byte[] perform(Domain domain, String dconnuri, MigrateParams params, byte[] cookie,
                          Set<MigrateFlag> flags) {
        return conn.call(RemoteProgram.DOMAIN_MIGRATE_PERFORM3_PARAMS, conn.ref(own(domain)), dconnuri,
                MigrationParams.encode(params), cookie(cookie), VirtFlag.toBits(flags)).bytes("cookie_out");
    }

    @Override
    public Finished finish(MigrateParams params, byte[] cookie, Set<MigrateFlag> flags, boolean cancelled) {
        Struct r;
        try {
            r = conn.call(RemoteProgram.DOMAIN_MIGRATE_FINISH3_PARAMS, MigrationParams.encode(params),
                    cookie(cookie), VirtFlag.toBits(flags), cancelled ? 1 : 0);
        } catch (VirtException e) {
            if (cancelled) {
                // a cancelled finish has no domain to return: the daemon answers with an error, as libvirtd
                return new Finished(null, NO_COOKIE);
            }
            throw e;
        }
        return new Finished(cancelled ? null : conn.domain(r.struct("dom")), r.bytes("cookie_out"));
    }

    @Override
    public void confirm(Domain domain, MigrateParams params, byte[] cookie, Set<MigrateFlag> flags,
                        boolean cancelled) {
        conn.call(RemoteProgram.DOMAIN_MIGRATE_CONFIRM3_PARAMS, conn.ref(own(domain)), MigrationParams.encode(params),
                cookie(cookie), VirtFlag.toBits(flags), cancelled ? 1 : 0);
    }

    // ---- the client's entry points (RemoteDomain) ----

    /** virDomainMigrateToURI3: only peer to peer, where the source's daemon opens {@code destUri} itself. */
    static void migrateToURI(RemoteDomain d, String destUri, Set<MigrateFlag> flags, MigrateParams params) {
        if (!flags.contains(MigrateFlag.PEER2PEER)) {
            // libvirt's "direct" migration (no destination daemon) exists only for hypervisors QEMU is not
            throw VirtException.of(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.REMOTE,
                    "migration to a connection URI needs VIR_MIGRATE_PEER2PEER");
        }
        if (destUri == null) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.REMOTE, "no destination URI");
        }
        new RemoteMigration(d.conn).perform(d, destUri, params, null, flags);
    }

    /**
     * virDomainMigrate3: with {@link MigrateFlag#PEER2PEER} the source's daemon migrates to the
     * destination connection's URI; otherwise the client drives begin (source), prepare
     * (destination), perform (source), finish (destination) and confirm (source).
     */
    static Domain migrate(RemoteDomain d, Connect dest, Set<MigrateFlag> flags, MigrateParams params) {
        MigrateParams p = params == null ? MigrateParams.DEFAULT : params;
        if (flags.contains(MigrateFlag.PEER2PEER)) {
            migrateToURI(d, dest.getURI(), flags, p);
            return dest.lookupDomainByUUID(d.getUUID());
        }
        MigrationV3 src = new RemoteMigration(d.conn);
        MigrationV3 dst = dest.unwrap(MigrationV3.class);
        Begun begun = src.begin(d, p, flags);
        MigrateParams withXml = p.destXml() != null ? p : p.toBuilder().destXml(begun.xml()).build();
        Prepared prepared;
        try {
            prepared = dst.prepare(withXml, begun.cookie(), flags);
        } catch (VirtException e) {
            src.confirm(d, withXml, begun.cookie(), flags, true);
            throw e;
        }
        MigrateParams toUri = prepared.uri() == null ? withXml : withXml.toBuilder().migrateUri(prepared.uri()).build();
        byte[] performed;
        try {
            performed = src.perform(d, null, toUri, prepared.cookie(), flags);
        } catch (VirtException e) {
            dst.finish(toUri, prepared.cookie(), flags, true);
            src.confirm(d, toUri, prepared.cookie(), flags, true);
            throw e;
        }
        Finished finished;
        try {
            finished = dst.finish(toUri, performed, flags, false);
        } catch (VirtException e) {
            src.confirm(d, toUri, performed, flags, true);
            throw e;
        }
        src.confirm(d, toUri, finished.cookie(), flags, false);
        return finished.domain();
    }

    /** virDomainMigrateStartPostCopy. */
    static void startPostCopy(RemoteDomain d) {
        d.conn.call(RemoteProgram.DOMAIN_MIGRATE_START_POST_COPY, d.conn.ref(d), 0);
    }
}
