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
 * The {@code <memballoon>}: model (virtio, virtio-transitional, virtio-non-transitional, xen, none), autodeflate, freePageReporting; stats period, driver (virtio options), alias, address.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"stats", "alias", "address", "driver", "extra"})
public class MemballoonDef implements DeclaredOrder {
    @XmlAttribute(name = "model") private String model;
    @XmlAttribute(name = "autodeflate") private String autodeflate;
    @XmlAttribute(name = "freePageReporting") private String freePageReporting;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "stats") private MemballoonStatsDef stats;
    @XmlElement(name = "alias") private AliasDef alias;
    @XmlElement(name = "address") private DeviceAddress address;
    @XmlElement(name = "driver") private VirtioDriverDef driver;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public MemballoonDef() {
    }

    /** The {@code model} attribute as written, or {@code null}. */
    public String model() {
        return model;
    }

    /** Sets (or with {@code null} removes) the {@code model} attribute. */
    public MemballoonDef model(String v) {
        model = v;
        return this;
    }

    /** The {@code autodeflate} attribute as written, or {@code null}. */
    public String autodeflate() {
        return autodeflate;
    }

    /** Sets (or with {@code null} removes) the {@code autodeflate} attribute. */
    public MemballoonDef autodeflate(String v) {
        autodeflate = v;
        return this;
    }

    /** The {@code freePageReporting} attribute as written, or {@code null}. */
    public String freePageReporting() {
        return freePageReporting;
    }

    /** Sets (or with {@code null} removes) the {@code freePageReporting} attribute. */
    public MemballoonDef freePageReporting(String v) {
        freePageReporting = v;
        return this;
    }

    /** The {@code <stats>} element, or {@code null}. */
    public MemballoonStatsDef stats() {
        return stats;
    }

    /** Sets (or with {@code null} removes) the {@code <stats>} element. */
    public MemballoonDef stats(MemballoonStatsDef v) {
        stats = v;
        return this;
    }

    /** The {@code <alias>} element, or {@code null}. */
    public AliasDef alias() {
        return alias;
    }

    /** Sets (or with {@code null} removes) the {@code <alias>} element. */
    public MemballoonDef alias(AliasDef v) {
        alias = v;
        return this;
    }

    /** The {@code <address>} element, or {@code null}. */
    public DeviceAddress address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code <address>} element. */
    public MemballoonDef address(DeviceAddress v) {
        address = v;
        return this;
    }

    /** The {@code <driver>} element, or {@code null}. */
    public VirtioDriverDef driver() {
        return driver;
    }

    /** Sets (or with {@code null} removes) the {@code <driver>} element. */
    public MemballoonDef driver(VirtioDriverDef v) {
        driver = v;
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
