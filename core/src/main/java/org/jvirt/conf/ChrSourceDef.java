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
 * A character device's {@code <source>} (pty, dev, file, pipe, unix, tcp, udp bind/connect, spiceport, qemu-vdagent): mode, path, host, service, append, tls, channel, master; reconnect, seclabel, clipboard, mouse children.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"seclabel", "reconnect", "clipboard", "mouse", "extra"})
public class ChrSourceDef implements DeclaredOrder {
    @XmlAttribute(name = "mode") private String mode;
    @XmlAttribute(name = "path") private String path;
    @XmlAttribute(name = "host") private String host;
    @XmlAttribute(name = "service") private String service;
    @XmlAttribute(name = "tls") private String tls;
    @XmlAttribute(name = "append") private String append;
    @XmlAttribute(name = "channel") private String channel;
    @XmlAttribute(name = "master") private String master;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "seclabel") private List<Generic> seclabel = new ArrayList<>();
    @XmlElement(name = "reconnect") private Generic reconnect;
    @XmlElement(name = "clipboard") private Generic clipboard;
    @XmlElement(name = "mouse") private Generic mouse;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public ChrSourceDef() {
    }

    /** The {@code mode} attribute as written, or {@code null}. */
    public String mode() {
        return mode;
    }

    /** Sets (or with {@code null} removes) the {@code mode} attribute. */
    public ChrSourceDef mode(String v) {
        mode = v;
        return this;
    }

    /** The {@code path} attribute as written, or {@code null}. */
    public String path() {
        return path;
    }

    /** Sets (or with {@code null} removes) the {@code path} attribute. */
    public ChrSourceDef path(String v) {
        path = v;
        return this;
    }

    /** The {@code host} attribute as written, or {@code null}. */
    public String host() {
        return host;
    }

    /** Sets (or with {@code null} removes) the {@code host} attribute. */
    public ChrSourceDef host(String v) {
        host = v;
        return this;
    }

    /** The {@code service} attribute as written, or {@code null}. */
    public String service() {
        return service;
    }

    /** Sets (or with {@code null} removes) the {@code service} attribute. */
    public ChrSourceDef service(String v) {
        service = v;
        return this;
    }

    /** The {@code tls} attribute as written, or {@code null}. */
    public String tls() {
        return tls;
    }

    /** Sets (or with {@code null} removes) the {@code tls} attribute. */
    public ChrSourceDef tls(String v) {
        tls = v;
        return this;
    }

    /** The {@code append} attribute as written, or {@code null}. */
    public String append() {
        return append;
    }

    /** Sets (or with {@code null} removes) the {@code append} attribute. */
    public ChrSourceDef append(String v) {
        append = v;
        return this;
    }

    /** The {@code channel} attribute as written, or {@code null}. */
    public String channel() {
        return channel;
    }

    /** Sets (or with {@code null} removes) the {@code channel} attribute. */
    public ChrSourceDef channel(String v) {
        channel = v;
        return this;
    }

    /** The {@code master} attribute as written, or {@code null}. */
    public String master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code master} attribute. */
    public ChrSourceDef master(String v) {
        master = v;
        return this;
    }

    /** The {@code <seclabel>} elements (live list). */
    public List<Generic> seclabel() {
        return seclabel;
    }

    /** The {@code <reconnect>} element, or {@code null}. */
    public Generic reconnect() {
        return reconnect;
    }

    /** Sets (or with {@code null} removes) the {@code <reconnect>} element. */
    public ChrSourceDef reconnect(Generic v) {
        reconnect = v;
        return this;
    }

    /** The {@code <clipboard>} element, or {@code null}. */
    public Generic clipboard() {
        return clipboard;
    }

    /** Sets (or with {@code null} removes) the {@code <clipboard>} element. */
    public ChrSourceDef clipboard(Generic v) {
        clipboard = v;
        return this;
    }

    /** The {@code <mouse>} element, or {@code null}. */
    public Generic mouse() {
        return mouse;
    }

    /** Sets (or with {@code null} removes) the {@code <mouse>} element. */
    public ChrSourceDef mouse(Generic v) {
        mouse = v;
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
