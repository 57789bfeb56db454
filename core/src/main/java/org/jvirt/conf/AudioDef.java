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
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * An {@code <audio id= type=>} backend with its input/output settings.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"input", "output", "extra"})
public class AudioDef implements DeclaredOrder {
    @XmlAttribute(name = "id") private String id;
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "timerPeriod") private String timerPeriod;
    @XmlAttribute(name = "serverName") private String serverName;
    @XmlAttribute(name = "socketDir") private String socketDir;
    @XmlAttribute(name = "runtimeDir") private String runtimeDir;
    @XmlAttribute(name = "path") private String path;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "input") private Generic input;
    @XmlElement(name = "output") private Generic output;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public AudioDef() {
    }

    /** The {@code id} attribute as written, or {@code null}. */
    public String id() {
        return id;
    }

    /** Sets (or with {@code null} removes) the {@code id} attribute. */
    public AudioDef id(String v) {
        id = v;
        return this;
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public AudioDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code timerPeriod} attribute as written, or {@code null}. */
    public String timerPeriod() {
        return timerPeriod;
    }

    /** Sets (or with {@code null} removes) the {@code timerPeriod} attribute. */
    public AudioDef timerPeriod(String v) {
        timerPeriod = v;
        return this;
    }

    /** The {@code serverName} attribute as written, or {@code null}. */
    public String serverName() {
        return serverName;
    }

    /** Sets (or with {@code null} removes) the {@code serverName} attribute. */
    public AudioDef serverName(String v) {
        serverName = v;
        return this;
    }

    /** The {@code socketDir} attribute as written, or {@code null}. */
    public String socketDir() {
        return socketDir;
    }

    /** Sets (or with {@code null} removes) the {@code socketDir} attribute. */
    public AudioDef socketDir(String v) {
        socketDir = v;
        return this;
    }

    /** The {@code runtimeDir} attribute as written, or {@code null}. */
    public String runtimeDir() {
        return runtimeDir;
    }

    /** Sets (or with {@code null} removes) the {@code runtimeDir} attribute. */
    public AudioDef runtimeDir(String v) {
        runtimeDir = v;
        return this;
    }

    /** The {@code path} attribute as written, or {@code null}. */
    public String path() {
        return path;
    }

    /** Sets (or with {@code null} removes) the {@code path} attribute. */
    public AudioDef path(String v) {
        path = v;
        return this;
    }

    /** The {@code <input>} element, or {@code null}. */
    public Generic input() {
        return input;
    }

    /** Sets (or with {@code null} removes) the {@code <input>} element. */
    public AudioDef input(Generic v) {
        input = v;
        return this;
    }

    /** The {@code <output>} element, or {@code null}. */
    public Generic output() {
        return output;
    }

    /** Sets (or with {@code null} removes) the {@code <output>} element. */
    public AudioDef output(Generic v) {
        output = v;
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
