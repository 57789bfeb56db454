package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <blkiotune>}: the block I/O weight and per-device throttles. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"weight", "devices"})
public class BlkioTuneDef implements DeclaredOrder {
    private String weight;
    @XmlElement(name = "device") private List<Device> devices = new ArrayList<>();

    /** Empty. */
    public BlkioTuneDef() {
    }

    /** One {@code <device>}: a host block device path and its weight/throttles. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "BlkioTuneDef.Device", propOrder = {"path", "weight", "readIopsSec", "writeIopsSec", "readBytesSec", "writeBytesSec"})
    public static class Device implements DeclaredOrder {
        private String path;
        private String weight;
        @XmlElement(name = "read_iops_sec") private String readIopsSec;
        @XmlElement(name = "write_iops_sec") private String writeIopsSec;
        @XmlElement(name = "read_bytes_sec") private String readBytesSec;
        @XmlElement(name = "write_bytes_sec") private String writeBytesSec;

        /** The host device path. */
        public String path() {
            return path;
        }

        /** The weight, 0 when unset. */
        public long weight() {
            return weight == null ? 0 : Long.parseLong(weight);
        }

        void normalise() {
            if (path == null || path.isBlank()) {
                throw DomainXml.xmlError("missing per-device path");
            }
            weight = num(weight, "weight");
            readIopsSec = num(readIopsSec, "read_iops_sec");
            writeIopsSec = num(writeIopsSec, "write_iops_sec");
            readBytesSec = num(readBytesSec, "read_bytes_sec");
            writeBytesSec = num(writeBytesSec, "write_bytes_sec");
        }

        private static String num(String v, String what) {
            if (v == null) {
                return null;
            }
            long n = DomainXml.parseUInt(v, "could not parse " + what + " " + v.trim());
            return n == 0 ? null : Long.toString(n);
        }
    }

    /** The weight, 0 when unset. */
    public long weight() {
        return weight == null ? 0 : Long.parseLong(weight);
    }

    /** Sets the weight (0 removes it). */
    public void weight(long w) {
        weight = w == 0 ? null : Long.toString(w);
    }

    /** The per-device settings (live list). */
    public List<Device> devices() {
        return devices;
    }

    boolean isEmpty() {
        return weight == null && devices.isEmpty();
    }

    void normalise() {
        if (weight != null) {
            long w = DomainXml.parseUInt(weight, "invalid blkio weight");
            weight = w == 0 ? null : Long.toString(w);
        }
        for (Device d : devices) {
            d.normalise();
        }
    }
}
