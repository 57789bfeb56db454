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
 * A memory device ({@code <memory model=...>}): dimm, nvdimm, virtio-pmem, virtio-mem, sgx-epc; access, discard; uuid (nvdimm on ppc64), source, target, alias, address.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"uuid", "source", "target", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class MemoryDeviceDef implements DeclaredOrder {
    @XmlAttribute(name = "model") private String model;
    @XmlAttribute(name = "access") private String access;
    @XmlAttribute(name = "discard") private String discard;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "uuid") private String uuid;
    @XmlElement(name = "source") private MemorySourceDef source;
    @XmlElement(name = "target") private MemoryTargetDef target;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public MemoryDeviceDef() {
    }

    /** The {@code model} attribute as written, or {@code null}. */
    public String model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code model} attribute. */
    public MemoryDeviceDef model(String v) {
        model = v;
        return this;
    }

    /** The {@code access} attribute as written, or {@code null}. */
    public String access() {
        return access;
    }

    /** Sets (or with {@code null} removes) the {@code access} attribute. */
    public MemoryDeviceDef access(String v) {
        access = v;
        return this;
    }

    /** The {@code discard} attribute as written, or {@code null}. */
    public String discard() {
        return discard;
    }

    /** Sets (or with {@code null} removes) the {@code discard} attribute. */
    public MemoryDeviceDef discard(String v) {
        discard = v;
        return this;
    }

    /** The {@code <uuid>} element, or {@code null}. */
    public String uuid() {
        return uuid;
    }

    /** Sets (or with {@code null} removes) the {@code <uuid>} element. */
    public MemoryDeviceDef uuid(String v) {
        uuid = v;
        return this;
    }

    /** The {@code <source>} element, or {@code null}. */
    public MemorySourceDef source() {
        return source;
    }

    /** Sets (or with {@code null} removes) the {@code <source>} element. */
    public MemoryDeviceDef source(MemorySourceDef v) {
        source = v;
        return this;
    }

    /** The {@code <target>} element, or {@code null}. */
    public MemoryTargetDef target() {
        return target;
    }

    /** Sets (or with {@code null} removes) the {@code <target>} element. */
    public MemoryDeviceDef target(MemoryTargetDef v) {
        target = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public MemoryDeviceDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public MemoryDeviceDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public MemoryDeviceDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public MemoryDeviceDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public MemoryDeviceDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public MemoryDeviceDef address(DeviceAddress v) {
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
