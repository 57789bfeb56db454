package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeInfo;
import org.jvirt.api.VirtException;

/**
 * {@code virNodeGetInfo} from the host's files, as libvirt's {@code virHostCPUGetInfo} and
 * {@code virHostMemGetInfo}: memory from {@code /proc/meminfo} (MemTotal), online CPUs and their
 * topology from {@code /sys/devices/system/cpu/cpuN/topology}, the frequency from
 * {@code /proc/cpuinfo} ("cpu MHz"), NUMA cells from {@code /sys/devices/system/node}. libvirt's
 * rule: {@code nodes * sockets * cores * threads} must equal the online CPUs, else it reports
 * nodes=1, sockets=1, cores=cpus, threads=1.
 */
final class NodeInfoReader {
    private NodeInfoReader() {
    }

    static NodeInfo read(Path proc, Path sys) {
        try {
            long memKiB = 0;
            for (String l : Files.readAllLines(proc.resolve("meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    memKiB = Long.parseLong(l.substring(9).trim().split("\\s+")[0]);
                }
            }
            int mhz = 0;
            for (String l : Files.readAllLines(proc.resolve("cpuinfo"))) {
                if (l.startsWith("cpu MHz")) {
                    mhz = (int) Double.parseDouble(l.substring(l.indexOf(':') + 1).trim());
                    break;
                }
            }
            Path cpuDir = sys.resolve("devices/system/cpu");
            Set<String> packages = new HashSet<>();
            Set<String> cores = new HashSet<>();
            int cpus = 0;
            for (int n : online(cpuDir)) {
                Path topo = cpuDir.resolve("cpu" + n).resolve("topology");
                cpus++;
                String pkg = readTrim(topo.resolve("physical_package_id"), "0");
                packages.add(pkg);
                cores.add(pkg + "/" + readTrim(topo.resolve("core_id"), Integer.toString(n)));
            }
            if (cpus == 0) {
                cpus = Runtime.getRuntime().availableProcessors();
            }
            int nodes = 0;
            Path nodeDir = sys.resolve("devices/system/node");
            if (Files.isDirectory(nodeDir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(nodeDir, "node[0-9]*")) {
                    for (Path p : ds) {
                        nodes++;
                    }
                }
            }
            nodes = Math.max(1, nodes);
            int sockets = Math.max(1, packages.size() / nodes);
            int coresPerSocket = Math.max(1, cores.size() / Math.max(1, packages.size()));
            int threads = Math.max(1, cpus / Math.max(1, cores.size()));
            if (nodes * sockets * coresPerSocket * threads != cpus) {
                nodes = 1;
                sockets = 1;
                coresPerSocket = cpus;
                threads = 1;
            }
            return new NodeInfo(QemuHost.hostArch(), memKiB, cpus, mhz, nodes, sockets, coresPerSocket, threads);
        } catch (IOException | RuntimeException e) {
            throw VirtException.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot read host information: " + e);
        }
    }

    /** Online CPU numbers from {@code cpu/online} ("0-3,5"). */
    static List<Integer> online(Path cpuDir) throws IOException {
        String s = readTrim(cpuDir.resolve("online"), "");
        List<Integer> out = new java.util.ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        for (String part : s.split(",")) {
            String[] r = part.split("-");
            int a = Integer.parseInt(r[0].trim());
            int b = r.length > 1 ? Integer.parseInt(r[1].trim()) : a;
            for (int i = a; i <= b; i++) {
                out.add(i);
            }
        }
        return out;
    }

    private static String readTrim(Path p, String dflt) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return dflt;
        }
    }
}
