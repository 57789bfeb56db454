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
 * An {@code <iommu model=>} (intel, smmuv3, virtio) with driver options.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"driver", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class IommuDef implements DeclaredOrder {
    @XmlAttribute(name = "model") private String model;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "driver") private Generic driver;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public IommuDef() {
    }

    /** The {@code model} attribute as written, or {@code null}. */
    public String model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code model} attribute. */
    public IommuDef model(String v) {
        model = v;
        return this;
    }

    /** The {@code <driver>} element, or {@code null}. */
    public Generic driver() {
        return driver;
    }

    /** Sets (or with {@code null} removes) the {@code <driver>} element. */
    public IommuDef driver(Generic v) {
        driver = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public IommuDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public IommuDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public IommuDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public IommuDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public IommuDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public IommuDef address(DeviceAddress v) {
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
