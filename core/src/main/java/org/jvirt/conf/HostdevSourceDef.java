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
 * A hostdev {@code <source>}: USB (vendor, product, address; startupPolicy, guestReset), PCI (address; writeFiltering), SCSI (adapter, address) or iSCSI (protocol, name, host, auth, initiator), scsi_host (protocol, wwpn), mdev (address uuid), and capabilities (block, char, interface).
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"vendor", "product", "adapter", "host", "auth", "initiator", "address", "block", "charAttr", "interfaceAttr", "extra"})
public class HostdevSourceDef implements DeclaredOrder {
    @XmlAttribute(name = "protocol") private String protocol;
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "wwpn") private String wwpn;
    @XmlAttribute(name = "startupPolicy") private String startupPolicy;
    @XmlAttribute(name = "guestReset") private String guestReset;
    @XmlAttribute(name = "writeFiltering") private String writeFiltering;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "vendor") private Generic vendor;
    @XmlElement(name = "product") private Generic product;
    @XmlElement(name = "adapter") private Generic adapter;
    @XmlElement(name = "host") private List<DiskHostDef> host = new ArrayList<>();
    @XmlElement(name = "auth") private Generic auth;
    @XmlElement(name = "initiator") private Generic initiator;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlElement(name = "block") private String block;
    @XmlElement(name = "char") private String charAttr;
    @XmlElement(name = "interface") private String interfaceAttr;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public HostdevSourceDef() {
    }

    /** The {@code protocol} attribute as written, or {@code null}. */
    public String protocol() {
        return protocol;
    }

    /** Sets (or with {@code null} removes) the {@code protocol} attribute. */
    public HostdevSourceDef protocol(String v) {
        protocol = v;
        return this;
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public HostdevSourceDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code wwpn} attribute as written, or {@code null}. */
    public String wwpn() {
        return wwpn;
    }

    /** Sets (or with {@code null} removes) the {@code wwpn} attribute. */
    public HostdevSourceDef wwpn(String v) {
        wwpn = v;
        return this;
    }

    /** The {@code startupPolicy} attribute as written, or {@code null}. */
    public String startupPolicy() {
        return startupPolicy;
    }

    /** Sets (or with {@code null} removes) the {@code startupPolicy} attribute. */
    public HostdevSourceDef startupPolicy(String v) {
        startupPolicy = v;
        return this;
    }

    /** The {@code guestReset} attribute as written, or {@code null}. */
    public String guestReset() {
        return guestReset;
    }

    /** Sets (or with {@code null} removes) the {@code guestReset} attribute. */
    public HostdevSourceDef guestReset(String v) {
        guestReset = v;
        return this;
    }

    /** The {@code writeFiltering} attribute as written, or {@code null}. */
    public String writeFiltering() {
        return writeFiltering;
    }

    /** Sets (or with {@code null} removes) the {@code writeFiltering} attribute. */
    public HostdevSourceDef writeFiltering(String v) {
        writeFiltering = v;
        return this;
    }

    /** The {@code <vendor>} element, or {@code null}. */
    public Generic vendor() {
        return vendor;
    }

    /** Sets (or with {@code null} removes) the {@code <vendor>} element. */
    public HostdevSourceDef vendor(Generic v) {
        vendor = v;
        return this;
    }

    /** The {@code <product>} element, or {@code null}. */
    public Generic product() {
        return product;
    }

    /** Sets (or with {@code null} removes) the {@code <product>} element. */
    public HostdevSourceDef product(Generic v) {
        product = v;
        return this;
    }

    /** The {@code <adapter>} element, or {@code null}. */
    public Generic adapter() {
        return adapter;
    }

    /** Sets (or with {@code null} removes) the {@code <adapter>} element. */
    public HostdevSourceDef adapter(Generic v) {
        adapter = v;
        return this;
    }

    /** The {@code <host>} elements (live list). */
    public List<DiskHostDef> host() {
        return host;
    }

    /** The {@code <auth>} element, or {@code null}. */
    public Generic auth() {
        return auth;
    }

    /** Sets (or with {@code null} removes) the {@code <auth>} element. */
    public HostdevSourceDef auth(Generic v) {
        auth = v;
        return this;
    }

    /** The {@code <initiator>} element, or {@code null}. */
    public Generic initiator() {
        return initiator;
    }

    /** Sets (or with {@code null} removes) the {@code <initiator>} element. */
    public HostdevSourceDef initiator(Generic v) {
        initiator = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public HostdevSourceDef address(DeviceAddress v) {
        address = v;
        return this;
    }

    /** The {@code <block>} element, or {@code null}. */
    public String block() {
        return block;
    }

    /** Sets (or with {@code null} removes) the {@code <block>} element. */
    public HostdevSourceDef block(String v) {
        block = v;
        return this;
    }

    /** The {@code <char>} element, or {@code null}. */
    public String charElem() {
        return charAttr;
    }

    /** Sets (or with {@code null} removes) the {@code <char>} element. */
    public HostdevSourceDef charElem(String v) {
        charAttr = v;
        return this;
    }

    /** The {@code <interface>} element, or {@code null}. */
    public String interfaceElem() {
        return interfaceAttr;
    }

    /** Sets (or with {@code null} removes) the {@code <interface>} element. */
    public HostdevSourceDef interfaceElem(String v) {
        interfaceAttr = v;
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
