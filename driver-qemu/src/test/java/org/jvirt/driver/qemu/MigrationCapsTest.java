package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.MigrateFlag;
import org.jvirt.api.MigrateParams;
import org.jvirt.api.VirtException;

/**
 * The migration capability choice from two QEMUs' probed caps (the live tests only see two equal
 * QEMU 7.2 binaries): preempt on both sides or on neither, post-copy refused when a side lacks it,
 * every managed capability a QEMU has set explicitly; and the migrate URI forms.
 */
class MigrationCapsTest {

    private static QemuCaps caps(String... migrationCaps) {
        return new QemuCaps("/usr/bin/qemu-system-x86_64", "x86_64", 7, 2, 22, "test", Set.of(), List.of(),
                List.of(), Set.of(), Map.of(), Set.of(migrationCaps), Set.of(), true);
    }

    private static final QemuCaps FULL = caps("events", "postcopy-ram", "postcopy-preempt", "multifd",
            "auto-converge", "xbzrle");
    private static final QemuCaps NO_PREEMPT = caps("events", "postcopy-ram", "multifd", "auto-converge");
    private static final QemuCaps NO_POSTCOPY = caps("events", "multifd");

    private static Map<String, Boolean> m(Object... kv) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Boolean) kv[i + 1]);
        }
        return m;
    }

    @Test
    void postcopyGetsPreemptWhenBothQemusHaveIt() {
        Map<String, Boolean> c = QemuMigration.capabilities(FULL, FULL, EnumSet.of(MigrateFlag.LIVE, MigrateFlag.POSTCOPY));
        assertEquals(m("events", true, "postcopy-ram", true, "postcopy-preempt", true, "multifd", false,
                "auto-converge", false), c);
    }

    @Test
    void preemptNeverOnOneSideOnly() {
        Map<String, Boolean> c = QemuMigration.capabilities(FULL, NO_PREEMPT, EnumSet.of(MigrateFlag.POSTCOPY));
        assertEquals(Boolean.TRUE, c.get("postcopy-ram"));
        assertEquals(null, c.get("postcopy-preempt"), "not a capability of both");
        // the side that has it gets it explicitly off (a leftover from an earlier attempt must not leak)
        assertEquals(m("events", true, "postcopy-ram", true, "postcopy-preempt", false, "multifd", false,
                "auto-converge", false), QemuMigration.forSide(FULL, c));
        assertEquals(m("events", true, "postcopy-ram", true, "multifd", false, "auto-converge", false),
                QemuMigration.forSide(NO_PREEMPT, c));
    }

    @Test
    void precopyTurnsPostcopyOffAndParallelMeansMultifd() {
        Map<String, Boolean> c = QemuMigration.capabilities(FULL, FULL, EnumSet.of(MigrateFlag.PARALLEL,
                MigrateFlag.AUTO_CONVERGE));
        assertEquals(m("events", true, "postcopy-ram", false, "postcopy-preempt", false, "multifd", true,
                "auto-converge", true), c);
    }

    @Test
    void postcopyRefusedWhenASideLacksIt() {
        VirtException e = assertThrows(VirtException.class,
                () -> QemuMigration.capabilities(FULL, NO_POSTCOPY, EnumSet.of(MigrateFlag.POSTCOPY)));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, e.code());
        assertEquals("argument unsupported: migration capability 'postcopy-ram' is not supported by the "
                + "destination QEMU", e.getMessage());
        // pre-copy between them is fine
        assertEquals(Boolean.FALSE, QemuMigration.forSide(FULL,
                QemuMigration.capabilities(FULL, NO_POSTCOPY, EnumSet.of(MigrateFlag.LIVE))).get("postcopy-ram"));
    }

    @Test
    void migrateUriForms() {
        assertArrayEquals(new String[] {"127.0.0.1", "0"}, QemuMigration.hostPort(MigrateParams.DEFAULT));
        assertArrayEquals(new String[] {"10.1.2.3", "49152"}, QemuMigration.hostPort(
                MigrateParams.builder().migrateUri("tcp://10.1.2.3:49152").build()));
        assertArrayEquals(new String[] {"10.1.2.3", "49153"}, QemuMigration.hostPort(
                MigrateParams.builder().migrateUri("tcp:10.1.2.3:49153").build()));
        assertArrayEquals(new String[] {"[::1]", "7"}, QemuMigration.hostPort(
                MigrateParams.builder().migrateUri("tcp://[::1]:7").build()));
        assertArrayEquals(new String[] {"host.example", "0"}, QemuMigration.hostPort(
                MigrateParams.builder().migrateUri("tcp://host.example").build()));
        assertArrayEquals(new String[] {"0.0.0.0", "5"}, QemuMigration.hostPort(
                MigrateParams.builder().listenAddress("0.0.0.0").migrateUri("tcp::5").build()));
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class, () -> QemuMigration.hostPort(
                MigrateParams.builder().migrateUri("unix:/tmp/x").build())).code());
        assertThrows(IllegalArgumentException.class, () -> MigrateParams.builder().bandwidthMiBs(-1).build());
    }
}
