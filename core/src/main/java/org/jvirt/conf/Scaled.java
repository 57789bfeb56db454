package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlValue;

/** A storage size with its unit as written ({@code <capacity unit='G'>10</capacity>}); normalised to bytes. */
@XmlAccessorType(XmlAccessType.FIELD)
public class Scaled {
    @XmlAttribute private String unit;
    @XmlValue private String value;

    /** For JAXB. */
    public Scaled() {
    }

    /** A size in bytes. */
    public Scaled(long bytes) {
        unit = "bytes";
        value = Long.toString(bytes);
    }

    /** The size in bytes; valid after parsing. */
    public long bytes() {
        return Long.parseLong(value.trim());
    }

    /** The unit as written. */
    public String unit() {
        return unit;
    }

    void unit(String u) {
        unit = u;
    }

    static Scaled normalise(Scaled s, String what) {
        if (s == null) {
            return null;
        }
        return new Scaled(Units.toBytes(s.value, s.unit, 1, Long.MAX_VALUE, what));
    }
}
