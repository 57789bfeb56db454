package org.jvirt.driver.qemu;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jvirt.api.MemoryStatTag;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.MemballoonDef;
import org.jvirt.conf.MemballoonStatsDef;
import org.jvirt.driver.qemu.qmp.Json;
import org.jvirt.driver.qemu.qmp.QmpClient;

/**
 * The memory balloon of a QEMU guest: reading and changing {@code <memballoon>} in a definition,
 * finding the balloon's QOM path (walked once per run and cached by the caller, see
 * {@link DomainObj#balloonSearched}), and QEMU's guest statistics in libvirt's tags.
 * Reference: qemu-qmp.md §3.2.
 */
final class Balloon {
    /** The device id libvirt gives the balloon ({@code <alias name='balloon0'/>}). */
    static final String ALIAS = "balloon0";
    /** The QOM property with the stats period in seconds. */
    static final String PERIOD_PROPERTY = "guest-stats-polling-interval";
    /** What QEMU reports for a statistic the guest never sent (all ones as uint64). */
    private static final String ALL_ONES = "18446744073709551615";

    private Balloon() {
    }

    /** The balloon model, or {@code null} when the definition has none. */
    static String model(DomainDef def) {
        MemballoonDef b = def.devices().memballoon();
        return b == null ? null : b.model();
    }

    /** Whether the definition has a virtio balloon QEMU can drive. */
    static boolean isVirtio(DomainDef def) {
        String m = model(def);
        return m != null && m.startsWith("virtio");
    }

    /** libvirt's default device (qemuDomainDefAddDefaultDevices): a virtio balloon on x86 guests. */
    static void addDefault(DomainDef def, String arch) {
        if (def.devices().memballoon() == null && ("x86_64".equals(arch) || "i686".equals(arch))) {
            def.devices().memballoon(new MemballoonDef().model("virtio"));
        }
    }

    /** The stats period of {@code <memballoon><stats period='N'/>}, 0 when unset. */
    static int period(DomainDef def) {
        MemballoonDef b = def.devices().memballoon();
        MemballoonStatsDef stats = b == null ? null : b.stats();
        if (stats == null || stats.period() == null || stats.period().isBlank()) {
            return 0;
        }
        return Integer.parseInt(stats.period().trim());
    }

    /** Sets the stats period in a definition (0 removes the element, as libvirt formats it). */
    static void setPeriod(DomainDef def, int seconds) {
        MemballoonDef b = def.devices().memballoon();
        b.stats(seconds > 0 ? new MemballoonStatsDef().period(Integer.toString(seconds)) : null);
    }

    /**
     * Walks the QOM tree for the balloon device, as libvirt's {@code qemuMonitorFindBalloonObjectPath}:
     * the user-created devices ({@code /machine/peripheral}, then {@code /machine/peripheral-anon})
     * and the first child of a {@code virtio-balloon-*} type. Two {@code qom-list} calls.
     *
     * @param mon the guest's monitor
     * @param timeout per command
     * @return the path, empty when the guest has no balloon
     */
    static Optional<String> find(QmpClient mon, Duration timeout) {
        for (String base : new String[] {"/machine/peripheral", "/machine/peripheral-anon"}) {
            Object r = mon.execute("qom-list", Map.of("path", base), timeout);
            for (Object o : Json.list(r)) {
                Map<String, Object> e = Json.obj(o);
                String type = Json.str(e, "type");
                if (type != null && type.startsWith("child<virtio-balloon-")) {
                    return Optional.of(base + "/" + Json.str(e, "name"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Converts QEMU's {@code guest-stats} into libvirt's tags (sizes to KiB), as
     * {@code qemuMonitorJSONGetMemoryStats}. Nothing when {@code last-update} is 0 (no guest driver
     * has reported), and no statistic QEMU reports as all ones (never sent by the guest).
     *
     * @param guestStats the reply of {@code qom-get guest-stats}
     * @param out where to put them
     */
    static void guestStats(Map<String, Object> guestStats, Map<MemoryStatTag, Long> out) {
        Object lu = guestStats.get("last-update");
        long lastUpdate = lu instanceof Number n ? n.longValue() : 0;
        if (lastUpdate == 0) {
            return;
        }
        Map<String, Object> stats = Json.obj(guestStats.get("stats"));
        put(stats, "stat-swap-in", MemoryStatTag.SWAP_IN, 1024, out);
        put(stats, "stat-swap-out", MemoryStatTag.SWAP_OUT, 1024, out);
        put(stats, "stat-major-faults", MemoryStatTag.MAJOR_FAULT, 1, out);
        put(stats, "stat-minor-faults", MemoryStatTag.MINOR_FAULT, 1, out);
        put(stats, "stat-free-memory", MemoryStatTag.UNUSED, 1024, out);
        put(stats, "stat-total-memory", MemoryStatTag.AVAILABLE, 1024, out);
        put(stats, "stat-available-memory", MemoryStatTag.USABLE, 1024, out);
        put(stats, "stat-disk-caches", MemoryStatTag.DISK_CACHES, 1024, out);
        put(stats, "stat-htlb-pgalloc", MemoryStatTag.HUGETLB_PGALLOC, 1, out);
        put(stats, "stat-htlb-pgfail", MemoryStatTag.HUGETLB_PGFAIL, 1, out);
        out.put(MemoryStatTag.LAST_UPDATE, lastUpdate);
    }

    private static void put(Map<String, Object> stats, String key, MemoryStatTag tag, long divisor,
                            Map<MemoryStatTag, Long> out) {
        Object v = stats.get(key);
        if (!(v instanceof Number n) || ALL_ONES.equals(v.toString()) || n.longValue() < 0) {
            return;
        }
        out.put(tag, n.longValue() / divisor);
    }

    /** An empty, ordered stats map. */
    static Map<MemoryStatTag, Long> newStats() {
        return new EnumMap<>(MemoryStatTag.class);
    }
}
