package org.jvirt.conf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <resource>}: the cgroup partition and the Fibre Channel application id. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"partition", "fibrechannel"})
public class ResourceDef implements DeclaredOrder {
    private String partition;
    private FibreChannel fibrechannel;

    /** Empty. */
    public ResourceDef() {
    }

    /** {@code <fibrechannel appid=/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ResourceDef.FibreChannel")
    public static class FibreChannel implements DeclaredOrder {
        @XmlAttribute String appid;
    }

    /** The partition, e.g. {@code /machine}, or {@code null}. */
    public String partition() {
        return partition;
    }

    /** The Fibre Channel appid, or {@code null}. */
    public String appId() {
        return fibrechannel == null ? null : fibrechannel.appid;
    }

    void normalise() {
        if (partition != null && !partition.startsWith("/")) {
            throw DomainXml.configUnsupported("resource partition '" + partition + "' must start with '/'");
        }
        if (fibrechannel != null) {
            String a = fibrechannel.appid;
            if (a == null) {
                throw DomainXml.xmlError("missing fibrechannel appid");
            }
            if (a.isEmpty() || a.length() > 128 || !a.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw DomainXml.configUnsupported("Fibre Channel 'appid' is not a printable string of 1-128 characters");
            }
        }
    }
}
