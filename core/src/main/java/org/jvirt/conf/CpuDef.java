package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * The guest CPU, {@code <cpu mode= match= check= migratable=>}: model, vendor, topology, cache,
 * physical address bits, feature policies and the guest NUMA topology ({@link NumaCell}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"model", "vendor", "topology", "cache", "maxphysaddr", "features", "numa"})
public class CpuDef implements DeclaredOrder {
    @XmlAttribute private String mode;
    @XmlAttribute private String match;
    @XmlAttribute private String check;
    @XmlAttribute private String migratable;
    private Model model;
    private String vendor;
    private Topology topology;
    private Cache cache;
    private MaxPhysAddr maxphysaddr;
    @XmlElement(name = "feature") private List<Feature> features = new ArrayList<>();
    private Numa numa;

    /** Empty (custom mode, no model). */
    public CpuDef() {
    }

    /** {@code <model fallback= vendor_id=>name</model>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuDef.Model")
    public static class Model implements DeclaredOrder {
        @XmlAttribute String fallback;
        @XmlAttribute(name = "vendor_id") String vendorId;
        @XmlValue String name;
    }

    /** {@code <topology sockets= dies= cores= threads=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuDef.Topology")
    public static class Topology implements DeclaredOrder {
        @XmlAttribute String sockets;
        @XmlAttribute String dies;
        @XmlAttribute String cores;
        @XmlAttribute String threads;

        /** For JAXB. */
        public Topology() {
        }

        /** A topology. */
        public Topology(int sockets, int dies, int cores, int threads) {
            this.sockets = Integer.toString(sockets);
            this.dies = Integer.toString(dies);
            this.cores = Integer.toString(cores);
            this.threads = Integer.toString(threads);
        }

        /** Sockets. */
        public int sockets() {
            return Integer.parseInt(sockets);
        }

        /** Dies per socket. */
        public int dies() {
            return Integer.parseInt(dies);
        }

        /** Cores per die. */
        public int cores() {
            return Integer.parseInt(cores);
        }

