package org.jvirt.daemon;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs libvirt's own clients (virsh, python3-libvirt) with a time limit; skips or fails (env CI) when missing. */
final class Peers {
    private Peers() {
    }

    static final Path VIRSH = Path.of("/usr/bin/virsh");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Exit code and output. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static void require(Path tool) {
        if (!Files.isExecutable(tool)) {
            if (System.getenv("CI") != null) {
                fail(tool + " is not installed (CI is set, so this is a failure)");
            }
            Assumptions.abort(tool + " is not installed; skipping");
        }
    }

    static void requirePythonLibvirt() throws IOException, InterruptedException {
        require(PYTHON);
        if (run(List.of(PYTHON.toString(), "-c", "import libvirt"), 30).exit != 0) {
            if (System.getenv("CI") != null) {
                fail("python3-libvirt is not installed (CI is set, so this is a failure)");
            }
            Assumptions.abort("python3-libvirt is not installed; skipping");
        }
    }

    static Result virsh(String uri, String commands) throws IOException, InterruptedException {
        require(VIRSH);
        return run(List.of(VIRSH.toString(), "-q", "-c", uri, commands), 60);
    }

    static Result virshRo(String uri, String commands) throws IOException, InterruptedException {
        require(VIRSH);
        return run(List.of(VIRSH.toString(), "-q", "-r", "-c", uri, commands), 60);
    }

    static Result python(String script, String... args) throws IOException, InterruptedException {
        requirePythonLibvirt();
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        cmd.addAll(List.of(args));
        return run(cmd, 90);
    }

    static Result run(List<String> cmd, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LIBVIRT_DEFAULT_URI");
        Path out = Files.createTempFile("peer-out", ".txt");
        Path err = Files.createTempFile("peer-err", ".txt");
        try {
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(cmd.get(0) + " timed out after " + seconds + " s: " + Files.readString(out)
                        + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
