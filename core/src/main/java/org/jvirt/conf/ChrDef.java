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
 * A character device: {@code <serial>}, {@code <parallel>}, {@code <console>} or {@code <channel>} with its type, source(s), protocol, log, target, alias and address.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"source", "protocol", "log", "target", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class ChrDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "tty") private String tty;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "source") private List<ChrSourceDef> source = new ArrayList<>();
    @XmlElement(name = "protocol") private Generic protocol;
    @XmlElement(name = "log") private Generic log;
    @XmlElement(name = "target") private ChrTargetDef target;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public ChrDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public ChrDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code tty} attribute as written, or {@code null}. */
    public String tty() {
        return tty;
    }

    /** Sets (or with {@code null} removes) the {@code tty} attribute. */
    public ChrDef tty(String v) {
        tty = v;
        return this;
    }

    /** The {@code <source>} elements (live list). */
    public List<ChrSourceDef> source() {
        return source;
    }

    /** The {@code <protocol>} element, or {@code null}. */
    public Generic protocol() {
        return protocol;
    }

    /** Sets (or with {@code null} removes) the {@code <protocol>} element. */
    public ChrDef protocol(Generic v) {
        protocol = v;
        return this;
    }

    /** The {@code <log>} element, or {@code null}. */
    public Generic log() {
        return log;
    }

    /** Sets (or with {@code null} removes) the {@code <log>} element. */
    public ChrDef log(Generic v) {
        log = v;
        return this;
    }

    /** The {@code <target>} element, or {@code null}. */
    public ChrTargetDef target() {
        return target;
    }

    /** Sets (or with {@code null} removes) the {@code <target>} element. */
    public ChrDef target(ChrTargetDef v) {
        target = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public ChrDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public ChrDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public ChrDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public ChrDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public ChrDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public ChrDef address(DeviceAddress v) {
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
