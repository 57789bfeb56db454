package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;

/** One {@code <vcpus><vcpu id= enabled= hotpluggable= order=/>}: the hot-plug state of a vCPU. */
@XmlAccessorType(XmlAccessType.FIELD)
public class VcpuDef implements DeclaredOrder {
    @XmlAttribute private String id;
    @XmlAttribute private String enabled;
    @XmlAttribute private String hotpluggable;
    @XmlAttribute private String order;

    /** For JAXB. */
    public VcpuDef() {
    }

    /** The vCPU id. */
    public int id() {
        return Integer.parseInt(id);
    }

    /** Whether it is online. */
    public boolean enabled() {
        return "yes".equals(enabled);
    }

    /** Whether it can be unplugged. */
    public boolean hotpluggable() {
        return "yes".equals(hotpluggable);
    }

    /** The hot-plug order, 0 when unset. */
    public int order() {
        return order == null ? 0 : Integer.parseInt(order);
    }

    void normalise(int max) {
        if (id == null) {
            throw DomainXml.xmlError("missing vcpu id");
        }
        long i = DomainXml.parseUInt(id, "invalid vcpu id '" + id + "'");
        if (i >= max) {
            throw DomainXml.configUnsupported("vcpu id '" + i + "' is out of range of maximum vcpu count");
        }
        id = Long.toString(i);
        enabled = DomainXml.yesNo(enabled, "enabled", "vcpu");
        if (enabled == null) {
            throw DomainXml.xmlError("missing vcpu enabled state");
        }
        hotpluggable = DomainXml.yesNo(hotpluggable, "hotpluggable", "vcpu");
        if (order != null) {
            long o = DomainXml.parseUInt(order, "failed to parse vcpu order");
            order = o == 0 ? null : Long.toString(o);
        }
    }
}
