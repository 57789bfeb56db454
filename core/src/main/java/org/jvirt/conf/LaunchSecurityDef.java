package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <launchSecurity type='sev'|'s390-pv'>}: confidential guest settings. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"cbitpos", "reducedPhysBits", "policy", "dhCert", "session"})
public class LaunchSecurityDef implements DeclaredOrder {
    @XmlAttribute private String type;
    @XmlAttribute private String kernelHashes;
    private String cbitpos;
    private String reducedPhysBits;
    private String policy;
    private String dhCert;
    private String session;

    /** For JAXB. */
    public LaunchSecurityDef() {
    }

    /** sev or s390-pv. */
    public String type() {
        return type;
    }

    /** The SEV policy (hex text as written), or {@code null}. */
    public String policy() {
        return policy;
    }

    /** The C-bit position, or {@code null}. */
    public String cbitpos() {
        return cbitpos;
    }

    /** The number of reduced physical address bits, or {@code null}. */
    public String reducedPhysBits() {
        return reducedPhysBits;
    }

    void normalise() {
        if (type == null) {
            throw DomainXml.xmlError("Missing required attribute 'type' in element 'launchSecurity'");
        }
        DomainXml.checkEnumAttr(type, "type", "launchSecurity", "sev", "s390-pv");
        if (type.equals("s390-pv")) {
            kernelHashes = null;
            cbitpos = null;
            reducedPhysBits = null;
            policy = null;
            dhCert = null;
            session = null;
            return;
        }
        kernelHashes = DomainXml.yesNo(kernelHashes, "kernelHashes", "launchSecurity");
        if (cbitpos != null) {
            cbitpos = Long.toString(DomainXml.parseUInt(cbitpos, "failed to get launch security cbitpos"));
        }
        if (reducedPhysBits != null) {
            reducedPhysBits = Long.toString(DomainXml.parseUInt(reducedPhysBits,
                    "failed to get launch security reduced-phys-bits"));
        }
        if (policy == null) {
            throw DomainXml.xmlError("failed to get launch security policy");
        }
        String p = policy.trim();
        try {
            long v = Long.decode(p.startsWith("0x") || p.startsWith("0X") ? p : "0x" + p);
            policy = String.format("0x%04x", v);
        } catch (NumberFormatException e) {
            throw DomainXml.xmlError("failed to get launch security policy");
        }
    }
}