        /** Threads per core. */
        public int threads() {
            return Integer.parseInt(threads);
        }
    }

    /** {@code <cache level= mode=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuDef.Cache")
    public static class Cache implements DeclaredOrder {
        @XmlAttribute String level;
        @XmlAttribute String mode;
    }

    /** {@code <maxphysaddr mode= bits=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuDef.MaxPhysAddr")
    public static class MaxPhysAddr implements DeclaredOrder {
        @XmlAttribute String mode;
        @XmlAttribute String bits;
    }

    /** {@code <feature policy= name=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuDef.Feature")
    public static class Feature implements DeclaredOrder {
        @XmlAttribute String policy;
        @XmlAttribute String name;

        /** For JAXB. */
        public Feature() {
        }

        /** A feature with a policy (force, require, optional, disable, forbid). */
        public Feature(String policy, String name) {
            this.policy = policy;
            this.name = name;
        }

        /** The policy. */
        public String policy() {
            return policy;
        }

        /** The feature name. */
        public String name() {
            return name;
        }
    }

    /** {@code <numa>}: cells and the interconnects between them. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CpuDef.Numa", propOrder = {"cells", "interconnects"})
    public static class Numa implements DeclaredOrder {
        @XmlElement(name = "cell") List<NumaCell> cells = new ArrayList<>();
        Generic interconnects;
    }

    /** custom, host-model, host-passthrough or maximum. */
    public String mode() {
        return mode == null ? "custom" : mode;
    }

    /** Sets the mode. */
    public void mode(String m) {
        mode = m;
    }

    /** minimum, exact, strict or {@code null}. */
    public String match() {
        return match;
    }

    /** none, partial, full or {@code null}. */
    public String check() {
        return check;
    }

    /** Sets the match (minimum, exact, strict; {@code null} removes it). */
    public void match(String m) {
        match = m;
    }

    /** Sets the check (none, partial, full; {@code null} removes it). */
    public void check(String c) {
        check = c;
    }

    /** Sets the model's fallback (allow, forbid); needs a model. */
    public void fallback(String f) {
        if (model == null) {
            model = new Model();
        }
        model.fallback = f;
    }

    /** The model name, or {@code null}. */
    public String model() {
        return model == null || model.name == null || model.name.isEmpty() ? null : model.name;
    }

    /** Sets the model name (custom mode). */
    public void model(String name) {
        if (model == null) {
            model = new Model();
        }
        model.name = name;
    }

    /** The model fallback (allow/forbid), or {@code null}. */
    public String fallback() {
        return model == null ? null : model.fallback;
    }

    /** The vendor, or {@code null}. */
    public String vendor() {
        return vendor;
    }

    /** The topology, or {@code null}. */
    public Topology topology() {
        return topology;
    }

    /** Sets the topology. */
    public void topology(Topology t) {
        topology = t;
    }

    /** The feature policies (live list). */
    public List<Feature> features() {
        return features;
    }

    /** The guest NUMA cells (live list; empty without NUMA). */
    public List<NumaCell> numaCells() {
        if (numa == null) {
            numa = new Numa();
        }
        return numa.cells;
    }

    /** The NUMA interconnects (latency/bandwidth), or {@code null}. */
    public Generic numaInterconnects() {
        return numa == null ? null : numa.interconnects;
    }

    int cellCount() {
        return numa == null ? 0 : numa.cells.size();
    }

    long numaMemoryKiB() {
        long sum = 0;
        if (numa != null) {
            for (NumaCell c : numa.cells) {
                sum += c.memoryKiB();
            }
        }
        return sum;
    }

    /** Whether libvirt would write anything for this element. */
    boolean isEmpty() {
        return "custom".equals(mode()) && model() == null && vendor == null && topology == null && cache == null
                && maxphysaddr == null && features.isEmpty() && cellCount() == 0 && check == null;
    }

    void normalise(int maxVcpus) {
        if (mode != null) {
            DomainXml.checkEnumAttr(mode, "mode", "cpu", "custom", "host-model", "host-passthrough", "maximum");
        }
        String m = mode();
        if (check != null) {
            DomainXml.checkEnumAttr(check, "check", "cpu", "none", "partial", "full");
        }
        if (m.equals("host-passthrough") || m.equals("maximum")) {
            migratable = DomainXml.onOff(migratable, "migratable", "cpu");
        } else {
            migratable = null;
        }
        if (model != null && model.name != null) {
            model.name = model.name.trim();
        }
        if (model != null && model.fallback != null) {
            DomainXml.checkEnumAttr(model.fallback, "fallback", "model", "allow", "forbid");
        }
        boolean hasModel = model() != null || model != null && model.vendorId != null;
        if (m.equals("custom") && model() == null) {
            if (vendor != null) {
                throw DomainXml.xmlError("CPU vendor specified without CPU model");
            }
        }
        if (!hasModel || m.equals("host-passthrough") || m.equals("maximum")) {
            if (m.equals("host-passthrough") || m.equals("maximum")) {
                model = null;
            } else if (!hasModel) {
                model = null;
            }
        }
        if (model != null) {
            if ((m.equals("custom") || m.equals("host-model")) && model.fallback == null) {
                model.fallback = "allow";
            }
            if (model.vendorId != null && model.vendorId.length() != 12) {
                throw DomainXml.xmlError("vendor_id must be exactly 12 characters long");
            }
        }
        if (m.equals("custom")) {
            if (model() != null) {
                mode = "custom";
                if (match == null) {
                    match = "exact";
                }
                DomainXml.checkEnumAttr(match, "match", "cpu", "minimum", "exact", "strict");
            } else {
                mode = null;
                match = null;
            }
        } else {
            match = null;
        }
        if (topology != null) {
            Topology t = topology;
            t.sockets = topo(t.sockets, "sockets");
            t.dies = t.dies == null ? "1" : topo(t.dies, "dies");
            t.cores = topo(t.cores, "cores");
            t.threads = topo(t.threads, "threads");
        }
        if (cache != null) {
            DomainXml.checkEnumAttr(cache.mode, "mode", "cache", "emulate", "passthrough", "disable");
            if (cache.level != null) {
                cache.level = Long.toString(DomainXml.parseUInt(cache.level, "invalid CPU cache level"));
            }
        }
        if (maxphysaddr != null) {
            DomainXml.checkEnumAttr(maxphysaddr.mode, "mode", "maxphysaddr", "emulate", "passthrough");
            if (maxphysaddr.bits != null) {
                maxphysaddr.bits = Long.toString(DomainXml.parseUInt(maxphysaddr.bits,
                        "Invalid value '" + maxphysaddr.bits + "' for attribute 'bits' of element 'maxphysaddr'"));
            }
        }
        for (Feature f : features) {
            if (f.name == null) {
                throw DomainXml.xmlError("Invalid CPU feature name");
            }
            if (f.policy == null) {
                f.policy = "require";
            }
            DomainXml.checkEnumAttr(f.policy, "policy", "feature", "force", "require", "optional", "disable", "forbid");
        }
        if (numa != null) {
            if (numa.cells.isEmpty() && numa.interconnects == null) {
                numa = null;
            } else {
                for (int i = 0; i < numa.cells.size(); i++) {
                    numa.cells.get(i).normalise(i, maxVcpus);
                }
            }
        }
    }

    private static String topo(String v, String what) {
        if (v == null) {
            throw DomainXml.xmlError("Missing '" + what + "' attribute in CPU topology");
        }
        long n = DomainXml.parseUInt(v, "Invalid '" + what + "' attribute in CPU topology");
        if (n == 0) {
            throw DomainXml.xmlError("Invalid '" + what + "' attribute in CPU topology");
        }
        return Long.toString(n);
    }
}
