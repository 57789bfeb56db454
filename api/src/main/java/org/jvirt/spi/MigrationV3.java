package org.jvirt.spi;

import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;

/**
 * The five phases of libvirt's migration protocol version 3 with parameters
 * ({@code domainMigrateBegin3Params}, {@code Prepare3Params}, {@code Perform3Params},
 * {@code Finish3Params}, {@code Confirm3Params} of libvirt's driver table): what one driver calls on
 * another when a migration crosses a process or host boundary. A connection offers it through
 * {@code Connect.unwrap(MigrationV3.class)}; the remote driver forwards each phase over the wire and
 * jvirtd serves each phase from its local driver. Applications use {@link Domain#migrate} and
 * {@link Domain#migrateToURI}, never these phases.
 *
 * <p>The order (the source runs begin, perform, confirm; the destination prepare and finish):
 * begin → prepare (with begin's XML as {@link MigrateParams#destXml()}) → perform (to the URI
 * prepare returned) → finish (cancelled when perform failed) → confirm (cancelled when finish
 * failed). Cookies are opaque to everyone but the driver that wrote them: they carry what one side
 * must tell the other (e.g. which migration capabilities to use). With
 * {@link MigrateFlag#PEER2PEER}, perform alone is called on the source with the destination's
 * connection URI, and the source driver runs the other phases itself.
 *
 * <p>Every phase defaults to {@link ErrorCode#NO_SUPPORT}, so a driver offers only what it has.
 */
public interface MigrationV3 {
    /** What begin returns: a cookie for prepare and the domain XML the destination is to run. */
    record Begun(byte[] cookie, String xml) {
    }

    /** What prepare returns: a cookie for perform, and the URI the destination listens on (or {@code null}). */
    record Prepared(byte[] cookie, String uri) {
    }

    /** What finish returns: the domain at the destination (null when cancelled) and a cookie for confirm. */
    record Finished(Domain domain, byte[] cookie) {
    }

    /**
     * Source: checks the domain can migrate, returns the XML the destination gets.
     *
     * @param domain the running domain
     * @param params parameters
     * @param flags flags
     * @return cookie and XML
     */
    default Begun begin(Domain domain, MigrateParams params, Set<MigrateFlag> flags) {
        throw notSupported("virDomainMigrateBegin3Params");
    }

    /**
     * Destination: starts an incoming guest from {@link MigrateParams#destXml()}.
     *
     * @param params parameters (the XML from begin as {@code destXml})
     * @param cookie begin's cookie
     * @param flags flags
     * @return cookie and listening URI
     */
    default Prepared prepare(MigrateParams params, byte[] cookie, Set<MigrateFlag> flags) {
        throw notSupported("virDomainMigratePrepare3Params");
    }

    /**
     * Source: sends the guest. With {@code dconnuri} (peer to peer) the source opens the destination
     * itself and runs every phase.
     *
     * @param domain the running domain
     * @param dconnuri the destination's connection URI (peer to peer), or {@code null}
     * @param params parameters ({@link MigrateParams#migrateUri()} from prepare when not peer to peer)
     * @param cookie prepare's cookie
     * @param flags flags
     * @return a cookie for finish
     */
    default byte[] perform(Domain domain, String dconnuri, MigrateParams params, byte[] cookie,
                           Set<MigrateFlag> flags) {
        throw notSupported("virDomainMigratePerform3Params");
    }

    /**
     * Destination: waits for the stream to end and starts the guest, or (cancelled) discards it.
     *
     * @param params parameters
     * @param cookie perform's cookie
     * @param flags flags
     * @param cancelled whether perform failed
     * @return the domain and a cookie for confirm
     */
    default Finished finish(MigrateParams params, byte[] cookie, Set<MigrateFlag> flags, boolean cancelled) {
        throw notSupported("virDomainMigrateFinish3Params");
    }

    /**
     * Source: stops the migrated guest, or (cancelled) keeps it running.
     *
     * @param domain the domain
     * @param params parameters
     * @param cookie finish's cookie
     * @param flags flags
     * @param cancelled whether the migration failed
     */
    default void confirm(Domain domain, MigrateParams params, byte[] cookie, Set<MigrateFlag> flags,
                         boolean cancelled) {
        throw notSupported("virDomainMigrateConfirm3Params");
    }

    private static VirtException notSupported(String fn) {
        return VirtException.of(ErrorCode.NO_SUPPORT, ErrorDomain.NONE, fn);
    }
}
