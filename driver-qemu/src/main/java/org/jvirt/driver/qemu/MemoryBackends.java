package org.jvirt.driver.qemu;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.conf.DomainDef;
import org.jvirt.conf.MemoryBackingDef;
import org.jvirt.conf.MemoryDeviceDef;
import org.jvirt.conf.NumaCell;

/**
 * Memory backend objects ({@code -object memory-backend-*}) for guest RAM, NUMA cells and memory
 * devices, as libvirt's {@code qemuBuildMemoryBackendProps}, with ONE rule for preallocation
 * ({@link #prealloc}) shared by every memory object: guest RAM, NUMA cells, dimm, nvdimm, virtio-pmem
 * and virtio-mem.
 */
final class MemoryBackends {
    /** Where a memory object's preallocation goes. */
    enum Prealloc {
        /** Not preallocated. */
        NONE,
        /** {@code "prealloc":true} on the backend object. */
        BACKEND,
        /** {@code "prealloc":true} on the device (virtio-mem-pci with the property), not on its backend. */
        DEVICE,
        /** Already preallocated globally by {@code -mem-prealloc}. */
        GLOBAL
    }

    /** A backend to build. */
    record Spec(String id, long sizeBytes, MemoryDeviceDef mem, NumaCell cell, Long pagesizeKiB) {
    }

    private final DomainDef def;
    private final QemuCaps caps;
    private final Path memoryBackingDir;
    /** The thread-context object the last backend built wants before it, or {@code null}. */
    Map<String, Object> threadContext;

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Whether {@code -mem-prealloc} was given (legacy NUMA without backends). */
    boolean globalPrealloc;

    MemoryBackends(DomainDef def, QemuCaps caps, Path memoryBackingDir) {
        this.def = def;
        this.caps = caps;
        this.memoryBackingDir = memoryBackingDir;
    }

    /** The hugepage size (KiB) that applies to a NUMA node (or to all memory with {@code -1}), or null. */
    Long hugepageKiB(int node) {
        MemoryBackingDef mb = def.memoryBacking();
        if (mb == null || mb.hugepages() == null) {
            return null;
        }
        Long dflt = null;
        for (MemoryBackingDef.Page p : mb.hugepages().pages()) {
            if (p.nodeset() == null || p.nodeset().isEmpty()) {
                dflt = p.sizeKiB() > 0 ? p.sizeKiB() : hostDefaultHugepageKiB();
            } else if (node >= 0 && org.jvirt.conf.CpuSet.parse(p.nodeset(), "nodeset").get(node)) {
                return p.sizeKiB() > 0 ? p.sizeKiB() : hostDefaultHugepageKiB();
            }
        }
        if (dflt == null && mb.hugepages().pages().isEmpty()) {
            return hostDefaultHugepageKiB();
        }
        return dflt;
    }

    /**
     * The hugepage size (KiB) backing an object, or {@code null}: a memory device's own source pagesize,
     * else the page size configured for its NUMA node (or for all memory).
     */
    Long hugepageKiB(MemoryDeviceDef mem, NumaCell cell) {
        if (mem != null) {
            if (mem.source() != null && mem.source().pagesize() != null) {
                return org.jvirt.conf.Units.toKiB(mem.source().pagesize().value(), mem.source().pagesize().unit(),
                        "pagesize");
            }
            if ("nvdimm".equals(mem.model()) || "virtio-pmem".equals(mem.model()) || "virtio-mem".equals(mem.model())
                    && mem.source() == null) {
                return null;
            }
            int node = mem.target() != null && mem.target().node() != null ? Integer.parseInt(mem.target().node()) : -1;
            return "dimm".equals(mem.model()) ? hugepageKiB(node) : null;
        }
        return hugepageKiB(cell == null ? -1 : cell.id());
    }

    /** Whether a memory device is backed by hugepages (for the device side of {@link #prealloc}). */
    boolean hugepages(MemoryDeviceDef mem) {
        return hugepageKiB(mem, null) != null;
    }

    static long hostDefaultHugepageKiB() {
        return 2048;
    }

