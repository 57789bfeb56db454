package org.jvirt.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;
import org.jvirt.core.Virt;
import org.jvirt.spi.MigrationV3;

/**
 * The migration procedures against a driver without migration (the test driver) and on the
 * read-only socket, through jvirt's remote driver: libvirtd's answers (NO_SUPPORT naming the API,
 * OPERATION_DENIED naming it). Migration itself is proven by {@link MigrationNetnsTest}.
 */
class MigrationProceduresTest {
    private JvirtdProcess jvirtd;
    private Connect rw;

    @BeforeEach
    void start() throws Exception {
        jvirtd = JvirtdProcess.start();
        rw = Virt.open(jvirtd.unixUri());
    }

    @AfterEach
    void stop() {
        if (rw != null) {
            rw.close();
        }
        jvirtd.close();
    }

    @Test
    void aDriverWithoutMigrationAnswersNoSupportNamingTheApi() {
        Domain d = rw.lookupDomainByName("test");
        VirtException e = assertThrows(VirtException.class, () -> d.migrateToURI("test+tcp://127.0.0.1:1/default",
                EnumSet.of(MigrateFlag.LIVE, MigrateFlag.PEER2PEER), MigrateParams.DEFAULT));
        assertEquals(ErrorCode.NO_SUPPORT, e.code());
        assertTrue(e.getMessage().contains("virDomainMigratePerform3Params"), e.getMessage());

        VirtException prepare = assertThrows(VirtException.class, () -> rw.unwrap(MigrationV3.class)
                .prepare(MigrateParams.builder().destXml("<domain/>").build(), new byte[0],
                        EnumSet.noneOf(MigrateFlag.class)));
        assertEquals(ErrorCode.NO_SUPPORT, prepare.code());
        assertTrue(prepare.getMessage().contains("virDomainMigratePrepare3Params"), prepare.getMessage());

        VirtException post = assertThrows(VirtException.class, d::migrateStartPostCopy);
        assertEquals(ErrorCode.NO_SUPPORT, post.code());
        assertTrue(post.getMessage().contains("virDomainMigrateStartPostCopy"), post.getMessage());
    }

    @Test
    void migrateToUriWithoutPeerToPeerIsRefusedByTheClient() {
        Domain d = rw.lookupDomainByName("test");
        VirtException e = assertThrows(VirtException.class, () -> d.migrateToURI("test+tcp://127.0.0.1:1/default",
                EnumSet.of(MigrateFlag.LIVE), MigrateParams.DEFAULT));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("VIR_MIGRATE_PEER2PEER"), e.getMessage());
    }

    @Test
    void theReadOnlySocketRefusesEveryMigrationProcedure() {
        try (Connect ro = Virt.openAuth(jvirtd.roUri(), null, true)) {
            Domain d = ro.lookupDomainByName("test");
            VirtException e = assertThrows(VirtException.class, () -> d.migrateToURI(
                    "test+tcp://127.0.0.1:1/default", EnumSet.of(MigrateFlag.PEER2PEER), MigrateParams.DEFAULT));
            assertEquals(ErrorCode.OPERATION_DENIED, e.code());
            assertTrue(e.getMessage().contains("read only access prevents virDomainMigratePerform3Params"),
                    e.getMessage());
            VirtException f = assertThrows(VirtException.class, () -> ro.unwrap(MigrationV3.class)
                    .finish(MigrateParams.DEFAULT, new byte[0], EnumSet.noneOf(MigrateFlag.class), false));
            assertTrue(f.getMessage().contains("read only access prevents virDomainMigrateFinish3Params"),
                    f.getMessage());
            VirtException p = assertThrows(VirtException.class, d::migrateStartPostCopy);
            assertTrue(p.getMessage().contains("read only access prevents virDomainMigrateStartPostCopy"),
                    p.getMessage());
        }
    }
}
