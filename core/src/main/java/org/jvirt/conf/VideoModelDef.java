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
 * A video {@code <model type= ram= vram= vram64= vgamem= heads= primary= blob=>} with acceleration and resolution.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"acceleration", "resolution", "extra"})
public class VideoModelDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "ram") private String ram;
    @XmlAttribute(name = "vram") private String vram;
    @XmlAttribute(name = "vram64") private String vram64;
    @XmlAttribute(name = "vgamem") private String vgamem;
    @XmlAttribute(name = "heads") private String heads;
    @XmlAttribute(name = "primary") private String primary;
    @XmlAttribute(name = "blob") private String blob;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "acceleration") private Generic acceleration;
    @XmlElement(name = "resolution") private Generic resolution;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public VideoModelDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public VideoModelDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code ram} attribute as written, or {@code null}. */
    public String ram() {
        return ram;
    }

    /** Sets (or with {@code null} removes) the {@code ram} attribute. */
    public VideoModelDef ram(String v) {
        ram = v;
        return this;
    }

    /** The {@code vram} attribute as written, or {@code null}. */
    public String vram() {
        return vram;
    }

    /** Sets (or with {@code null} removes) the {@code vram} attribute. */
    public VideoModelDef vram(String v) {
        vram = v;
        return this;
    }

    /** The {@code vram64} attribute as written, or {@code null}. */
    public String vram64() {
        return vram64;
    }

    /** Sets (or with {@code null} removes) the {@code vram64} attribute. */
    public VideoModelDef vram64(String v) {
        vram64 = v;
        return this;
    }

    /** The {@code vgamem} attribute as written, or {@code null}. */
    public String vgamem() {
        return vgamem;
    }

    /** Sets (or with {@code null} removes) the {@code vgamem} attribute. */
    public VideoModelDef vgamem(String v) {
        vgamem = v;
        return this;
    }

    /** The {@code heads} attribute as written, or {@code null}. */
    public String heads() {
        return heads;
    }

    /** Sets (or with {@code null} removes) the {@code heads} attribute. */
    public VideoModelDef heads(String v) {
        heads = v;
        return this;
    }

    /** The {@code primary} attribute as written, or {@code null}. */
    public String primary() {
        return primary;
    }

    /** Sets (or with {@code null} removes) the {@code primary} attribute. */
    public VideoModelDef primary(String v) {
        primary = v;
        return this;
    }

    /** The {@code blob} attribute as written, or {@code null}. */
    public String blob() {
        return blob;
    }

    /** Sets (or with {@code null} removes) the {@code blob} attribute. */
    public VideoModelDef blob(String v) {
        blob = v;
        return this;
    }

    /** The {@code <acceleration>} element, or {@code null}. */
    public Generic acceleration() {
        return acceleration;
    }

    /** Sets (or with {@code null} removes) the {@code <acceleration>} element. */
    public VideoModelDef acceleration(Generic v) {
        acceleration = v;
        return this;
    }

    /** The {@code <resolution>} element, or {@code null}. */
    public Generic resolution() {
        return resolution;
    }

    /** Sets (or with {@code null} removes) the {@code <resolution>} element. */
    public VideoModelDef resolution(Generic v) {
        resolution = v;
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