    /**
     * THE preallocation rule, for every memory object (libvirt 9's): memory is preallocated when the
     * definition asks for it ({@code <allocation mode='immediate'/>}), when it is backed by hugepages,
     * and for a file-backed nvdimm that is not real persistent memory. A virtio-mem device takes the
     * preallocation itself when QEMU's {@code virtio-mem-pci} has {@code prealloc}; otherwise (older
     * QEMU) its backend does. Nothing is preallocated twice: after a global {@code -mem-prealloc} the
     * objects stay as they are.
     *
     * @param mem the memory device, or {@code null} for guest RAM and NUMA cells
     * @param hugepages whether the object is backed by hugepages
     * @return where preallocation goes
     */
    Prealloc prealloc(MemoryDeviceDef mem, boolean hugepages) {
        boolean want = "immediate".equals(def.memoryBacking() == null ? null : def.memoryBacking().allocationMode())
                || hugepages;
        if (mem != null && "nvdimm".equals(mem.model()) && mem.source() != null && mem.source().path() != null
                && mem.source().pmem() == null) {
            want = true;
        }
        if (mem != null && "virtio-pmem".equals(mem.model())) {
            want = "immediate".equals(def.memoryBacking() == null ? null : def.memoryBacking().allocationMode());
        }
        if (mem != null && "sgx-epc".equals(mem.model())) {
            want = true; // EPC is always preallocated
        }
        if (!want) {
            return Prealloc.NONE;
        }
        if (globalPrealloc) {
            return Prealloc.GLOBAL;
        }
        if (mem != null && "virtio-mem".equals(mem.model()) && caps.deviceHasProperty("virtio-mem-pci", "prealloc")) {
            return Prealloc.DEVICE;
        }
        return Prealloc.BACKEND;
    }

    /** Whether a NUMA cell or the guest RAM needs a backend other than plain RAM. */
    boolean needsSpecialBackend(NumaCell cell) {
        MemoryBackingDef mb = def.memoryBacking();
        if (cell != null && cell.memAccess() != null) {
            return true;
        }
        if (mb != null && ("file".equals(mb.sourceType()) || "memfd".equals(mb.sourceType())
                || mb.accessMode() != null)) {
            return true;
        }
        return hugepageKiB(cell == null ? -1 : cell.id()) != null;
    }

    /**
     * The backend object's properties, in libvirt's order.
     *
     * @param spec what to build
     * @return the {@code -object} JSON members
     */
    Map<String, Object> props(Spec spec) {
        MemoryDeviceDef mem = spec.mem();
        NumaCell cell = spec.cell();
        MemoryBackingDef mb = def.memoryBacking();
        int node = cell != null ? cell.id() : mem != null && mem.target() != null && mem.target().node() != null
                ? Integer.parseInt(mem.target().node()) : -1;
        Long huge = spec.pagesizeKiB() != null ? spec.pagesizeKiB() : hugepageKiB(mem, cell);
        String memAccess = cell != null ? cell.memAccess() : mem != null ? mem.access() : null;
        if (memAccess == null && mem != null && node >= 0) {
            // a memory device shares the access mode of the guest NUMA node it is plugged into
            for (NumaCell c : def.numaCells()) {
                if (c.id() == node) {
                    memAccess = c.memAccess();
                }
            }
        }
        if (memAccess == null && mb != null) {
            memAccess = mb.accessMode();
        }
        String nvdimmPath = mem != null && ("nvdimm".equals(mem.model()) || "virtio-pmem".equals(mem.model()))
                && mem.source() != null ? mem.source().path() : null;
        String sourceType = mb == null ? null : mb.sourceType();
        Map<String, Object> p = new LinkedHashMap<>();
        String type;
        boolean file = nvdimmPath != null || huge != null || memAccess != null || "file".equals(sourceType);
        if (mem != null && "sgx-epc".equals(mem.model())) {
            type = "memory-backend-epc";
        } else if ("memfd".equals(sourceType) && nvdimmPath == null) {
            type = "memory-backend-memfd";
        } else if (file) {
            type = "memory-backend-file";
        } else {
            type = "memory-backend-ram";
        }
        p.put("qom-type", type);
        p.put("id", spec.id());
        Prealloc pre = prealloc(mem, huge != null);
        threadContext = null;
        if ("memory-backend-memfd".equals(type)) {
            if (huge != null) {
                p.put("hugetlb", true);
                p.put("hugetlbsize", huge * 1024);
            }
            if ("shared".equals(memAccess)) {
                p.put("share", true);
            } else if ("private".equals(memAccess)) {
                p.put("share", false);
            }
        } else if ("memory-backend-file".equals(type)) {
            String path;
            if (nvdimmPath != null) {
                path = nvdimmPath;
            } else if (huge != null) {
                path = "/dev/hugepages" + (huge == 2048 ? "2M" : huge == 1048576 ? "1G" : "") + "/libvirt/qemu/-1-"
                        + QemuPaths.shortName(def.name());
            } else {
                // named after the device alias (dimm1) or the cell's backend id (ram-node0), as libvirt
                String leaf = mem != null && spec.id().startsWith("mem") ? spec.id().substring(3) : spec.id();
                path = memoryBackingDir.resolve("-1-" + QemuPaths.shortName(def.name())).resolve(leaf).toString();
            }
            p.put("mem-path", path);
            if ("shared".equals(memAccess)) {
                p.put("share", true);
            } else if ("private".equals(memAccess)) {
                p.put("share", false);
            }
            if (mem == null && cell == null && caps.deviceHasProperty("memory-backend-file",
                    "x-use-canonical-path-for-ramblock-id")) {
                p.put("x-use-canonical-path-for-ramblock-id", false);
            }
        }
        if (mem != null && "virtio-mem".equals(mem.model()) && caps.deviceHasProperty(type, "reserve")) {
            p.put("reserve", false);
        }
        if (pre == Prealloc.BACKEND) {
            p.put("prealloc", true);
            int threads = mb == null ? 0 : mb.allocationThreads();
            if (threads > 0) {
                p.put("prealloc-threads", threads);
            }
        }
        p.put("size", spec.sizeBytes());
        hostNodes(p, mem, cell);
        if (pre == Prealloc.BACKEND && p.containsKey("host-nodes") && caps.hasType("thread-context")
                && !"memory-backend-epc".equals(type)) {
            // preallocate with threads placed on the backend's host nodes (libvirt's thread context)
            p.put("prealloc-context", "tc-" + spec.id());
            threadContext = ordered("qom-type", "thread-context", "id", "tc-" + spec.id(), "node-affinity",
                    p.get("host-nodes"));
        }
        if (mem != null && mem.source() != null && mem.source().alignsize() != null) {
            p.put("align", org.jvirt.conf.Units.toBytes(mem.source().alignsize().value(),
                    mem.source().alignsize().unit(), 1024, Long.MAX_VALUE, "alignsize"));
        }
        if (mem != null && mem.source() != null && mem.source().pmem() != null) {
            p.put("pmem", true);
        }
        String discard = cell != null ? cell.discard() : mem != null ? mem.discard() : null;
        if (discard == null && mb != null && mb.discard()) {
            discard = "yes";
        }
        if (discard != null && (huge != null || p.get("qom-type").equals("memory-backend-file"))) {
            p.put("discard-data", "yes".equals(discard));
        }
        return p;
    }

