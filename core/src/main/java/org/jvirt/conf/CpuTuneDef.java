package org.jvirt.conf;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <cputune>}: CPU shares, bandwidth (period/quota for vCPUs, emulator, iothreads and the whole
 * guest), pinning, real-time schedulers and resctrl cache/memory bandwidth allocations. Parsing puts
 * the children in libvirt's order (pins sorted, schedulers split per vCPU as libvirt 9.0 prints them).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"shares", "period", "quota", "globalPeriod", "globalQuota", "emulatorPeriod", "emulatorQuota",
    "iothreadPeriod", "iothreadQuota", "vcpupin", "emulatorpin", "iothreadpin", "emulatorsched", "vcpusched",
    "iothreadsched", "cachetune", "memorytune"})
public class CpuTuneDef implements DeclaredOrder {
    private String shares;
    private String period;
    private String quota;
    @XmlElement(name = "global_period") private String globalPeriod;
    @XmlElement(name = "global_quota") private String globalQuota;
    @XmlElement(name = "emulator_period") private String emulatorPeriod;
    @XmlElement(name = "emulator_quota") private String emulatorQuota;
    @XmlElement(name = "iothread_period") private String iothreadPeriod;
    @XmlElement(name = "iothread_quota") private String iothreadQuota;
    private List<VcpuPin> vcpupin = new ArrayList<>();
    private Pin emulatorpin;
    private List<IOThreadPin> iothreadpin = new ArrayList<>();
    private Sched emulatorsched;
    private List<VcpuSched> vcpusched = new ArrayList<>();
    private List<IOThreadSched> iothreadsched = new ArrayList<>();
    private List<CacheTune> cachetune = new ArrayList<>();
    private List<MemoryTune> memorytune = new ArrayList<>();

    /** Empty. */
    public CpuTuneDef() {
    }

