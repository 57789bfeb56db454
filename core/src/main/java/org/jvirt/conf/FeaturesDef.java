package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * {@code <features>}: hypervisor features, in libvirt's order (its {@code virDomainFeature} enum). Each is
 * {@code null} when absent. On/off features are written {@code state='on|off'} as libvirt does, even when
 * the input used the short {@code <hap/>} form; the historic {@code <acpi/>}-style flags stay bare.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"acpi", "apic", "pae", "hap", "viridian", "privnet", "hyperv", "kvm", "pvspinlock",
    "capabilities", "pmu", "vmport", "gic", "smm", "ioapic", "hpt", "vmcoreinfo", "htm", "nestedHv", "msrs",
    "ccfAssist", "xen", "cfpc", "sbbc", "ibs", "tcg"})
public class FeaturesDef implements DeclaredOrder {
    private Flag acpi;
    private Apic apic;
    private Flag pae;
    private State hap;
    private Flag viridian;
    private Flag privnet;
    private Hyperv hyperv;
    private Kvm kvm;
    private State pvspinlock;
    private Generic capabilities;
    private State pmu;
    private State vmport;
    private Gic gic;
    private Smm smm;
    private Ioapic ioapic;
    private Hpt hpt;
    private State vmcoreinfo;
    private State htm;
    @XmlElement(name = "nested-hv") private State nestedHv;
    private Msrs msrs;
    @XmlElement(name = "ccf-assist") private State ccfAssist;
    private Xen xen;
    private Value cfpc;
    private Value sbbc;
    private Value ibs;
    private Tcg tcg;

    /** Empty. */
    public FeaturesDef() {
    }

    /** {@code <x state='on|off'/>}, also the sub-features of hyperv, kvm and xen. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.State")
    public static class State implements DeclaredOrder {
        @XmlAttribute String state;

        /** For JAXB. */
        public State() {
        }

        State(boolean on) {
            state = on ? "on" : "off";
        }

