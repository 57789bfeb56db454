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
 * A {@code <filesystem type= accessmode= model= multidevs= fmode= dmode=>}: driver, binary (virtiofs), source, target, idmap, readonly, space limits, boot, alias, address.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"driver", "binary", "idmap", "source", "target", "readonly", "spaceHardLimit", "spaceSoftLimit", "boot", "alias", "master", "rom", "acpi", "address", "extra"})
public class FilesystemDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "accessmode") private String accessmode;
    @XmlAttribute(name = "model") private String model;
    @XmlAttribute(name = "multidevs") private String multidevs;
    @XmlAttribute(name = "fmode") private String fmode;
    @XmlAttribute(name = "dmode") private String dmode;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "driver") private FsDriverDef driver;
    @XmlElement(name = "binary") private Generic binary;
    @XmlElement(name = "idmap") private Generic idmap;
    @XmlElement(name = "source") private Generic source;
    @XmlElement(name = "target") private Generic target;
    @XmlElement(name = "readonly") private Generic readonly;
    @XmlElement(name = "space_hard_limit") private ScaledValue spaceHardLimit;
    @XmlElement(name = "space_soft_limit") private ScaledValue spaceSoftLimit;
    @XmlElement(name = "boot") private BootDef boot;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "master") private Generic master;
    @XmlElement(name = "rom") private RomDef rom;
    @XmlElement(name = "acpi") private AcpiDef acpi;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public FilesystemDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public FilesystemDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code accessmode} attribute as written, or {@code null}. */
    public String accessmode() {
        return accessmode;
    }

    /** Sets (or with {@code null} removes) the {@code accessmode} attribute. */
    public FilesystemDef accessmode(String v) {
        accessmode = v;
        return this;
    }

    /** The {@code model} attribute as written, or {@code null}. */
    public String model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code model} attribute. */
    public FilesystemDef model(String v) {
        model = v;
        return this;
    }

    /** The {@code multidevs} attribute as written, or {@code null}. */
    public String multidevs() {
        return multidevs;
    }

    /** Sets (or with {@code null} removes) the {@code multidevs} attribute. */
    public FilesystemDef multidevs(String v) {
        multidevs = v;
        return this;
    }

    /** The {@code fmode} attribute as written, or {@code null}. */
    public String fmode() {
        return fmode;
    }

    /** Sets (or with {@code null} removes) the {@code fmode} attribute. */
    public FilesystemDef fmode(String v) {
        fmode = v;
        return this;
    }

    /** The {@code dmode} attribute as written, or {@code null}. */
    public String dmode() {
        return dmode;
    }

    /** Sets (or with {@code null} removes) the {@code dmode} attribute. */
    public FilesystemDef dmode(String v) {
        dmode = v;
        return this;
    }

    /** The {@code <driver>} element, or {@code null}. */
    public FsDriverDef driver() {
        return driver;
    }

    /** Sets (or with {@code null} removes) the {@code <driver>} element. */
    public FilesystemDef driver(FsDriverDef v) {
        driver = v;
        return this;
    }

    /** The {@code <binary>} element, or {@code null}. */
    public Generic binary() {
        return binary;
    }

    /** Sets (or with {@code null} removes) the {@code <binary>} element. */
    public FilesystemDef binary(Generic v) {
        binary = v;
        return this;
    }

    /** The {@code <idmap>} element, or {@code null}. */
    public Generic idmap() {
        return idmap;
    }

    /** Sets (or with {@code null} removes) the {@code <idmap>} element. */
    public FilesystemDef idmap(Generic v) {
        idmap = v;
        return this;
    }

    /** The {@code <source>} element, or {@code null}. */
    public Generic source() {
        return source;
    }

    /** Sets (or with {@code null} removes) the {@code <source>} element. */
    public FilesystemDef source(Generic v) {
        source = v;
        return this;
    }

    /** The {@code <target>} element, or {@code null}. */
    public Generic target() {
        return target;
    }

    /** Sets (or with {@code null} removes) the {@code <target>} element. */
    public FilesystemDef target(Generic v) {
        target = v;
        return this;
    }

    /** The {@code <readonly>} element, or {@code null}. */
    public Generic readonly() {
        return readonly;
    }

    /** Sets (or with {@code null} removes) the {@code <readonly>} element. */
    public FilesystemDef readonly(Generic v) {
        readonly = v;
        return this;
    }

    /** The {@code <space_hard_limit>} element, or {@code null}. */
    public ScaledValue spaceHardLimit() {
        return spaceHardLimit;
    }

    /** Sets (or with {@code null} removes) the {@code <space_hard_limit>} element. */
    public FilesystemDef spaceHardLimit(ScaledValue v) {
        spaceHardLimit = v;
        return this;
    }

    /** The {@code <space_soft_limit>} element, or {@code null}. */
    public ScaledValue spaceSoftLimit() {
        return spaceSoftLimit;
    }

    /** Sets (or with {@code null} removes) the {@code <space_soft_limit>} element. */
    public FilesystemDef spaceSoftLimit(ScaledValue v) {
        spaceSoftLimit = v;
        return this;
    }

    /** The {@code <boot>} element, or {@code null}. */
    public BootDef boot() {
        return boot;
    }

    /** Sets (or with {@code null} removes) the {@code <boot>} element. */
    public FilesystemDef boot(BootDef v) {
        boot = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public FilesystemDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <master>} element, or {@code null}. */
    public Generic master() {
        return master;
    }

    /** Sets (or with {@code null} removes) the {@code <master>} element. */
    public FilesystemDef master(Generic v) {
        master = v;
        return this;
    }

    /** The {@code <rom>} element, or {@code null}. */
    public RomDef rom() {
        return rom;
    }

    /** Sets (or with {@code null} removes) the {@code <rom>} element. */
    public FilesystemDef rom(RomDef v) {
        rom = v;
        return this;
    }

    /** The {@code <acpi>} element, or {@code null}. */
    public AcpiDef acpi() {
        return acpi;
    }

    /** Sets (or with {@code null} removes) the {@code <acpi>} element. */
    public FilesystemDef acpi(AcpiDef v) {
        acpi = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public FilesystemDef address(DeviceAddress v) {
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
