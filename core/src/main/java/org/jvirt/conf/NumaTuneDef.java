package org.jvirt.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <numatune>}: host NUMA memory policy for the whole guest and per guest cell. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"memory", "memnode"})
public class NumaTuneDef implements DeclaredOrder {
    private Memory memory;
    private List<MemNode> memnode = new ArrayList<>();

    /** Empty. */
    public NumaTuneDef() {
    }

    /** {@code <memory mode= nodeset=|placement=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "NumaTuneDef.Memory")
    public static class Memory implements DeclaredOrder {
        @XmlAttribute String mode;
        @XmlAttribute String nodeset;
        @XmlAttribute String placement;

        /** The mode: strict, preferred, interleave, restrictive. */
        public String mode() {
            return mode;
        }

        /** The host nodes, {@code null} with automatic placement. */
        public String nodeset() {
            return nodeset;
        }

        /** The placement: static or auto. */
        public String placement() {
            return placement == null ? "static" : placement;
        }
    }

    /** {@code <memnode cellid= mode= nodeset=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "NumaTuneDef.MemNode")
    public static class MemNode implements DeclaredOrder {
        @XmlAttribute String cellid;
        @XmlAttribute String mode;
        @XmlAttribute String nodeset;

        /** The guest NUMA cell. */
        public int cellId() {
            return Integer.parseInt(cellid);
        }

        /** The mode. */
        public String mode() {
            return mode;
        }

        /** The host nodes. */
        public String nodeset() {
            return nodeset;
        }
    }

    /** The guest-wide policy, or {@code null}. */
    public Memory memory() {
        return memory;
    }

    /** The per-cell policies (live list). */
    public List<MemNode> memnodes() {
        return memnode;
    }

    private static final String[] MODES = {"strict", "preferred", "interleave", "restrictive"};

    void normalise(String vcpuPlacement, int cells) {
        if (memory != null) {
            Memory m = memory;
            if (m.mode == null) {
                m.mode = "strict";
            }
            DomainXml.checkEnum(m.mode, "numatune memory mode", MODES);
            if (m.placement != null) {
                DomainXml.checkEnum(m.placement, "numatune placement", "static", "auto");
            }
            if (m.nodeset != null) {
                String given = m.nodeset;
                m.nodeset = CpuSet.canonical(m.nodeset, "nodeset");
                if (m.nodeset.isEmpty()) {
                    throw DomainXml.configUnsupported("Invalid value of 'nodeset': " + given);
                }
                if ("auto".equals(m.placement)) {
                    throw DomainXml.xmlError("nodeset for NUMA memory tuning must not be specified if placement is 'auto'");
                }
                m.placement = null;
            } else if (m.placement == null || m.placement.equals("auto")) {
                m.placement = "auto";
            } else {
                throw DomainXml.configUnsupported("nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
            }
        }
        if (!memnode.isEmpty() && cells == 0) {
            throw DomainXml.xmlError("Element 'memnode' is invalid without any guest NUMA cells");
        }
        for (MemNode n : memnode) {
            if (n.cellid == null) {
                throw DomainXml.xmlError("Missing required cellid attribute in memnode element");
            }
            long id = DomainXml.parseUInt(n.cellid, "Invalid cellid attribute in memnode element: " + n.cellid);
            if (id >= cells) {
                throw DomainXml.xmlError("Argument 'cellid' in memnode element must correspond to existing guest's NUMA cell");
            }
            n.cellid = Long.toString(id);
            if (n.mode == null) {
                n.mode = "strict";
            }
            DomainXml.checkEnum(n.mode, "memnode mode", MODES);
            if (n.nodeset == null) {
                throw DomainXml.xmlError("Missing required nodeset attribute in memnode element");
            }
            n.nodeset = CpuSet.canonical(n.nodeset, "nodeset");
        }
        memnode.sort(Comparator.comparingInt(MemNode::cellId));
    }

    boolean isEmpty() {
        return memory == null && memnode.isEmpty();
    }
}
