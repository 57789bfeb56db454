import java.util.List;

import org.jvirt.api.Connect;
import org.jvirt.core.Virt;

/**
 * Client side of bench/daemon-bench.sh for jvirt's remote driver: the same measurements as
 * daemon_bench.py's single-connection rates, through Virt.open(URI). Run as a source file.
 */
public class RemoteBench {
    public static void main(String[] args) throws Exception {
        String uri = args[0];
        double secs = Double.parseDouble(System.getenv().getOrDefault("BENCH_SECONDS", "3"));
        try (Connect keep = Virt.open(uri)) {
            for (String what : List.of("version", "lookup")) {
                try (Connect c = Virt.open(uri)) {
                    Runnable op = what.equals("version") ? c::getVersion : () -> c.lookupDomainByName("test");
                    for (int i = 0; i < 20_000; i++) {
                        op.run(); // warm-up, JIT included
                    }
                    long n = 0;
                    long t0 = System.nanoTime();
                    long end = t0 + (long) (secs * 1e9);
                    do {
                        for (int i = 0; i < 50; i++) {
                            op.run();
                        }
                        n += 50;
                    } while (System.nanoTime() < end);
                    double el = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("%s_1conn %.0f calls/s%n", what.equals("version") ? "getversion" : "lookup",
                            n / el);
                }
            }
        }
    }
}
