package org.jvirt.testing.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The stop shared by the throwaway daemons: by their own process (pid), then their directory goes. */
final class Daemons {
    private Daemons() {
    }

    /**
     * SIGTERM, then SIGKILL when still alive after {@code termSeconds} (and at most 10 s more);
     * then removes {@code dir}, best effort.
     */
    static void stop(Process process, int termSeconds, Path dir) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(termSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
