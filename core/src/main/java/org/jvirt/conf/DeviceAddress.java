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
 * A device address ({@code <address type=...>}) of every type libvirt knows: pci (domain, bus, slot, function, multifunction, zpci), drive (controller, bus, target, unit), virtio-serial (controller, bus, port), ccid (controller, slot), usb (bus, port), spapr-vio (reg), ccw (cssid, ssid, devno), isa (iobase, irq), dimm (slot, base), virtio-mmio, virtio-s390, unassigned. Also used without {@code type} as a host PCI/USB/SCSI address in hostdev and NVMe sources.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"zpci", "extra"})
public class DeviceAddress implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "domain") private String domain;
    @XmlAttribute(name = "controller") private String controller;
    @XmlAttribute(name = "bus") private String bus;
    @XmlAttribute(name = "target") private String target;
    @XmlAttribute(name = "unit") private String unit;
    @XmlAttribute(name = "slot") private String slot;
    @XmlAttribute(name = "function") private String function;
    @XmlAttribute(name = "multifunction") private String multifunction;
    @XmlAttribute(name = "port") private String port;
    @XmlAttribute(name = "reg") private String reg;
    @XmlAttribute(name = "cssid") private String cssid;
    @XmlAttribute(name = "ssid") private String ssid;
    @XmlAttribute(name = "devno") private String devno;
    @XmlAttribute(name = "iobase") private String iobase;
    @XmlAttribute(name = "irq") private String irq;
    @XmlAttribute(name = "base") private String base;
    @XmlAttribute(name = "uuid") private String uuid;
    @XmlAttribute(name = "device") private String device;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "zpci") private ZpciDef zpci;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DeviceAddress() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public DeviceAddress type(String v) {
        type = v;
        return this;
    }

    /** The {@code domain} attribute as written, or {@code null}. */
    public String domain() {
        return domain;
    }

    /** Sets (or with {@code null} removes) the {@code domain} attribute. */
    public DeviceAddress domain(String v) {
        domain = v;
        return this;
    }

    /** The {@code controller} attribute as written, or {@code null}. */
    public String controller() {
        return controller;
    }

    /** Sets (or with {@code null} removes) the {@code controller} attribute. */
    public DeviceAddress controller(String v) {
        controller = v;
        return this;
    }

    /** The {@code bus} attribute as written, or {@code null}. */
    public String bus() {
        return bus;
    }

    /** Sets (or with {@code null} removes) the {@code bus} attribute. */
    public DeviceAddress bus(String v) {
        bus = v;
        return this;
    }

    /** The {@code target} attribute as written, or {@code null}. */
    public String target() {
        return target;
    }

    /** Sets (or with {@code null} removes) the {@code target} attribute. */
    public DeviceAddress target(String v) {
        target = v;
        return this;
    }

    /** The {@code unit} attribute as written, or {@code null}. */
    public String unit() {
        return unit;
    }

    /** Sets (or with {@code null} removes) the {@code unit} attribute. */
    public DeviceAddress unit(String v) {
        unit = v;
        return this;
    }

    /** The {@code slot} attribute as written, or {@code null}. */
    public String slot() {
        return slot;
    }

    /** Sets (or with {@code null} removes) the {@code slot} attribute. */
    public DeviceAddress slot(String v) {
        slot = v;
        return this;
    }

    /** The {@code function} attribute as written, or {@code null}. */
    public String function() {
        return function;
    }

    /** Sets (or with {@code null} removes) the {@code function} attribute. */
    public DeviceAddress function(String v) {
        function = v;
        return this;
    }

    /** The {@code multifunction} attribute as written, or {@code null}. */
    public String multifunction() {
        return multifunction;
    }

    /** Sets (or with {@code null} removes) the {@code multifunction} attribute. */
    public DeviceAddress multifunction(String v) {
        multifunction = v;
        return this;
    }

    /** The {@code port} attribute as written, or {@code null}. */
    public String port() {
        return port;
    }

    /** Sets (or with {@code null} removes) the {@code port} attribute. */
    public DeviceAddress port(String v) {
        port = v;
        return this;
    }

    /** The {@code reg} attribute as written, or {@code null}. */
    public String reg() {
        return reg;
    }

    /** Sets (or with {@code null} removes) the {@code reg} attribute. */
    public DeviceAddress reg(String v) {
        reg = v;
        return this;
    }

    /** The {@code cssid} attribute as written, or {@code null}. */
    public String cssid() {
        return cssid;
    }

    /** Sets (or with {@code null} removes) the {@code cssid} attribute. */
    public DeviceAddress cssid(String v) {
        cssid = v;
        return this;
    }

    /** The {@code ssid} attribute as written, or {@code null}. */
    public String ssid() {
        return ssid;
    }

    /** Sets (or with {@code null} removes) the {@code ssid} attribute. */
    public DeviceAddress ssid(String v) {
        ssid = v;
        return this;
    }

    /** The {@code devno} attribute as written, or {@code null}. */
    public String devno() {
        return devno;
    }

    /** Sets (or with {@code null} removes) the {@code devno} attribute. */
    public DeviceAddress devno(String v) {
        devno = v;
        return this;
    }

    /** The {@code iobase} attribute as written, or {@code null}. */
    public String iobase() {
        return iobase;
    }

    /** Sets (or with {@code null} removes) the {@code iobase} attribute. */
    public DeviceAddress iobase(String v) {
        iobase = v;
        return this;
    }

    /** The {@code irq} attribute as written, or {@code null}. */
    public String irq() {
        return irq;
    }

    /** Sets (or with {@code null} removes) the {@code irq} attribute. */
    public DeviceAddress irq(String v) {
        irq = v;
        return this;
    }

    /** The {@code base} attribute as written, or {@code null}. */
    public String base() {
        return base;
    }

    /** Sets (or with {@code null} removes) the {@code base} attribute. */
    public DeviceAddress base(String v) {
        base = v;
        return this;
    }

    /** The {@code uuid} attribute as written, or {@code null}. */
    public String uuid() {
        return uuid;
    }

    /** Sets (or with {@code null} removes) the {@code uuid} attribute. */
    public DeviceAddress uuid(String v) {
        uuid = v;
        return this;
    }

    /** The {@code device} attribute as written, or {@code null}. */
    public String device() {
        return device;
    }

    /** Sets (or with {@code null} removes) the {@code device} attribute. */
    public DeviceAddress device(String v) {
        device = v;
        return this;
    }

    /** The {@code <zpci>} element, or {@code null}. */
    public ZpciDef zpci() {
        return zpci;
    }

    /** Sets (or with {@code null} removes) the {@code <zpci>} element. */
    public DeviceAddress zpci(ZpciDef v) {
        zpci = v;
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
