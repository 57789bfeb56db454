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
 * A {@code <controller>}: type (ide, fdc, scsi, sata, virtio-serial, ccid, usb, pci, xenbus, isa), index, model, and per-type ports, vectors, maxGrantFrames, maxEventChannels; model name, target, driver, master, address.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"modelElement", "driver", "target", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class ControllerDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "index") private String index;
    @XmlAttribute(name = "model") private String model;
    @XmlAttribute(name = "ports") private String ports;
    @XmlAttribute(name = "vectors") private String vectors;
    @XmlAttribute(name = "maxGrantFrames") private String maxGrantFrames;
    @XmlAttribute(name = "maxEventChannels") private String maxEventChannels;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "model") private ControllerModelDef modelElement;
    @XmlElement(name = "driver") private ControllerDriverDef driver;
    @XmlElement(name = "target") private ControllerTargetDef target;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public ControllerDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public ControllerDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code index} attribute as written, or {@code null}. */
    public String index() {
        return index;
    }

    /** Sets (or with {@code null} removes) the {@code index} attribute. */
    public ControllerDef index(String v) {
        index = v;
        return this;
    }

    /** The {@code model} attribute as written, or {@code null}. */
    public String model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code model} attribute. */
    public ControllerDef model(String v) {
        model = v;
        return this;
    }

    /** The {@code ports} attribute as written, or {@code null}. */
    public String ports() {
        return ports;
    }

    /** Sets (or with {@code null} removes) the {@code ports} attribute. */
    public ControllerDef ports(String v) {
        ports = v;
        return this;
    }

    /** The {@code vectors} attribute as written, or {@code null}. */
    public String vectors() {
        return vectors;
    }

    /** Sets (or with {@code null} removes) the {@code vectors} attribute. */
    public ControllerDef vectors(String v) {
        vectors = v;
        return this;
    }

    /** The {@code maxGrantFrames} attribute as written, or {@code null}. */
    public String maxGrantFrames() {
        return maxGrantFrames;
    }

    /** Sets (or with {@code null} removes) the {@code maxGrantFrames} attribute. */
    public ControllerDef maxGrantFrames(String v) {
        maxGrantFrames = v;
        return this;
    }

    /** The {@code maxEventChannels} attribute as written, or {@code null}. */
    public String maxEventChannels() {
        return maxEventChannels;
    }

    /** Sets (or with {@code null} removes) the {@code maxEventChannels} attribute. */
    public ControllerDef maxEventChannels(String v) {
        maxEventChannels = v;
        return this;
    }

    /** The {@code <model>} element, or {@code null}. */
    public ControllerModelDef modelElement() {
        return modelElement;
    }

    /** Sets (or with {@code null} removes) the {@code <model>} element. */
    public ControllerDef modelElement(ControllerModelDef v) {
        modelElement = v;
        return this;
    }

    /** The {@code <driver>} element, or {@code null}. */
    public ControllerDriverDef driver() {
        return driver;
    }

    /** Sets (or with {@code null} removes) the {@code <driver>} element. */
    public ControllerDef driver(ControllerDriverDef v) {
        driver = v;
        return this;
    }

    /** The {@code <target>} element, or {@code null}. */
    public ControllerTargetDef target() {
        return target;
    }

    /** Sets (or with {@code null} removes) the {@code <target>} element. */
    public ControllerDef target(ControllerTargetDef v) {
        target = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public ControllerDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public ControllerDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public ControllerDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public ControllerDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public ControllerDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public ControllerDef address(DeviceAddress v) {
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
