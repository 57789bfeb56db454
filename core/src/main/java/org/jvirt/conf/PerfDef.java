package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <perf>}: perf events collected for the guest. */
@XmlAccessorType(XmlAccessType.FIELD)
public class PerfDef implements DeclaredOrder {
    static final List<String> EVENTS = List.of("cmt", "mbmt", "mbml", "cpu_cycles", "instructions",
            "cache_references", "cache_misses", "branch_instructions", "branch_misses", "bus_cycles",
            "stalled_cycles_frontend", "stalled_cycles_backend", "ref_cpu_cycles", "cpu_clock", "task_clock",
            "page_faults", "context_switches", "cpu_migrations", "page_faults_min", "page_faults_maj",
            "alignment_faults", "emulation_faults");

    @XmlElement(name = "event") private List<Event> events = new ArrayList<>();

    /** Empty. */
    public PerfDef() {
    }

    /** {@code <event name= enabled=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "PerfDef.Event")
    public static class Event implements DeclaredOrder {
        @XmlAttribute String name;
        @XmlAttribute String enabled;

        /** The event name. */
        public String name() {
            return name;
        }

        /** Whether it is collected. */
        public boolean enabled() {
            return "yes".equals(enabled);
        }
    }

    /** The events (live list), in libvirt's order after parsing. */
    public List<Event> events() {
        return events;
    }

    void normalise() {
        for (Event e : events) {
            if (e.name == null) {
                throw DomainXml.xmlError("missing name for event");
            }
            if (!EVENTS.contains(e.name)) {
                throw DomainXml.xmlError("'unsupported event name'" + e.name);
            }
            e.enabled = DomainXml.yesNo(e.enabled, "enabled", "event");
            if (e.enabled == null) {
                throw DomainXml.xmlError("invalid perf event state for " + e.name);
            }
        }
        List<Event> sorted = new ArrayList<>();
        for (String n : EVENTS) {
            events.stream().filter(e -> e.name.equals(n)).findFirst().ifPresent(sorted::add);
        }
        events = sorted;
    }
}
