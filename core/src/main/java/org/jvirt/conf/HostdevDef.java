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
 * A {@code <hostdev>}: mode subsystem (usb, pci, scsi, scsi_host, mdev) or capabilities (storage, misc, net); source, driver, origstates, rom, readonly, shareable, boot, alias, address.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"driver", "source", "origstates", "readonly", "shareable", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class HostdevDef implements DeclaredOrder {
    @XmlAttribute(name = "mode") private String mode;
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "managed") private String managed;
    @XmlAttribute(name = "sgio") private String sgio;
    @XmlAttribute(name = "rawio") private String rawio;
    @XmlAttribute(name = "model") private String model;
    @XmlAttribute(name = "display") private String display;
    @XmlAttribute(name = "ramfb") private String ramfb;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "driver") private Generic driver;
    @XmlElement(name = "source") private HostdevSourceDef source;
    @XmlElement(name = "origstates") private Generic origstates;
    @XmlElement(name = "readonly") private Generic readonly;
    @XmlElement(name = "shareable") private Generic shareable;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public HostdevDef() {
    }

    /** The {@code mode} attribute as written, or {@code null}. */
    public String mode() {
        return mode;
    }

    /** Sets (or with {@code null} removes) the {@code mode} attribute. */
    public HostdevDef mode(String v) {
        mode = v;
        return this;
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public HostdevDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code managed} attribute as written, or {@code null}. */
    public String managed() {
        return managed;
    }

    /** Sets (or with {@code null} removes) the {@code managed} attribute. */
    public HostdevDef managed(String v) {
        managed = v;
        return this;
    }

    /** The {@code sgio} attribute as written, or {@code null}. */
    public String sgio() {
        return sgio;
    }

    /** Sets (or with {@code null} removes) the {@code sgio} attribute. */
    public HostdevDef sgio(String v) {
        sgio = v;
        return this;
    }

    /** The {@code rawio} attribute as written, or {@code null}. */
    public String rawio() {
        return rawio;
    }

    /** Sets (or with {@code null} removes) the {@code rawio} attribute. */
    public HostdevDef rawio(String v) {
        rawio = v;
        return this;
    }

    /** The {@code model} attribute as written, or {@code null}. */
    public String model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code model} attribute. */
    public HostdevDef model(String v) {
        model = v;
        return this;
    }

    /** The {@code display} attribute as written, or {@code null}. */
    public String display() {
        return display;
    }

    /** Sets (or with {@code null} removes) the {@code display} attribute. */
    public HostdevDef display(String v) {
        display = v;
        return this;
    }

    /** The {@code ramfb} attribute as written, or {@code null}. */
    public String ramfb() {
        return ramfb;
    }

    /** Sets (or with {@code null} removes) the {@code ramfb} attribute. */
    public HostdevDef ramfb(String v) {
        ramfb = v;
        return this;
    }

    /** The {@code <driver>} element, or {@code null}. */
    public Generic driver() {
        return driver;
    }

    /** Sets (or with {@code null} removes) the {@code <driver>} element. */
    public HostdevDef driver(Generic v) {
        driver = v;
        return this;
    }

    /** The {@code <source>} element, or {@code null}. */
    public HostdevSourceDef source() {
        return source;
    }

    /** Sets (or with {@code null} removes) the {@code <source>} element. */
    public HostdevDef source(HostdevSourceDef v) {
        source = v;
        return this;
    }

    /** The {@code <origstates>} element, or {@code null}. */
    public Generic origstates() {
        return origstates;
    }

    /** Sets (or with {@code null} removes) the {@code <origstates>} element. */
    public HostdevDef origstates(Generic v) {
        origstates = v;
        return this;
    }

    /** The {@code <readonly>} element, or {@code null}. */
    public Generic readonly() {
        return readonly;
    }

    /** Sets (or with {@code null} removes) the {@code <readonly>} element. */
    public HostdevDef readonly(Generic v) {
        readonly = v;
        return this;
    }

    /** The {@code <shareable>} element, or {@code null}. */
    public Generic shareable() {
        return shareable;
    }

    /** Sets (or with {@code null} removes) the {@code <shareable>} element. */
    public HostdevDef shareable(Generic v) {
        shareable = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public HostdevDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public HostdevDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public HostdevDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public HostdevDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public HostdevDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public HostdevDef address(DeviceAddress v) {
        address = v;
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
