package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <seclabel type= model= relabel=>}: a security driver's label for the guest. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"label", "imagelabel", "baselabel"})
public class SecLabelDef implements DeclaredOrder {
    @XmlAttribute private String type;
    @XmlAttribute private String model;
    @XmlAttribute private String relabel;
    private String label;
    private String imagelabel;
    private String baselabel;

    /** For JAXB. */
    public SecLabelDef() {
    }

    /** dynamic, static or none. */
    public String type() {
        return type;
    }

    /** The security model (selinux, apparmor, dac), or {@code null}. */
    public String model() {
        return model;
    }

    /** Whether resources are relabelled. */
    public boolean relabel() {
        return "yes".equals(relabel);
    }

    /** The process label, or {@code null}. */
    public String label() {
        return label;
    }

    /** The image label, or {@code null}. */
    public String imageLabel() {
        return imagelabel;
    }

    /** The base label of a dynamic label, or {@code null}. */
    public String baseLabel() {
        return baselabel;
    }

    /**
     * libvirt's {@code virSecurityLabelDefParseXML}.
     *
     * @param live whether the document is live XML (labels of a running guest are kept)
     */
    void normalise(boolean live) {
        if (type == null) {
            type = model == null && relabel == null ? "dynamic" : "dynamic";
        }
        DomainXml.checkEnum(type, "security label type", "dynamic", "static", "none");
        if (model != null && model.isEmpty()) {
            model = null;
        }
        String r = DomainXml.yesNo(relabel, "relabel", "seclabel");
        boolean rel;
        if (r == null) {
            rel = !type.equals("static") && !type.equals("none");
        } else {
            rel = r.equals("yes");
            if (type.equals("dynamic") && !rel) {
                throw DomainXml.xmlError("dynamic label type must use resource relabeling");
            }
            if (type.equals("none") && rel) {
                throw DomainXml.xmlError("resource relabeling is not compatible with 'none' label type");
            }
        }
        relabel = type.equals("none") ? null : rel ? "yes" : "no";
        if (!(type.equals("static") || live && !type.equals("none"))) {
            label = null;
        } else if (type.equals("static") && (label == null || label.isEmpty())) {
            throw DomainXml.xmlError("security label is missing");
        }
        if (!(rel && live && !type.equals("none"))) {
            imagelabel = null;
        }
        if (!type.equals("dynamic")) {
            baselabel = null;
        }
        if (type.equals("none")) {
            label = null;
            imagelabel = null;
        }
    }
}