    /**
     * Host NUMA binding, as libvirt: a memory device's source nodemask binds it; a NUMA cell follows its
     * {@code <memnode>} (or the domain's strict {@code <memory nodeset>}); guest RAM without NUMA
     * follows the domain's.
     */
    private void hostNodes(Map<String, Object> p, MemoryDeviceDef mem, NumaCell cell) {
        String nodeset = null;
        String mode = null;
        var nt = def.numatune();
        int node = cell != null ? cell.id() : mem != null && mem.target() != null && mem.target().node() != null
                ? Integer.parseInt(mem.target().node()) : -1;
        if (mem != null && mem.source() != null && mem.source().nodemask() != null) {
            nodeset = mem.source().nodemask();
            mode = "strict";
        } else if (mem == null || !"sgx-epc".equals(mem.model())) {
            if (nt != null && node >= 0) {
                for (var mn : nt.memnodes()) {
                    if (mn.cellId() == node) {
                        nodeset = mn.nodeset();
                        mode = mn.mode();
                    }
                }
            }
            if (nodeset == null && nt != null && nt.memory() != null && nt.memory().nodeset() != null
                    && !"auto".equals(nt.memory().placement())) {
                nodeset = nt.memory().nodeset();
                mode = nt.memory().mode();
            }
        }
        if (nodeset == null) {
            return;
        }
        java.util.BitSet b = org.jvirt.conf.CpuSet.parse(nodeset, "nodeset");
        java.util.List<Object> nodes = new java.util.ArrayList<>();
        b.stream().forEach(nodes::add);
        p.put("host-nodes", nodes);
        p.put("policy", switch (mode == null ? "strict" : mode) {
            case "preferred" -> "preferred";
            case "interleave" -> "interleave";
            case "restrictive" -> "default";
            default -> "bind";
        });
    }

    private static Boolean cellDiscard(NumaCell cell) {
        return cell.discard() == null ? null : "yes".equals(cell.discard());
    }
}
