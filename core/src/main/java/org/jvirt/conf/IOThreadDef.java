package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * {@code <iothreadids><iothread id= thread_pool_min= thread_pool_max=/>}, also used for
 * {@code <defaultiothread>} (no id).
 */
@XmlAccessorType(XmlAccessType.FIELD)
public class IOThreadDef implements DeclaredOrder {
    @XmlAttribute private String id;
    @XmlAttribute(name = "thread_pool_min") private String poolMin;
    @XmlAttribute(name = "thread_pool_max") private String poolMax;
    /** Added by parsing to reach the {@code <iothreads>} count (libvirt's autofill). */
    @XmlTransient boolean autofill;

    /** For JAXB. */
    public IOThreadDef() {
    }

    /** An iothread with the given id. */
    public IOThreadDef(int id) {
        this.id = Integer.toString(id);
    }

    /** The id ({@code 0} for the default iothread). */
    public int id() {
        return id == null ? 0 : Integer.parseInt(id);
    }

    /** The minimum worker pool size, -1 when unset. */
    public int threadPoolMin() {
        return poolMin == null ? -1 : Integer.parseInt(poolMin);
    }

    /** The maximum worker pool size, -1 when unset. */
    public int threadPoolMax() {
        return poolMax == null ? -1 : Integer.parseInt(poolMax);
    }

    void normalise(boolean needId) {
        if (needId) {
            if (id == null) {
                throw DomainXml.xmlError("Missing 'id' attribute in <iothread> element");
            }
            long i = DomainXml.parseUInt(id, "Invalid value '" + id + "' for attribute 'id' of element 'iothread'");
            if (i == 0) {
                throw DomainXml.xmlError("Invalid value '0' for attribute 'id' of element 'iothread': Zero is not permitted");
            }
            id = Long.toString(i);
        }
        String el = needId ? "iothread" : "defaultiothread";
        long min = poolMin == null ? -1 : DomainXml.parseUInt(poolMin,
                "Invalid value '" + poolMin + "' for attribute 'thread_pool_min' of element '" + el + "'");
        long max = poolMax == null ? -1 : DomainXml.parseUInt(poolMax,
                "Invalid value '" + poolMax + "' for attribute 'thread_pool_max' of element '" + el + "'");
        if (max == 0) {
            throw DomainXml.xmlError("thread_pool_max must be greater than 0");
        }
        if (min > max && max >= 0) {
            throw DomainXml.xmlError("thread_pool_min must be smaller or equal to thread_pool_max");
        }
        poolMin = min < 0 ? null : Long.toString(min);
        poolMax = max < 0 ? null : Long.toString(max);
    }

    boolean isEmpty() {
        return poolMin == null && poolMax == null;
    }
}
