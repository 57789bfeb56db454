package org.jvirt.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A network disk source host: {@code <host name= port= transport= socket=/>}.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"extra"})
public class DiskHostDef implements DeclaredOrder {
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "port") private String port;
    @XmlAttribute(name = "transport") private String transport;
    @XmlAttribute(name = "socket") private String socket;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DiskHostDef() {
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public DiskHostDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code port} attribute as written, or {@code null}. */
    public String port() {
        return port;
    }

    /** Sets (or with {@code null} removes) the {@code port} attribute. */
    public DiskHostDef port(String v) {
        port = v;
        return this;
    }

    /** The {@code transport} attribute as written, or {@code null}. */
    public String transport() {
        return transport;
    }

    /** Sets (or with {@code null} removes) the {@code transport} attribute. */
    public DiskHostDef transport(String v) {
        transport = v;
        return this;
    }

    /** The {@code socket} attribute as written, or {@code null}. */
    public String socket() {
        return socket;
    }

    /** Sets (or with {@code null} removes) the {@code socket} attribute. */
    public DiskHostDef socket(String v) {
        socket = v;
        return this;
    }

    /** Child elements the model does not know, kept verbatim (live list). */
    public List<Element> extra() {
        return extra;
    }

    /** Attributes the model does not know, kept verbatim (live map). */
    public Map<QName, String> otherAttributes() {
        return otherAttributes;
    }

}
