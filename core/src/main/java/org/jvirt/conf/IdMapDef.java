package org.jvirt.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <idmap>}: user namespace uid/gid maps of a container. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"uid", "gid"})
public class IdMapDef implements DeclaredOrder {
    private List<Range> uid = new ArrayList<>();
    private List<Range> gid = new ArrayList<>();

    /** Empty. */
    public IdMapDef() {
    }

    /** {@code <uid|gid start= target= count=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "IdMapDef.Range")
    public static class Range implements DeclaredOrder {
        @XmlAttribute String start;
        @XmlAttribute String target;
        @XmlAttribute String count;

        /** First id inside the container. */
        public long start() {
            return Long.parseLong(start);
        }

        /** First id on the host. */
        public long target() {
            return Long.parseLong(target);
        }

        /** Number of ids. */
        public long count() {
            return Long.parseLong(count);
        }
    }

    /** The uid ranges (live list). */
    public List<Range> uids() {
        return uid;
    }

    /** The gid ranges (live list). */
    public List<Range> gids() {
        return gid;
    }

    void normalise() {
        for (List<Range> l : List.of(uid, gid)) {
            for (Range r : l) {
                r.start = Long.toString(DomainXml.parseUInt(r.start, "invalid idmap start"));
                r.target = Long.toString(DomainXml.parseUInt(r.target, "invalid idmap target"));
                r.count = Long.toString(DomainXml.parseUInt(r.count, "invalid idmap count"));
            }
            l.sort(Comparator.comparingLong(Range::start));
            if (!l.isEmpty() && l.get(0).start() != 0) {
                throw DomainXml.xmlError("You must map the root user of container");
            }
        }
    }
}
