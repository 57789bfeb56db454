package org.jvirt.tests.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;

/**
 * The JMH benchmarks' operations timed in <em>process CPU time</em> (every thread of the JVM:
 * the caller, GC and JIT threads, and libvirt's native code) instead of wall time, jvirt and
 * libvirt alternating batch by batch in one JVM. On a machine shared with other work, wall time
 * measures the queue for a core as much as the code; CPU time does not, and alternating the
 * two sides exposes them to the same conditions. JMH's figures stay the reference on a quiet
 * machine; this is the cross-check (bench/run-cputime.sh).
 *
 * <p>It calls the same benchmark methods and {@code @Setup}/{@code @TearDown} methods as JMH.
 */
public final class CpuTimeBench {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One side's one operation, as a batch of {@code n} calls. */
    @FunctionalInterface
    interface Batch {
        void run(int n) throws Exception;
    }

    private CpuTimeBench() {
    }

    /**
     * Runs every operation.
     *
     * @param args {@code [rounds [targetMillisPerBatch]]}, default 10 and 200
     * @throws Exception if a side fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long target = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;

        JvirtBench jb = new JvirtBench();
        LibvirtBench lb = new LibvirtBench();
        JvirtBench.Conn jc = new JvirtBench.Conn();
        LibvirtBench.Conn lc = new LibvirtBench.Conn();
        jc.open();
        lc.open();

        Map<String, Batch[]> ops = new LinkedHashMap<>();
        ops.put("createDestroy", new Batch[] {n -> { for (int i = 0; i < n; i++) { jb.createDestroy(jc); } },
            n -> { for (int i = 0; i < n; i++) { lb.createDestroy(lc); } }});
        ops.put("defineUndefine", new Batch[] {n -> { for (int i = 0; i < n; i++) { jb.defineUndefine(jc); } },
            n -> { for (int i = 0; i < n; i++) { lb.defineUndefine(lc); } }});
        ops.put("getXMLDesc", new Batch[] {n -> { for (int i = 0; i < n; i++) { sink(jb.getXMLDesc(jc)); } },
            n -> { for (int i = 0; i < n; i++) { sink(lb.getXMLDesc(lc)); } }});
        ops.put("lookupByName", new Batch[] {n -> { for (int i = 0; i < n; i++) { sink(jb.lookupByName(jc)); } },
            n -> { for (int i = 0; i < n; i++) { sink(lb.lookupByName(lc)); } }});

        System.out.printf(Locale.ROOT, "# process CPU time per operation, median of %d alternating rounds (%s, %d cores)%n",
                rounds, System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("| operation | jvirt CPU/op | libvirt CPU/op | jvirt faster by | jvirt wall/op | libvirt wall/op |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Batch[]> e : ops.entrySet()) {
            report(e.getKey(), e.getValue(), rounds, target);
        }
        jc.close();
        lc.close();

        JvirtBench.Many jm = new JvirtBench.Many();
        LibvirtBench.Many lm = new LibvirtBench.Many();
        jm.define();
        lm.define();
        report("listAllDomains10k", new Batch[] {n -> { for (int i = 0; i < n; i++) { sink(jb.listAllDomains10k(jm)); } },
            n -> { for (int i = 0; i < n; i++) { sink(lb.listAllDomains10k(lm)); } }}, rounds, target);
        jm.undefine();
        lm.undefine();
    }

    private static volatile Object sinkHole;

    private static void sink(Object o) {
        sinkHole = o;
    }

    private static void report(String op, Batch[] sides, int rounds, long target) throws Exception {
        int[] n = new int[2];
        for (int s = 0; s < 2; s++) {
            n[s] = calibrate(sides[s], target);
        }
        List<double[]> cpu = List.of(new double[rounds], new double[rounds]);
        List<double[]> wall = List.of(new double[rounds], new double[rounds]);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int s = (r + k) % 2;   // alternate which side goes first
                long c0 = OS.getProcessCpuTime();
                long w0 = System.nanoTime();
                sides[s].run(n[s]);
                wall.get(s)[r] = (System.nanoTime() - w0) / 1e3 / n[s];
                cpu.get(s)[r] = (OS.getProcessCpuTime() - c0) / 1e3 / n[s];
            }
        }
        double j = median(cpu.get(0));
        double l = median(cpu.get(1));
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f× | %s | %s |%n", op, us(j), us(l), l / j,
                us(median(wall.get(0))), us(median(wall.get(1))));
    }

    /** Warms a side up and picks a batch size that takes about {@code target} ns of CPU time. */
    private static int calibrate(Batch side, long target) throws Exception {
        int n = 1;
        long warmEnd = System.nanoTime() + 2 * target + 1_000_000_000L;
        long spent;
        do {
            long c0 = OS.getProcessCpuTime();
            side.run(n);
            spent = OS.getProcessCpuTime() - c0;
            if (spent < target) {
                n = (int) Math.min(Integer.MAX_VALUE / 2, n * 2L);
            }
        } while (spent < target || System.nanoTime() < warmEnd);
        return (int) Math.max(1, n * target / Math.max(1, spent));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String us(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%.2f ms", v / 1000);
        }
        return v >= 1 ? String.format(Locale.ROOT, "%.2f µs", v) : String.format(Locale.ROOT, "%.1f ns", v * 1000);
    }
}