    /** {@code <emulatorpin cpuset=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.Pin")
    public static class Pin implements DeclaredOrder {
        @XmlAttribute String cpuset;

        /** The host CPUs. */
        public String cpuset() {
            return cpuset;
        }
    }

    /** {@code <vcpupin vcpu= cpuset=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.VcpuPin", propOrder = {})
    public static class VcpuPin implements DeclaredOrder {
        @XmlAttribute String vcpu;
        @XmlAttribute String cpuset;

        /** For JAXB. */
        public VcpuPin() {
        }

        /** Pins {@code vcpu} to the host CPUs {@code cpuset}. */
        public VcpuPin(int vcpu, String cpuset) {
            this.vcpu = Integer.toString(vcpu);
            this.cpuset = cpuset;
        }

        /** The vCPU id. */
        public int vcpu() {
            return Integer.parseInt(vcpu);
        }

        /** The host CPUs. */
        public String cpuset() {
            return cpuset;
        }
    }

    /** {@code <iothreadpin iothread= cpuset=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.IOThreadPin")
    public static class IOThreadPin implements DeclaredOrder {
        @XmlAttribute String iothread;
        @XmlAttribute String cpuset;

        /** The iothread id. */
        public int iothread() {
            return Integer.parseInt(iothread);
        }

        /** The host CPUs. */
        public String cpuset() {
            return cpuset;
        }
    }

    /** {@code <emulatorsched scheduler= priority=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.Sched")
    public static class Sched implements DeclaredOrder {
        @XmlAttribute String scheduler;
        @XmlAttribute String priority;

        /** The policy: batch, idle, fifo, rr. */
        public String scheduler() {
            return scheduler;
        }

        /** The priority (fifo/rr), or {@code null}. */
        public String priority() {
            return priority;
        }
    }

    /** {@code <vcpusched vcpus= scheduler= priority=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.VcpuSched")
    public static class VcpuSched implements DeclaredOrder {
        @XmlAttribute String vcpus;
        @XmlAttribute String scheduler;
        @XmlAttribute String priority;

        /** The vCPUs. */
        public String vcpus() {
            return vcpus;
        }

        /** The policy. */
        public String scheduler() {
            return scheduler;
        }

        /** The priority, or {@code null}. */
        public String priority() {
            return priority;
        }
    }

    /** {@code <iothreadsched iothreads= scheduler= priority=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.IOThreadSched")
    public static class IOThreadSched implements DeclaredOrder {
        @XmlAttribute String iothreads;
        @XmlAttribute String scheduler;
        @XmlAttribute String priority;
    }

    /** {@code <cachetune vcpus= id=>}: a resctrl cache allocation. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.CacheTune", propOrder = {"cache", "monitor"})
    public static class CacheTune implements DeclaredOrder {
        @XmlAttribute String vcpus;
        @XmlAttribute String id;
        List<Cache> cache = new ArrayList<>();
        List<Monitor> monitor = new ArrayList<>();

        /** The vCPUs. */
        public String vcpus() {
            return vcpus;
        }

        /** The cache allocations (live list). */
        public List<Cache> caches() {
            return cache;
        }
    }

    /** {@code <cache id= level= type= size= unit=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.Cache")
    public static class Cache implements DeclaredOrder {
        @XmlAttribute String id;
        @XmlAttribute String level;
        @XmlAttribute String type;
        @XmlAttribute String size;
        @XmlAttribute String unit;

        /** The size in bytes. */
        public long sizeBytes() {
            return Long.parseLong(size) * Units.scale(unit, 1);
        }
    }

    /** {@code <monitor level= vcpus=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.Monitor")
    public static class Monitor implements DeclaredOrder {
        @XmlAttribute String level;
        @XmlAttribute String vcpus;
    }

    /** {@code <memorytune vcpus= id=>}: a resctrl memory bandwidth allocation. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.MemoryTune", propOrder = {"node", "monitor"})
    public static class MemoryTune implements DeclaredOrder {
        @XmlAttribute String vcpus;
        @XmlAttribute String id;
        List<Node> node = new ArrayList<>();
        List<Monitor> monitor = new ArrayList<>();
    }

    /** {@code <node id= bandwidth=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuTuneDef.Node")
    public static class Node implements DeclaredOrder {
        @XmlAttribute String id;
        @XmlAttribute String bandwidth;
    }

    /** The CPU shares, -1 when unset. */
    public long shares() {
        return shares == null ? -1 : Long.parseLong(shares);
    }

    /** Sets the shares (negative removes them). */
    public void shares(long s) {
        shares = s < 0 ? null : Long.toString(s);
    }

    /** The vCPU period in µs, 0 when unset. */
    public long period() {
        return period == null ? 0 : Long.parseLong(period);
    }

    /** The vCPU quota in µs, 0 when unset. */
    public long quota() {
        return quota == null ? 0 : Long.parseLong(quota);
    }

    /** The vCPU pins (live list). */
    public List<VcpuPin> vcpuPins() {
        return vcpupin;
    }

    /** The emulator pin, or {@code null}. */
    public Pin emulatorPin() {
        return emulatorpin;
    }

    /** The iothread pins (live list). */
    public List<IOThreadPin> iothreadPins() {
        return iothreadpin;
    }

    /** The vCPU schedulers (live list). */
    public List<VcpuSched> vcpuScheds() {
        return vcpusched;
    }

    /** The cache allocations (live list). */
    public List<CacheTune> cacheTunes() {
        return cachetune;
    }

    boolean isEmpty() {
        return shares == null && period == null && quota == null && globalPeriod == null && globalQuota == null
                && emulatorPeriod == null && emulatorQuota == null && iothreadPeriod == null && iothreadQuota == null
                && vcpupin.isEmpty() && emulatorpin == null && iothreadpin.isEmpty() && emulatorsched == null
                && vcpusched.isEmpty() && iothreadsched.isEmpty() && cachetune.isEmpty() && memorytune.isEmpty();
    }

    void normalise(int maxVcpus, java.util.Set<Integer> iothreadIds) {
        if (shares != null) {
            shares = Long.toString(DomainXml.parseUInt(shares, "can't parse cputune shares value"));
        }
        period = period(period, "period");
        globalPeriod = period(globalPeriod, "global period");
        emulatorPeriod = period(emulatorPeriod, "emulator period");
        iothreadPeriod = period(iothreadPeriod, "iothread period");
        quota = quota(quota, "quota");
        globalQuota = quota(globalQuota, "global quota");
        emulatorQuota = quota(emulatorQuota, "emulator quota");
        iothreadQuota = quota(iothreadQuota, "iothread quota");

        BitSet seen = new BitSet();
        for (VcpuPin p : vcpupin) {
            if (p.vcpu == null) {
                throw DomainXml.xmlError("missing vcpu id in vcpupin");
            }
            int id = (int) DomainXml.parseUInt(p.vcpu, "vcpu id must be an unsigned integer or -1");
            if (id >= maxVcpus) {
                throw DomainXml.configUnsupported("vcpu id must be lower than maxvcpus");
            }
            if (seen.get(id)) {
                throw DomainXml.internalError("duplicate vcpupin for vcpu '" + id + "'");
            }
            seen.set(id);
            p.vcpu = Integer.toString(id);
            p.cpuset = cpuset(p.cpuset);
        }
        vcpupin.sort(Comparator.comparingInt(VcpuPin::vcpu));
        if (emulatorpin != null) {
            emulatorpin.cpuset = cpuset(emulatorpin.cpuset);
        }
        for (IOThreadPin p : iothreadpin) {
            p.iothread = Long.toString(DomainXml.parseUInt(p.iothread, "invalid setting for iothread"));
            p.cpuset = cpuset(p.cpuset);
        }
        // libvirt 9.0 prints one <vcpusched> per vCPU, by policy then vCPU
        List<VcpuSched> split = new ArrayList<>();
        BitSet schedSeen = new BitSet();
        for (VcpuSched s : vcpusched) {
            DomainXml.checkEnum(s.scheduler, "scheduler", "batch", "idle", "fifo", "rr");
            BitSet b = CpuSet.parse(s.vcpus, "vcpus");
            if (b.intersects(schedSeen)) {
                throw DomainXml.detail("'vcpusched' attributes 'vcpus' must not overlap");
            }
            schedSeen.or(b);
            for (int i = b.nextSetBit(0); i >= 0 && i < maxVcpus; i = b.nextSetBit(i + 1)) {
                VcpuSched one = new VcpuSched();
                one.vcpus = Integer.toString(i);
                one.scheduler = s.scheduler;
                one.priority = s.scheduler.equals("fifo") || s.scheduler.equals("rr") ? s.priority : null;
                split.removeIf(x -> x.vcpus.equals(one.vcpus));
                split.add(one);
            }
        }
        List<String> policies = List.of("batch", "idle", "fifo", "rr");
        split.sort(Comparator.<VcpuSched>comparingInt(x -> policies.indexOf(x.scheduler))
                .thenComparingInt(x -> Integer.parseInt(x.vcpus)));
        vcpusched = split;
        List<IOThreadSched> isplit = new ArrayList<>();
        BitSet ioSchedSeen = new BitSet();
        for (IOThreadSched s : iothreadsched) {
            DomainXml.checkEnum(s.scheduler, "scheduler", "batch", "idle", "fifo", "rr");
            BitSet b = CpuSet.parse(s.iothreads, "iothreads");
            if (b.intersects(ioSchedSeen)) {
                throw DomainXml.detail("'iothreadsched' attributes 'iothreads' must not overlap");
            }
            ioSchedSeen.or(b);
            for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
                if (!iothreadIds.contains(i)) {
                    throw DomainXml.configUnsupported("Cannot find 'iothread' : " + i);
                }
            }
            for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
                IOThreadSched one = new IOThreadSched();
                one.iothreads = Integer.toString(i);
                one.scheduler = s.scheduler;
                one.priority = s.scheduler.equals("fifo") || s.scheduler.equals("rr") ? s.priority : null;
                isplit.add(one);
            }
        }
        isplit.sort(Comparator.<IOThreadSched>comparingInt(x -> policies.indexOf(x.scheduler))
                .thenComparingInt(x -> Integer.parseInt(x.iothreads)));
        iothreadsched = isplit;

        List<CacheTune> keep = new ArrayList<>();
        List<BitSet> groups = new ArrayList<>();
        for (CacheTune ct : cachetune) {
            BitSet b = CpuSet.parse(ct.vcpus, "vcpus");
            b.clear(maxVcpus, Math.max(maxVcpus, b.length()));
            if (b.isEmpty()) {
                continue;
            }
            for (BitSet g : groups) {
                if (g.equals(b)) {
                    throw DomainXml.xmlError("Identical vcpus in cachetunes found");
                }
                if (g.intersects(b)) {
                    throw DomainXml.xmlError("Overlapping vcpus in resctrls");
                }
            }
            groups.add(b);
            ct.vcpus = CpuSet.format(b);
            checkCacheCollisions(ct.cache);
            checkMonitors(ct.monitor, b, maxVcpus);
            for (Cache c : ct.cache) {
                long bytes = Units.toBytes(c.size, c.unit, 1, Long.MAX_VALUE, "size");
                String[] pretty = Units.pretty(bytes);
                c.size = pretty[0];
                c.unit = pretty[1];
            }
            for (Monitor m : ct.monitor) {
                m.vcpus = CpuSet.canonical(m.vcpus, "vcpus");
            }
            keep.add(ct);
        }
        cachetune = keep;
        for (MemoryTune mt : memorytune) {
            BitSet b = CpuSet.parse(mt.vcpus, "vcpus");
            b.clear(maxVcpus, Math.max(maxVcpus, b.length()));
            for (BitSet g : groups) {
                if (!g.equals(b) && g.intersects(b)) {
                    throw DomainXml.xmlError("Overlapping vcpus in resctrls");
                }
            }
            groups.add(b);
            java.util.Set<String> nodes = new java.util.HashSet<>();
            for (Node n : mt.node) {
                if (n.id != null && !nodes.add(n.id.trim())) {
                    throw DomainXml.xmlError("Memory Bandwidth already defined for node " + n.id.trim());
                }
            }
            checkMonitors(mt.monitor, b, maxVcpus);
            mt.vcpus = CpuSet.canonical(mt.vcpus, "vcpus");
            for (Monitor m : mt.monitor) {
                m.vcpus = CpuSet.canonical(m.vcpus, "vcpus");
            }
        }
    }

    /**
     * libvirt's {@code virResctrlAllocCheckCollision}: per cache level and id, one allocation per type, and
     * none besides one of type {@code both}.
     */
    private static void checkCacheCollisions(List<Cache> caches) {
        java.util.Map<String, java.util.Set<String>> types = new java.util.HashMap<>();
        for (Cache c : caches) {
            String key = c.level + "/" + c.id;
            java.util.Set<String> seen = types.computeIfAbsent(key, k -> new java.util.HashSet<>());
            String type = c.type == null ? "both" : c.type;
            if (seen.contains("both") || seen.contains(type) || type.equals("both") && !seen.isEmpty()) {
                throw DomainXml.xmlError("Colliding cache allocations for cache level '" + c.level + "' id '" + c.id
                        + "', type '" + type + "'");
            }
            seen.add(type);
        }
    }

    /** A monitor watches a subset of its allocation's vCPUs ({@code virDomainResctrlMonValidateVcpus}). */
    private static void checkMonitors(List<Monitor> monitors, BitSet alloc, int maxVcpus) {
        for (Monitor m : monitors) {
            if (m.vcpus == null) {
                continue;
            }
            BitSet mb = CpuSet.parse(m.vcpus, "vcpus");
            mb.clear(maxVcpus, Math.max(maxVcpus, mb.length()));
            BitSet outside = (BitSet) mb.clone();
            outside.andNot(alloc);
            if (!outside.isEmpty()) {
                throw org.jvirt.api.VirtException.of(org.jvirt.api.ErrorCode.INVALID_ARG,
                        org.jvirt.api.ErrorDomain.DOMAIN, "Monitor vcpus conflicts with allocation");
            }
        }
    }

    /** Drops what only a running domain has (resctrl allocation ids). */
    void stripLive() {
        for (CacheTune ct : cachetune) {
            ct.id = null;
        }
        for (MemoryTune mt : memorytune) {
            mt.id = null;
        }
    }

    boolean hasLive() {
        return cachetune.stream().anyMatch(c -> c.id != null) || memorytune.stream().anyMatch(m -> m.id != null);
    }

    private static String cpuset(String s) {
        if (s == null) {
            throw DomainXml.xmlError("missing cpuset for vcpupin");
        }
        return CpuSet.canonical(s, "cpuset");
    }

    private static String period(String v, String what) {
        if (v == null) {
            return null;
        }
        long p = DomainXml.parseUInt(v, "can't parse cputune " + what + " value");
        if (p == 0) {
            return null;
        }
        if (p < 1000 || p > 1000000) {
            throw DomainXml.configUnsupported("Value of cputune '" + what.replace(' ', '_')
                    + "' must be in range [1000, 1000000]");
        }
        return Long.toString(p);
    }

    private static String quota(String v, String what) {
        if (v == null) {
            return null;
        }
        long q;
        try {
            q = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw DomainXml.xmlError("can't parse cputune " + what + " value");
        }
        if (q == 0) {
            return null;
        }
        if (q > 0 && (q < 1000 || q > 17592186044415L) || q < -1) {
            throw DomainXml.configUnsupported("Value of cputune '" + what.replace(' ', '_')
                    + "' must be in range [1000, 17592186044415] or less than 0");
        }
        return Long.toString(q);
    }
}
