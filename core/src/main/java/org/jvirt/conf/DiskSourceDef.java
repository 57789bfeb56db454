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
 * A disk (or backing store) {@code <source>} of every type: file, block ({@code dev}), dir, network (protocol, name, hosts, auth, TLS, reconnect, timeouts, config, cookies, ssl, readahead, initiator), volume (pool, volume, mode), nvme (type='pci', managed, namespace, PCI address) and vhostuser (type='unix', path, reconnect).
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"address", "host", "snapshot", "config", "ssl", "cookies", "readahead", "timeout", "reconnect", "identity", "knownHosts", "initiator", "slices", "seclabel", "auth", "encryption", "reservations", "dataStore", "extra"})
public class DiskSourceDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "file") private String file;
    @XmlAttribute(name = "dev") private String dev;
    @XmlAttribute(name = "dir") private String dir;
    @XmlAttribute(name = "protocol") private String protocol;
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "tls") private String tls;
    @XmlAttribute(name = "tlsHostname") private String tlsHostname;
    @XmlAttribute(name = "query") private String query;
    @XmlAttribute(name = "pool") private String pool;
    @XmlAttribute(name = "volume") private String volume;
    @XmlAttribute(name = "mode") private String mode;
    @XmlAttribute(name = "managed") private String managed;
    @XmlAttribute(name = "namespace") private String namespace;
    @XmlAttribute(name = "path") private String path;
    @XmlAttribute(name = "startupPolicy") private String startupPolicy;
    @XmlAttribute(name = "index") private String index;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlElement(name = "host") private List<DiskHostDef> host = new ArrayList<>();
    @XmlElement(name = "snapshot") private Generic snapshot;
    @XmlElement(name = "config") private Generic config;
    @XmlElement(name = "ssl") private Generic ssl;
    @XmlElement(name = "cookies") private Generic cookies;
    @XmlElement(name = "readahead") private Generic readahead;
    @XmlElement(name = "timeout") private Generic timeout;
    @XmlElement(name = "reconnect") private Generic reconnect;
    @XmlElement(name = "identity") private Generic identity;
    @XmlElement(name = "knownHosts") private Generic knownHosts;
    @XmlElement(name = "initiator") private Generic initiator;
    @XmlElement(name = "slices") private Generic slices;
    @XmlElement(name = "seclabel") private List<Generic> seclabel = new ArrayList<>();
    @XmlElement(name = "auth") private Generic auth;
    @XmlElement(name = "encryption") private Generic encryption;
    @XmlElement(name = "reservations") private Generic reservations;
    @XmlElement(name = "dataStore") private Generic dataStore;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DiskSourceDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public DiskSourceDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code file} attribute as written, or {@code null}. */
    public String file() {
        return file;
    }

    /** Sets (or with {@code null} removes) the {@code file} attribute. */
    public DiskSourceDef file(String v) {
        file = v;
        return this;
    }

    /** The {@code dev} attribute as written, or {@code null}. */
    public String dev() {
        return dev;
    }

    /** Sets (or with {@code null} removes) the {@code dev} attribute. */
    public DiskSourceDef dev(String v) {
        dev = v;
        return this;
    }

    /** The {@code dir} attribute as written, or {@code null}. */
    public String dir() {
        return dir;
    }

    /** Sets (or with {@code null} removes) the {@code dir} attribute. */
    public DiskSourceDef dir(String v) {
        dir = v;
        return this;
    }

    /** The {@code protocol} attribute as written, or {@code null}. */
    public String protocol() {
        return protocol;
    }

    /** Sets (or with {@code null} removes) the {@code protocol} attribute. */
    public DiskSourceDef protocol(String v) {
        protocol = v;
        return this;
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public DiskSourceDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code tls} attribute as written, or {@code null}. */
    public String tls() {
        return tls;
    }

    /** Sets (or with {@code null} removes) the {@code tls} attribute. */
    public DiskSourceDef tls(String v) {
        tls = v;
        return this;
    }

    /** The {@code tlsHostname} attribute as written, or {@code null}. */
    public String tlsHostname() {
        return tlsHostname;
    }

    /** Sets (or with {@code null} removes) the {@code tlsHostname} attribute. */
    public DiskSourceDef tlsHostname(String v) {
        tlsHostname = v;
        return this;
    }

    /** The {@code query} attribute as written, or {@code null}. */
    public String query() {
        return query;
    }

    /** Sets (or with {@code null} removes) the {@code query} attribute. */
    public DiskSourceDef query(String v) {
        query = v;
        return this;
    }

    /** The {@code pool} attribute as written, or {@code null}. */
    public String pool() {
        return pool;
    }

    /** Sets (or with {@code null} removes) the {@code pool} attribute. */
    public DiskSourceDef pool(String v) {
        pool = v;
        return this;
    }

    /** The {@code volume} attribute as written, or {@code null}. */
    public String volume() {
        return volume;
    }

    /** Sets (or with {@code null} removes) the {@code volume} attribute. */
    public DiskSourceDef volume(String v) {
        volume = v;
        return this;
    }

    /** The {@code mode} attribute as written, or {@code null}. */
    public String mode() {
        return mode;
    }

    /** Sets (or with {@code null} removes) the {@code mode} attribute. */
    public DiskSourceDef mode(String v) {
        mode = v;
        return this;
    }

    /** The {@code managed} attribute as written, or {@code null}. */
    public String managed() {
        return managed;
    }

    /** Sets (or with {@code null} removes) the {@code managed} attribute. */
    public DiskSourceDef managed(String v) {
        managed = v;
        return this;
    }

    /** The {@code namespace} attribute as written, or {@code null}. */
    public String namespace() {
        return namespace;
    }

    /** Sets (or with {@code null} removes) the {@code namespace} attribute. */
    public DiskSourceDef namespace(String v) {
        namespace = v;
        return this;
    }

    /** The {@code path} attribute as written, or {@code null}. */
    public String path() {
        return path;
    }

    /** Sets (or with {@code null} removes) the {@code path} attribute. */
    public DiskSourceDef path(String v) {
        path = v;
        return this;
    }

    /** The {@code startupPolicy} attribute as written, or {@code null}. */
    public String startupPolicy() {
        return startupPolicy;
    }

    /** Sets (or with {@code null} removes) the {@code startupPolicy} attribute. */
    public DiskSourceDef startupPolicy(String v) {
        startupPolicy = v;
        return this;
    }

    /** The {@code index} attribute as written, or {@code null}. */
    public String index() {
        return index;
    }

    /** Sets (or with {@code null} removes) the {@code index} attribute. */
    public DiskSourceDef index(String v) {
        index = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public DiskSourceDef address(DeviceAddress v) {
        address = v;
        return this;
    }

    /** The {@code <host>} elements (live list). */
    public List<DiskHostDef> host() {
        return host;
    }

    /** The {@code <snapshot>} element, or {@code null}. */
    public Generic snapshot() {
        return snapshot;
    }

    /** Sets (or with {@code null} removes) the {@code <snapshot>} element. */
    public DiskSourceDef snapshot(Generic v) {
        snapshot = v;
        return this;
    }

    /** The {@code <config>} element, or {@code null}. */
    public Generic config() {
        return config;
    }

    /** Sets (or with {@code null} removes) the {@code <config>} element. */
    public DiskSourceDef config(Generic v) {
        config = v;
        return this;
    }

    /** The {@code <ssl>} element, or {@code null}. */
    public Generic ssl() {
        return ssl;
    }

    /** Sets (or with {@code null} removes) the {@code <ssl>} element. */
    public DiskSourceDef ssl(Generic v) {
        ssl = v;
        return this;
    }

    /** The {@code <cookies>} element, or {@code null}. */
    public Generic cookies() {
        return cookies;
    }

    /** Sets (or with {@code null} removes) the {@code <cookies>} element. */
    public DiskSourceDef cookies(Generic v) {
        cookies = v;
        return this;
    }

    /** The {@code <readahead>} element, or {@code null}. */
    public Generic readahead() {
        return readahead;
    }

    /** Sets (or with {@code null} removes) the {@code <readahead>} element. */
    public DiskSourceDef readahead(Generic v) {
        readahead = v;
        return this;
    }

    /** The {@code <timeout>} element, or {@code null}. */
    public Generic timeout() {
        return timeout;
    }

    /** Sets (or with {@code null} removes) the {@code <timeout>} element. */
    public DiskSourceDef timeout(Generic v) {
        timeout = v;
        return this;
    }

    /** The {@code <reconnect>} element, or {@code null}. */
    public Generic reconnect() {
        return reconnect;
    }

    /** Sets (or with {@code null} removes) the {@code <reconnect>} element. */
    public DiskSourceDef reconnect(Generic v) {
        reconnect = v;
        return this;
    }

    /** The {@code <identity>} element, or {@code null}. */
    public Generic identity() {
        return identity;
    }

    /** Sets (or with {@code null} removes) the {@code <identity>} element. */
    public DiskSourceDef identity(Generic v) {
        identity = v;
        return this;
    }

    /** The {@code <knownHosts>} element, or {@code null}. */
    public Generic knownHosts() {
        return knownHosts;
    }

    /** Sets (or with {@code null} removes) the {@code <knownHosts>} element. */
    public DiskSourceDef knownHosts(Generic v) {
        knownHosts = v;
        return this;
    }

    /** The {@code <initiator>} element, or {@code null}. */
    public Generic initiator() {
        return initiator;
    }

    /** Sets (or with {@code null} removes) the {@code <initiator>} element. */
    public DiskSourceDef initiator(Generic v) {
        initiator = v;
        return this;
    }

    /** The {@code <slices>} element, or {@code null}. */
    public Generic slices() {
        return slices;
    }

    /** Sets (or with {@code null} removes) the {@code <slices>} element. */
    public DiskSourceDef slices(Generic v) {
        slices = v;
        return this;
    }

    /** The {@code <seclabel>} elements (live list). */
    public List<Generic> seclabel() {
        return seclabel;
    }

    /** The {@code <auth>} element, or {@code null}. */
    public Generic auth() {
        return auth;
    }

    /** Sets (or with {@code null} removes) the {@code <auth>} element. */
    public DiskSourceDef auth(Generic v) {
        auth = v;
        return this;
    }

    /** The {@code <encryption>} element, or {@code null}. */
    public Generic encryption() {
        return encryption;
    }

    /** Sets (or with {@code null} removes) the {@code <encryption>} element. */
    public DiskSourceDef encryption(Generic v) {
        encryption = v;
        return this;
    }

    /** The {@code <reservations>} element, or {@code null}. */
    public Generic reservations() {
        return reservations;
    }

    /** Sets (or with {@code null} removes) the {@code <reservations>} element. */
    public DiskSourceDef reservations(Generic v) {
        reservations = v;
        return this;
    }

    /** The {@code <dataStore>} element, or {@code null}. */
    public Generic dataStore() {
        return dataStore;
    }

    /** Sets (or with {@code null} removes) the {@code <dataStore>} element. */
    public DiskSourceDef dataStore(Generic v) {
        dataStore = v;
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
