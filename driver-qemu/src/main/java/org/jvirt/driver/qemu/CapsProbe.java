package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.qmp.Json;
import org.jvirt.driver.qemu.qmp.QmpClient;
import org.jvirt.driver.qemu.qmp.QmpEvent;
import org.jvirt.driver.qemu.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes a QEMU binary as libvirt does: starts it with {@code -machine none -nodefaults -S} and a
 * QMP socket, asks it what it has (version, target, commands, machine types, CPU models, QOM types,
 * the properties of a few devices, migration capabilities, command line options, KVM), then quits
 * it. About 0.1 s on this machine kind. The process is always killed by its pid.
 */
final class CapsProbe {
    private static final Logger LOG = LoggerFactory.getLogger(CapsProbe.class);
    private static final Duration CMD = Duration.ofSeconds(20);

    private CapsProbe() {
    }

    /**
     * Probes a binary.
     *
     * @param binary the QEMU system emulator
     * @param scratch a directory for the socket and log (short path)
     * @return its capabilities
     * @throws VirtException {@link ErrorCode#INTERNAL_ERROR} when QEMU does not start or answer
     */
    static QemuCaps probe(Path binary, Path scratch) {
        long t0 = System.nanoTime();
        Path dir;
        try {
            Files.createDirectories(scratch);
            dir = Files.createTempDirectory(scratch, "probe");
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "cannot create " + scratch + ": " + e);
        }
        Path sock = dir.resolve("qmp.sock");
        if (!QemuPaths.fits(sock)) {
            try {
                dir = Files.createTempDirectory("jvirt-probe");
                sock = dir.resolve("qmp.sock");
            } catch (IOException e) {
                throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "cannot create a temp dir: " + e);
            }
        }
        Path log = dir.resolve("probe.log");
        List<String> argv = List.of(binary.toString(), "-S", "-no-user-config", "-nodefaults", "-nographic",
                "-machine", "none", "-display", "none",
                "-qmp", "unix:" + sock + ",server=on,wait=off");
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot run " + binary + " to probe it: " + e.getMessage());
        }
        QmpClient.Listener ignore = new QmpClient.Listener() {
            @Override
            public void onEvent(QmpEvent event) {
            }

            @Override
            public void onClose(boolean requested) {
            }
        };
        try (QmpClient mon = QmpClient.connect("probe", sock, Duration.ofSeconds(30), p::isAlive, ignore)) {
            QemuCaps caps = query(binary, mon);
            try {
                mon.execute("quit", null, Duration.ofSeconds(5));
            } catch (QmpException e) {
                LOG.debug("probe quit: {}", e.getMessage());
            }
            LOG.info("probed {}: QEMU {} ({}), {} commands, {} machines, {} CPU models, in {} ms", binary,
                    caps.version(), caps.arch(), caps.commands().size(), caps.machines().size(),
                    caps.cpuModels().size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return caps;
        } catch (QmpException e) {
            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "failed to probe " + binary + ": "
                    + e.getMessage() + QemuProcess.tail(log));
        } finally {
            QemuProcess.killByPid(p.pid(), Duration.ofSeconds(2));
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Files.deleteIfExists(sock);
                Files.deleteIfExists(log);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                LOG.debug("probe cleanup", e);
            }
        }
    }

    static QemuCaps query(Path binary, QmpClient mon) {
        Map<String, Object> ver = Json.obj(mon.execute("query-version", null, CMD));
        Map<String, Object> q = Json.obj(ver.get("qemu"));
        String arch = Json.str(Json.obj(mon.execute("query-target", null, CMD)), "arch");

        Set<String> commands = new LinkedHashSet<>();
        for (Object o : Json.list(mon.execute("query-commands", null, CMD))) {
            commands.add(Json.str(Json.obj(o), "name"));
        }

        List<QemuCaps.Machine> machines = new ArrayList<>();
        for (Object o : Json.list(mon.execute("query-machines", null, CMD))) {
            Map<String, Object> m = Json.obj(o);
            if ("none".equals(Json.str(m, "name"))) {
                continue;
            }
            machines.add(new QemuCaps.Machine(Json.str(m, "name"), Json.str(m, "alias"),
                    Json.bool(m, "is-default", false), (int) Json.num(m, "cpu-max", 1),
                    Json.bool(m, "deprecated", false), Json.bool(m, "numa-mem-supported", false),
                    Json.str(m, "default-ram-id")));
        }

        List<String> cpus = new ArrayList<>();
        if (commands.contains("query-cpu-definitions")) {
            for (Object o : Json.list(mon.execute("query-cpu-definitions", null, CMD))) {
                cpus.add(Json.str(Json.obj(o), "name"));
            }
        }

        Set<String> types = new LinkedHashSet<>();
        for (Object o : Json.list(mon.execute("qom-list-types", Map.of("abstract", false), CMD))) {
            types.add(Json.str(Json.obj(o), "name"));
        }

        Map<String, Map<String, String>> props = new TreeMap<>();
        for (String dev : QemuCaps.PROBED_DEVICES) {
            if (!types.contains(dev)) {
                continue;
            }
            Map<String, String> pm = new TreeMap<>();
            for (Object o : Json.list(mon.execute("device-list-properties", Map.of("typename", dev), CMD))) {
                Map<String, Object> pr = Json.obj(o);
                pm.put(Json.str(pr, "name"), String.valueOf(pr.get("type")));
            }
            props.put(dev, pm);
        }
        for (String obj : QemuCaps.PROBED_OBJECTS) {
            if (!types.contains(obj)) {
                continue;
            }
            Map<String, String> pm = new TreeMap<>();
            for (Object o : Json.list(mon.execute("qom-list-properties", Map.of("typename", obj), CMD))) {
                Map<String, Object> pr = Json.obj(o);
                pm.put(Json.str(pr, "name"), String.valueOf(pr.get("type")));
            }
            props.put(obj, pm);
        }

        Set<String> mig = new LinkedHashSet<>();
        if (commands.contains("query-migrate-capabilities")) {
            for (Object o : Json.list(mon.execute("query-migrate-capabilities", null, CMD))) {
                mig.add(Json.str(Json.obj(o), "capability"));
            }
        }

        Set<String> options = new LinkedHashSet<>();
        if (commands.contains("query-command-line-options")) {
            for (Object o : Json.list(mon.execute("query-command-line-options", null, CMD))) {
                options.add(Json.str(Json.obj(o), "option"));
            }
        }

        boolean kvm = commands.contains("query-kvm")
                && Json.bool(Json.obj(mon.execute("query-kvm", null, CMD)), "present", false);

        return new QemuCaps(binary.toString(), arch, (int) Json.num(q, "major", 0), (int) Json.num(q, "minor", 0),
                (int) Json.num(q, "micro", 0), String.valueOf(ver.getOrDefault("package", "")).trim(), commands,
                machines, cpus, types, props, mig, options, kvm);
    }
}
