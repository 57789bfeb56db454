package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <clock offset= adjustment= basis= timezone=>}: the guest clock and its timers. */
@XmlAccessorType(XmlAccessType.FIELD)
public class ClockDef implements DeclaredOrder {
    @XmlAttribute private String offset;
    @XmlAttribute private String adjustment;
    @XmlAttribute private String basis;
    @XmlAttribute private String timezone;
    @XmlAttribute private String start;
    @XmlElement(name = "timer") private List<Timer> timers = new ArrayList<>();

    /** A clock with the given offset (utc, localtime, timezone, variable, absolute). */
    public ClockDef() {
    }

    static ClockDef utc() {
        ClockDef c = new ClockDef();
        c.offset = "utc";
        return c;
    }

    /** {@code <timer name= present= tickpolicy= track= frequency= mode=>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ClockDef.Timer")
    public static class Timer implements DeclaredOrder {
        @XmlAttribute String name;
        @XmlAttribute String present;
        @XmlAttribute String tickpolicy;
        @XmlAttribute String track;
        @XmlAttribute String frequency;
        @XmlAttribute String mode;
        Catchup catchup;

        /** The timer (platform, rtc, pit, hpet, tsc, kvmclock, hypervclock, armvtimer). */
        public String name() {
            return name;
        }

        /** yes, no or {@code null}. */
        public String present() {
            return present;
        }

        /** delay, catchup, merge, discard or {@code null}. */
        public String tickpolicy() {
            return tickpolicy;
        }

        /** boot, guest, wall, realtime or {@code null}. */
        public String track() {
            return track;
        }
    }

    /** {@code <catchup threshold= slew= limit=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ClockDef.Catchup")
    public static class Catchup implements DeclaredOrder {
        @XmlAttribute String threshold;
        @XmlAttribute String slew;
        @XmlAttribute String limit;
    }

    /** The offset. */
    public String offset() {
        return offset;
    }

    /** The timezone (offset timezone), or {@code null}. */
    public String timezone() {
        return timezone;
    }

    /** The adjustment as written (seconds, or {@code reset}), or {@code null}. */
    public String adjustment() {
        return adjustment;
    }

    /** The start time in seconds since the epoch (offset absolute), or {@code null}. */
    public String start() {
        return start;
    }

    /** The timers (live list). */
    public List<Timer> timers() {
        return timers;
    }

    void normalise() {
        if (offset == null) {
            offset = "utc";
        }
        DomainXml.checkEnumAttr(offset, "offset", "clock", "utc", "localtime", "variable", "timezone", "absolute");
        switch (offset) {
            case "utc", "localtime" -> {
                if (adjustment != null && !adjustment.trim().equals("reset")) {
                    throw DomainXml.xmlError("unknown clock adjustment '" + adjustment + "'");
                }
                basis = null;
                timezone = null;
            }
            case "variable" -> {
                long adj = 0;
                if (adjustment != null) {
                    try {
                        adj = Long.parseLong(adjustment.trim());
                    } catch (NumberFormatException e) {
                        throw DomainXml.xmlError("variable clock adjustment '" + adjustment + "' is not a number");
                    }
                }
                adjustment = Long.toString(adj);
                if (basis == null) {
                    basis = "utc";
                }
                DomainXml.checkEnumAttr(basis, "basis", "clock", "utc", "localtime");
                timezone = null;
            }
            case "timezone" -> {
                if (timezone == null) {
                    throw DomainXml.xmlError("missing 'timezone' attribute for clock with offset='timezone'");
                }
                adjustment = null;
                basis = null;
            }
            default -> {
                adjustment = null;
                basis = null;
                timezone = null;
            }
        }
        for (Timer t : timers) {
            if (t.name == null) {
                throw DomainXml.xmlError("missing timer name");
            }
            DomainXml.checkEnumAttr(t.name, "name", "timer", "platform", "pit", "rtc", "hpet", "tsc", "kvmclock",
                    "hypervclock", "armvtimer");
            t.present = DomainXml.yesNo(t.present, "present", "timer");
            if (t.tickpolicy != null) {
                DomainXml.checkEnumAttr(t.tickpolicy, "tickpolicy", "timer", "delay", "catchup", "merge", "discard");
            }
            if (t.track != null) {
                if (!t.name.equals("platform") && !t.name.equals("rtc")) {
                    t.track = null;
                } else {
                    DomainXml.checkEnumAttr(t.track, "track", "timer", "boot", "guest", "wall", "realtime");
                }
            }
            if (t.name.equals("tsc")) {
                if (t.frequency != null) {
                    long f = DomainXml.parseUInt(t.frequency, "invalid timer frequency");
                    t.frequency = f == 0 ? null : Long.toString(f);
                }
                if (t.mode != null) {
                    DomainXml.checkEnumAttr(t.mode, "mode", "timer", "auto", "native", "emulate", "paravirt",
                            "smpsafe");
                }
            } else {
                t.frequency = null;
                t.mode = null;
            }
            if (t.catchup != null) {
                Catchup c = t.catchup;
                c.threshold = pos(c.threshold, "threshold");
                c.slew = pos(c.slew, "slew");
                c.limit = pos(c.limit, "limit");
                if (c.threshold == null && c.slew == null && c.limit == null) {
                    t.catchup = null;
                }
            }
        }
    }

    private static String pos(String v, String what) {
        if (v == null) {
            return null;
        }
        long n = DomainXml.parseUInt(v, "invalid catchup " + what + " value");
        return n == 0 ? null : Long.toString(n);
    }
}