        /** Whether the feature is on. */
        public boolean on() {
            return "on".equals(state);
        }
    }

    /** A hyperv enlightenment: {@code state}, plus {@code retries} (spinlocks), {@code value} (vendor_id), {@code <direct>} (stimer). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.HvFeature")
    public static class HvFeature implements DeclaredOrder {
        @XmlAttribute String state;
        @XmlAttribute String retries;
        @XmlAttribute String value;
        State direct;

        /** Whether the enlightenment is on. */
        public boolean on() {
            return "on".equals(state);
        }

        /** The spinlock retries, or {@code null}. */
        public String retries() {
            return retries;
        }

        /** The vendor id value, or {@code null}. */
        public String value() {
            return value;
        }

        /** Whether stimer direct mode is on. */
        public boolean direct() {
            return direct != null && direct.on();
        }
    }

    /** {@code <apic eoi=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Apic")
    public static class Apic implements DeclaredOrder {
        @XmlAttribute String eoi;
    }

    /** {@code <hyperv mode=>} and its enlightenments in libvirt's order. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Hyperv", propOrder = {"relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic", "stimer", "reset",
        "vendorId", "frequencies", "reenlightenment", "tlbflush", "ipi", "evmcs", "avic"})
    public static class Hyperv implements DeclaredOrder {
        @XmlAttribute String mode;
        HvFeature relaxed;
        HvFeature vapic;
        HvFeature spinlocks;
        HvFeature vpindex;
        HvFeature runtime;
        HvFeature synic;
        HvFeature stimer;
        HvFeature reset;
        @XmlElement(name = "vendor_id") HvFeature vendorId;
        HvFeature frequencies;
        HvFeature reenlightenment;
        HvFeature tlbflush;
        HvFeature ipi;
        HvFeature evmcs;
        HvFeature avic;

        /** custom or passthrough. */
        public String mode() {
            return mode;
        }

        /** All enlightenments by libvirt name, absent ones {@code null}. */
        public java.util.Map<String, HvFeature> features() {
            java.util.Map<String, HvFeature> m = new java.util.LinkedHashMap<>();
            m.put("relaxed", relaxed);
            m.put("vapic", vapic);
            m.put("spinlocks", spinlocks);
            m.put("vpindex", vpindex);
            m.put("runtime", runtime);
            m.put("synic", synic);
            m.put("stimer", stimer);
            m.put("reset", reset);
            m.put("vendor_id", vendorId);
            m.put("frequencies", frequencies);
            m.put("reenlightenment", reenlightenment);
            m.put("tlbflush", tlbflush);
            m.put("ipi", ipi);
            m.put("evmcs", evmcs);
            m.put("avic", avic);
            return m;
        }

        void normalise() {
            if (mode == null) {
                mode = "custom";
            }
            DomainXml.checkEnumAttr(mode, "mode", "hyperv", "custom", "passthrough");
            for (var e : features().entrySet()) {
                HvFeature f = e.getValue();
                if (f == null) {
                    continue;
                }
                f.state = DomainXml.onOffRequired(f.state, "state", e.getKey());
                if (e.getKey().equals("spinlocks")) {
                    if (f.on()) {
                        if (f.retries == null) {
                            throw DomainXml.xmlError("Missing required attribute 'retries' in element 'spinlocks'");
                        }
                        long r = DomainXml.parseUInt(f.retries, "Invalid value '" + f.retries
                                + "' for attribute 'retries' of element 'spinlocks'");
                        if (r < 0xFFF) {
                            throw DomainXml.xmlError("HyperV spinlock retry count must be at least 4095");
                        }
                        f.retries = Long.toString(r);
                    } else {
                        f.retries = null;
                    }
                } else {
                    f.retries = null;
                }
                if (e.getKey().equals("vendor_id") && f.on()) {
                    if (f.value == null) {
                        throw DomainXml.xmlError("missing 'value' attribute for HyperV feature 'vendor_id'");
                    }
                    if (f.value.length() > 12) {
                        throw DomainXml.xmlError("HyperV vendor_id value must not be more than 12 characters.");
                    }
                } else {
                    f.value = null;
                }
                if (e.getKey().equals("stimer") && f.direct != null) {
                    f.direct.state = DomainXml.onOffRequired(f.direct.state, "state", "direct");
                } else {
                    f.direct = null;
                }
            }
        }
    }

    /** {@code <kvm>} features. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Kvm", propOrder = {"hidden", "hintDedicated", "pollControl", "pvIpi", "dirtyRing"})
    public static class Kvm implements DeclaredOrder {
        State hidden;
        @XmlElement(name = "hint-dedicated") State hintDedicated;
        @XmlElement(name = "poll-control") State pollControl;
        @XmlElement(name = "pv-ipi") State pvIpi;
        @XmlElement(name = "dirty-ring") DirtyRing dirtyRing;

        /** Whether the KVM signature is hidden. */
        public boolean hidden() {
            return hidden != null && hidden.on();
        }

        /**
         * The state of a named KVM feature, or {@code null} when unset.
         *
         * @param name {@code hidden}, {@code hint-dedicated}, {@code poll-control} or {@code pv-ipi}
         * @return whether it is on
         */
        public Boolean state(String name) {
            State s = switch (name) {
                case "hidden" -> hidden;
                case "hint-dedicated" -> hintDedicated;
                case "poll-control" -> pollControl;
                case "pv-ipi" -> pvIpi;
                default -> null;
            };
            return s == null ? null : s.on();
        }

        /** The dirty ring size, 0 when off or unset. */
        public long dirtyRingSize() {
            return dirtyRing == null || !dirtyRing.on() || dirtyRing.size == null ? 0 : Long.parseLong(dirtyRing.size);
        }

        void normalise() {
            hidden = req(hidden, "hidden");
            hintDedicated = req(hintDedicated, "hint-dedicated");
            pollControl = req(pollControl, "poll-control");
            pvIpi = req(pvIpi, "pv-ipi");
            if (dirtyRing != null) {
                dirtyRing.state = DomainXml.onOffRequired(dirtyRing.state, "state", "dirty-ring");
                if (dirtyRing.on() && dirtyRing.size != null) {
                    long s = DomainXml.parseUInt(dirtyRing.size, "Invalid value '" + dirtyRing.size
                            + "' for attribute 'size' of element 'dirty-ring'");
                    if (Long.bitCount(s) != 1 || s < 1024 || s > 65536) {
                        throw DomainXml.xmlError("dirty ring must be power of 2 and ranges [1024, 65536]");
                    }
                    dirtyRing.size = Long.toString(s);
                } else if (!dirtyRing.on()) {
                    dirtyRing.size = null;
                }
            }
        }
    }

    /** {@code <dirty-ring state= size=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.DirtyRing")
    public static class DirtyRing implements DeclaredOrder {
        @XmlAttribute String state;
        @XmlAttribute String size;

        boolean on() {
            return "on".equals(state);
        }
    }

    /** {@code <gic version=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Gic")
    public static class Gic implements DeclaredOrder {
        @XmlAttribute String version;

        /** 2, 3, host, or {@code null}. */
        public String version() {
            return version;
        }
    }

    /** {@code <smm state=><tseg unit='MiB'>N</tseg></smm>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Smm")
    public static class Smm implements DeclaredOrder {
        @XmlAttribute String state;
        Sized tseg;

        /** Whether SMM is on. */
        public boolean on() {
            return "on".equals(state);
        }

        /** The TSEG size in MiB, -1 when unset. */
        public long tsegMiB() {
            return tseg == null ? -1 : Long.parseLong(tseg.value);
        }
    }

    /** A size element: {@code <x unit=>N</x>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Sized")
    public static class Sized implements DeclaredOrder {
        @XmlAttribute String unit;
        @XmlValue String value;

        Sized() {
        }

        Sized(long v, String unit) {
            this.value = Long.toString(v);
            this.unit = unit;
        }
    }

    /** {@code <ioapic driver=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Ioapic")
    public static class Ioapic implements DeclaredOrder {
        @XmlAttribute String driver;

        /** kvm or qemu. */
        public String driver() {
            return driver;
        }
    }

    /** {@code <hpt resizing=><maxpagesize unit=>N</maxpagesize></hpt>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Hpt")
    public static class Hpt implements DeclaredOrder {
        @XmlAttribute String resizing;
        Sized maxpagesize;
    }

    /** {@code <msrs unknown='ignore|fault'/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Msrs")
    public static class Msrs implements DeclaredOrder {
        @XmlAttribute String unknown;
    }

    /** {@code <xen>}: e820_host and passthrough. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Xen", propOrder = {"e820Host", "passthrough"})
    public static class Xen implements DeclaredOrder {
        @XmlElement(name = "e820_host") State e820Host;
        Passthrough passthrough;
    }

    /** {@code <passthrough state= mode=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Passthrough")
    public static class Passthrough implements DeclaredOrder {
        @XmlAttribute String state;
        @XmlAttribute String mode;
    }

    /** {@code <cfpc value=/>} and alike. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Value")
    public static class Value implements DeclaredOrder {
        @XmlAttribute String value;

        /** The value. */
        public String value() {
            return value;
        }
    }

    /** {@code <tcg><tb-cache unit='KiB'>N</tb-cache></tcg>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeaturesDef.Tcg")
    public static class Tcg implements DeclaredOrder {
        @XmlElement(name = "tb-cache") Sized tbCache;
    }

    // ---- accessors ----

    /** ACPI. */
    public boolean acpi() {
        return acpi != null;
    }

    /** Sets ACPI. */
    public void acpi(boolean on) {
        acpi = Flag.of(on);
    }

    /** APIC. */
    public boolean apic() {
        return apic != null;
    }

    /** Sets APIC. */
    public void apic(boolean on) {
        apic = on ? new Apic() : null;
    }

    /** PAE. */
    public boolean pae() {
        return pae != null;
    }

    /** The hap state, or {@code null}. */
    public State hap() {
        return hap;
    }

    /** The hyperv enlightenments, or {@code null}. */
    public Hyperv hyperv() {
        return hyperv;
    }

    /** The KVM features, or {@code null}. */
    public Kvm kvm() {
        return kvm;
    }

    /** pvspinlock, or {@code null}. */
    public State pvspinlock() {
        return pvspinlock;
    }

    /** pmu, or {@code null}. */
    public State pmu() {
        return pmu;
    }

    /** vmport, or {@code null}. */
    public State vmport() {
        return vmport;
    }

    /** The GIC, or {@code null}. */
    public Gic gic() {
        return gic;
    }

    /** Sets the GIC version ({@code null} removes the element). */
    public void gicVersion(String version) {
        if (version == null) {
            gic = null;
        } else {
            gic = new Gic();
            gic.version = version;
        }
    }

    /** SMM, or {@code null}. */
    public Smm smm() {
        return smm;
    }

    /** The IOAPIC, or {@code null}. */
    public Ioapic ioapic() {
        return ioapic;
    }

    /** vmcoreinfo, or {@code null}. */
    public State vmcoreinfo() {
        return vmcoreinfo;
    }

    /** The MSR policy, or {@code null}. */
    public String msrsUnknown() {
        return msrs == null ? null : msrs.unknown;
    }

    /** The TCG translation block cache in KiB, -1 when unset. */
    public long tcgTbCacheKiB() {
        return tcg == null || tcg.tbCache == null ? -1 : Long.parseLong(tcg.tbCache.value);
    }

    private static State opt(State s, String name) {
        if (s != null) {
            s.state = DomainXml.onOff(s.state, "state", name);
            if (s.state == null) {
                s.state = "on";
            }
        }
        return s;
    }

    private static State req(State s, String name) {
        if (s != null) {
            s.state = DomainXml.onOffRequired(s.state, "state", name);
        }
        return s;
    }

    void normalise() {
        if (apic != null) {
            apic.eoi = DomainXml.onOff(apic.eoi, "eoi", "apic");
        }
        hap = opt(hap, "hap");
        pmu = opt(pmu, "pmu");
        pvspinlock = opt(pvspinlock, "pvspinlock");
        vmport = opt(vmport, "vmport");
        vmcoreinfo = opt(vmcoreinfo, "vmcoreinfo");
        htm = req(htm, "htm");
        nestedHv = req(nestedHv, "nested-hv");
        ccfAssist = req(ccfAssist, "ccf-assist");
        if (hyperv != null) {
            hyperv.normalise();
        }
        if (kvm != null) {
            kvm.normalise();
        }
        if (smm != null) {
            smm.state = DomainXml.onOff(smm.state, "state", "smm");
            if (smm.state == null) {
                smm.state = "on";
            }
            if (smm.tseg != null) {
                if (!smm.on()) {
                    throw DomainXml.xmlError("Unable to parse tseg size when SMM is disabled");
                }
                long bytes = Units.toBytes(smm.tseg.value, smm.tseg.unit, 1024 * 1024, Long.MAX_VALUE,
                        "./features/smm/tseg");
                if (bytes % (1024 * 1024) != 0) {
                    throw DomainXml.xmlError("tseg size must be multiple of MiB");
                }
                smm.tseg = new Sized(bytes / (1024 * 1024), "MiB");
            }
        }
        if (gic != null && gic.version != null) {
            DomainXml.checkEnumAttr(gic.version, "version", "gic", "2", "3", "host");
        }
        if (ioapic != null) {
            if (ioapic.driver == null) {
                ioapic = null;
            } else {
                DomainXml.checkEnumAttr(ioapic.driver, "driver", "ioapic", "qemu", "kvm");
            }
        }
        if (hpt != null) {
            if (hpt.resizing != null) {
                DomainXml.checkEnumAttr(hpt.resizing, "resizing", "hpt", "enabled", "disabled", "required");
            }
            if (hpt.maxpagesize != null) {
                hpt.maxpagesize = new Sized(Units.toKiB(hpt.maxpagesize.value, hpt.maxpagesize.unit,
                        "./features/hpt/maxpagesize"), "KiB");
            }
            if (hpt.resizing == null && hpt.maxpagesize == null) {
                hpt = null;
            }
        }
        if (msrs != null) {
            if (msrs.unknown == null) {
                throw DomainXml.xmlError("Missing required attribute 'unknown' in element 'msrs'");
            }
            DomainXml.checkEnumAttr(msrs.unknown, "unknown", "msrs", "ignore", "fault");
        }
        if (xen != null) {
            xen.e820Host = req(xen.e820Host, "e820_host");
            if (xen.passthrough != null) {
                xen.passthrough.state = DomainXml.onOffRequired(xen.passthrough.state, "state", "passthrough");
                if (xen.passthrough.mode != null) {
                    DomainXml.checkEnumAttr(xen.passthrough.mode, "mode", "passthrough", "sync_pt", "share_pt");
                }
            }
        }
        cfpc = value(cfpc, "cfpc", "broken", "workaround", "fixed");
        sbbc = value(sbbc, "sbbc", "broken", "workaround", "fixed");
        ibs = value(ibs, "ibs", "broken", "workaround", "fixed-ibs", "fixed-ccd", "fixed-na");
        if (tcg != null) {
            if (tcg.tbCache == null) {
                tcg = null;
            } else {
                tcg.tbCache = new Sized(Units.toKiB(tcg.tbCache.value, tcg.tbCache.unit, "./features/tcg/tb-cache"),
                        "KiB");
            }
        }
    }

    private static Value value(Value v, String name, String... allowed) {
        if (v != null) {
            if (v.value == null) {
                throw DomainXml.xmlError("Missing required attribute 'value' in element '" + name + "'");
            }
            DomainXml.checkEnumAttr(v.value, "value", name, allowed);
        }
        return v;
    }
}
