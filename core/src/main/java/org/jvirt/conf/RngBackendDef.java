package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlMixed;

/**
 * An rng {@code <backend model= type=>}: {@code random} carries the host device path as text,
 * {@code egd} a character-device source and protocol as children, {@code builtin} nothing.
 * Children are kept verbatim.
 */
@XmlAccessorType(XmlAccessType.FIELD)
public class RngBackendDef implements DeclaredOrder {
    @XmlAttribute private String model;
    @XmlAttribute private String type;
    @XmlMixed @XmlAnyElement private List<Object> content = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public RngBackendDef() {
    }

    /** The backend model: random, egd or builtin. */
    public String model() {
        return model;
    }

    /** Sets the backend model. */
    public RngBackendDef model(String v) {
        model = v;
        return this;
    }

    /** The egd chardev type (tcp, udp, unix, ...), or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets the egd chardev type. */
    public RngBackendDef type(String v) {
        type = v;
        return this;
    }

    /** The random backend's device path (the text content), or {@code null}. */
    public String path() {
        StringBuilder b = new StringBuilder();
        for (Object o : content) {
            if (o instanceof String s) {
                b.append(s);
            }
        }
        String t = b.toString().trim();
        return t.isEmpty() ? null : t;
    }

    /** Text and child elements (live list). */
    public List<Object> content() {
        return content;
    }
}
