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
 * A {@code <disk>} of every type (file, block, dir, network, volume, nvme, vhostuser) and device (disk, cdrom, floppy, lun): driver, source, backing chain, geometry, blockio, mirror, target, iotune, readonly, shareable, transient, serial, wwn, vendor, product, encryption, boot, alias, acpi, address.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"driver", "auth", "source", "backingStore", "backenddomain", "geometry", "blockio", "mirror", "target", "iotune", "readonly", "shareable", "transientAttr", "serial", "wwn", "vendor", "product", "encryption", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class DiskDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "device") private String device;
    @XmlAttribute(name = "model") private String model;
    @XmlAttribute(name = "rawio") private String rawio;
    @XmlAttribute(name = "sgio") private String sgio;
    @XmlAttribute(name = "snapshot") private String snapshot;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "driver") private DiskDriverDef driver;
    @XmlElement(name = "auth") private Generic auth;
    @XmlElement(name = "source") private DiskSourceDef source;
    @XmlElement(name = "backingStore") private BackingStoreDef backingStore;
    @XmlElement(name = "backenddomain") private Generic backenddomain;
    @XmlElement(name = "geometry") private DiskGeometryDef geometry;
    @XmlElement(name = "blockio") private DiskBlockioDef blockio;
    @XmlElement(name = "mirror") private DiskMirrorDef mirror;
    @XmlElement(name = "target") private DiskTargetDef target;
    @XmlElement(name = "iotune") private Generic iotune;
    @XmlElement(name = "readonly") private Generic readonly;
    @XmlElement(name = "shareable") private Generic shareable;
    @XmlElement(name = "transient") private Generic transientAttr;
    @XmlElement(name = "serial") private String serial;
    @XmlElement(name = "wwn") private String wwn;
    @XmlElement(name = "vendor") private String vendor;
    @XmlElement(name = "product") private String product;
    @XmlElement(name = "encryption") private Generic encryption;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public DiskDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public DiskDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code device} attribute as written, or {@code null}. */
    public String device() {
        return device;
    }

    /** Sets (or with {@code null} removes) the {@code device} attribute. */
    public DiskDef device(String v) {
        device = v;
        return this;
    }

    /** The {@code model} attribute as written, or {@code null}. */
    public String model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code model} attribute. */
    public DiskDef model(String v) {
        model = v;
        return this;
    }

    /** The {@code rawio} attribute as written, or {@code null}. */
    public String rawio() {
        return rawio;
    }

    /** Sets (or with {@code null} removes) the {@code rawio} attribute. */
    public DiskDef rawio(String v) {
        rawio = v;
        return this;
    }

    /** The {@code sgio} attribute as written, or {@code null}. */
    public String sgio() {
        return sgio;
    }

    /** Sets (or with {@code null} removes) the {@code sgio} attribute. */
    public DiskDef sgio(String v) {
        sgio = v;
        return this;
    }

    /** The {@code snapshot} attribute as written, or {@code null}. */
    public String snapshot() {
        return snapshot;
    }

    /** Sets (or with {@code null} removes) the {@code snapshot} attribute. */
    public DiskDef snapshot(String v) {
        snapshot = v;
        return this;
    }

    /** The {@code <driver>} element, or {@code null}. */
    public DiskDriverDef driver() {
        return driver;
    }

    /** Sets (or with {@code null} removes) the {@code <driver>} element. */
    public DiskDef driver(DiskDriverDef v) {
        driver = v;
        return this;
    }

    /** The {@code <auth>} element, or {@code null}. */
    public Generic auth() {
        return auth;
    }

    /** Sets (or with {@code null} removes) the {@code <auth>} element. */
    public DiskDef auth(Generic v) {
        auth = v;
        return this;
    }

    /** The {@code <source>} element, or {@code null}. */
    public DiskSourceDef source() {
        return source;
    }

    /** Sets (or with {@code null} removes) the {@code <source>} element. */
    public DiskDef source(DiskSourceDef v) {
        source = v;
        return this;
    }

    /** The {@code <backingStore>} element, or {@code null}. */
    public BackingStoreDef backingStore() {
        return backingStore;
    }

    /** Sets (or with {@code null} removes) the {@code <backingStore>} element. */
    public DiskDef backingStore(BackingStoreDef v) {
        backingStore = v;
        return this;
    }

    /** The {@code <backenddomain>} element, or {@code null}. */
    public Generic backenddomain() {
        return backenddomain;
    }

    /** Sets (or with {@code null} removes) the {@code <backenddomain>} element. */
    public DiskDef backenddomain(Generic v) {
        backenddomain = v;
        return this;
    }

    /** The {@code <geometry>} element, or {@code null}. */
    public DiskGeometryDef geometry() {
        return geometry;
    }

    /** Sets (or with {@code null} removes) the {@code <geometry>} element. */
    public DiskDef geometry(DiskGeometryDef v) {
        geometry = v;
        return this;
    }

    /** The {@code <blockio>} element, or {@code null}. */
    public DiskBlockioDef blockio() {
        return blockio;
    }

    /** Sets (or with {@code null} removes) the {@code <blockio>} element. */
    public DiskDef blockio(DiskBlockioDef v) {
        blockio = v;
        return this;
    }

    /** The {@code <mirror>} element, or {@code null}. */
    public DiskMirrorDef mirror() {
        return mirror;
    }

    /** Sets (or with {@code null} removes) the {@code <mirror>} element. */
    public DiskDef mirror(DiskMirrorDef v) {
        mirror = v;
        return this;
    }

    /** The {@code <target>} element, or {@code null}. */
    public DiskTargetDef target() {
        return target;
    }

    /** Sets (or with {@code null} removes) the {@code <target>} element. */
    public DiskDef target(DiskTargetDef v) {
        target = v;
        return this;
    }

    /** The {@code <iotune>} element, or {@code null}. */
    public Generic iotune() {
        return iotune;
    }

    /** Sets (or with {@code null} removes) the {@code <iotune>} element. */
    public DiskDef iotune(Generic v) {
        iotune = v;
        return this;
    }

    /** The {@code <readonly>} element, or {@code null}. */
    public Generic readonly() {
        return readonly;
    }

    /** Sets (or with {@code null} removes) the {@code <readonly>} element. */
    public DiskDef readonly(Generic v) {
        readonly = v;
        return this;
    }

    /** The {@code <shareable>} element, or {@code null}. */
    public Generic shareable() {
        return shareable;
    }

    /** Sets (or with {@code null} removes) the {@code <shareable>} element. */
    public DiskDef shareable(Generic v) {
        shareable = v;
        return this;
    }

    /** The {@code <transient>} element, or {@code null}. */
    public Generic transientElem() {
        return transientAttr;
    }

    /** Sets (or with {@code null} removes) the {@code <transient>} element. */
    public DiskDef transientElem(Generic v) {
        transientAttr = v;
        return this;
    }

    /** The {@code <serial>} element, or {@code null}. */
    public String serial() {
        return serial;
    }

    /** Sets (or with {@code null} removes) the {@code <serial>} element. */
    public DiskDef serial(String v) {
        serial = v;
        return this;
    }

    /** The {@code <wwn>} element, or {@code null}. */
    public String wwn() {
        return wwn;
    }

    /** Sets (or with {@code null} removes) the {@code <wwn>} element. */
    public DiskDef wwn(String v) {
        wwn = v;
        return this;
    }

    /** The {@code <vendor>} element, or {@code null}. */
    public String vendor() {
        return vendor;
    }

    /** Sets (or with {@code null} removes) the {@code <vendor>} element. */
    public DiskDef vendor(String v) {
        vendor = v;
        return this;
    }

    /** The {@code <product>} element, or {@code null}. */
    public String product() {
        return product;
    }

    /** Sets (or with {@code null} removes) the {@code <product>} element. */
    public DiskDef product(String v) {
        product = v;
        return this;
    }

    /** The {@code <encryption>} element, or {@code null}. */
    public Generic encryption() {
        return encryption;
    }

    /** Sets (or with {@code null} removes) the {@code <encryption>} element. */
    public DiskDef encryption(Generic v) {
        encryption = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public DiskDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public DiskDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public DiskDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public DiskDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public DiskDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public DiskDef address(DeviceAddress v) {
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

    /** The target device name, e.g. {@code vda}. */
    public String targetDev() {
        return target == null ? null : target.dev();
    }

    /** The source file, device, dir, volume or network name, whichever is given. */
    public String sourcePath() {
        if (source == null) {
            return null;
        }
        for (String s : new String[] {source.file(), source.dev(), source.dir(), source.volume(), source.name()}) {
            if (s != null) {
                return s;
            }
        }
        return null;
    }

}
