package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <memtune>}: memory cgroup limits, each normalised to KiB on parse. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"hardLimit", "softLimit", "minGuarantee", "swapHardLimit"})
public class MemTuneDef implements DeclaredOrder {
    @XmlElement(name = "hard_limit") private DomainDef.Memory hardLimit;
    @XmlElement(name = "soft_limit") private DomainDef.Memory softLimit;
    @XmlElement(name = "min_guarantee") private DomainDef.Memory minGuarantee;
    @XmlElement(name = "swap_hard_limit") private DomainDef.Memory swapHardLimit;

    /** Empty. */
    public MemTuneDef() {
    }

    /** The hard limit in KiB, -1 when unset. */
    public long hardLimitKiB() {
        return hardLimit == null ? -1 : hardLimit.kib();
    }

    /** The soft limit in KiB, -1 when unset. */
    public long softLimitKiB() {
        return softLimit == null ? -1 : softLimit.kib();
    }

    /** The minimum guarantee in KiB, -1 when unset. */
    public long minGuaranteeKiB() {
        return minGuarantee == null ? -1 : minGuarantee.kib();
    }

    /** The swap hard limit in KiB, -1 when unset. */
    public long swapHardLimitKiB() {
        return swapHardLimit == null ? -1 : swapHardLimit.kib();
    }

    /** Sets the hard limit in KiB (negative removes it). */
    public void hardLimitKiB(long kib) {
        hardLimit = kib < 0 ? null : new DomainDef.Memory(kib);
    }

    void normalise() {
        hardLimit = norm(hardLimit, "./memtune/hard_limit[1]");
        softLimit = norm(softLimit, "./memtune/soft_limit[1]");
        minGuarantee = norm(minGuarantee, "./memtune/min_guarantee[1]");
        swapHardLimit = norm(swapHardLimit, "./memtune/swap_hard_limit[1]");
        if (hardLimit != null && swapHardLimit != null && swapHardLimit.kib() < hardLimit.kib()) {
            throw DomainXml.xmlError("swap_hard_limit cannot be less than hard_limit");
        }
    }

    private static DomainDef.Memory norm(DomainDef.Memory m, String what) {
        if (m == null) {
            return null;
        }
        long kib = Units.toKiB(m.value(), m.unit(), what);
        // libvirt treats the "unlimited" value (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED) as unset
        return kib >= 9007199254740991L ? null : new DomainDef.Memory(kib);
    }
}
