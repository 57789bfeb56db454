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
 * A {@code <shmem name= role=>} (ivshmem) with model, size, server, msi.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"model", "size", "server", "msi", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class ShmemDef implements DeclaredOrder {
    @XmlAttribute(name = "name") private String name;
    @XmlAttribute(name = "role") private String role;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "model") private Generic model;
    @XmlElement(name = "size") private ScaledValue size;
    @XmlElement(name = "server") private Generic server;
    @XmlElement(name = "msi") private Generic msi;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public ShmemDef() {
    }

    /** The {@code name} attribute as written, or {@code null}. */
    public String name() {
        return name;
    }

    /** Sets (or with {@code null} removes) the {@code name} attribute. */
    public ShmemDef name(String v) {
        name = v;
        return this;
    }

    /** The {@code role} attribute as written, or {@code null}. */
    public String role() {
        return role;
    }

    /** Sets (or with {@code null} removes) the {@code role} attribute. */
    public ShmemDef role(String v) {
        role = v;
        return this;
    }

    /** The {@code <model>} element, or {@code null}. */
    public Generic model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code <model>} element. */
    public ShmemDef model(Generic v) {
        model = v;
        return this;
    }

    /** The {@code <size>} element, or {@code null}. */
    public ScaledValue size() {
        return size;
    }

    /** Sets (or with {@code null} removes) the {@code <size>} element. */
    public ShmemDef size(ScaledValue v) {
        size = v;
        return this;
    }

    /** The {@code <server>} element, or {@code null}. */
    public Generic server() {
        return server;
    }

    /** Sets (or with {@code null} removes) the {@code <server>} element. */
    public ShmemDef server(Generic v) {
        server = v;
        return this;
    }

    /** The {@code <msi>} element, or {@code null}. */
    public Generic msi() {
        return msi;
    }

    /** Sets (or with {@code null} removes) the {@code <msi>} element. */
    public ShmemDef msi(Generic v) {
        msi = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public ShmemDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public ShmemDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public ShmemDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public ShmemDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public ShmemDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public ShmemDef address(DeviceAddress v) {
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
