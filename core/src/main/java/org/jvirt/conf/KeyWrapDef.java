package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

/** {@code <keywrap>}: s390 AES/DEA key wrapping ciphers. */
@XmlAccessorType(XmlAccessType.FIELD)
public class KeyWrapDef implements DeclaredOrder {
    @XmlElement(name = "cipher") private List<Cipher> ciphers = new ArrayList<>();

    /** Empty. */
    public KeyWrapDef() {
    }

    /** {@code <cipher name='aes|dea' state='on|off'/>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "KeyWrapDef.Cipher")
    public static class Cipher implements DeclaredOrder {
        @XmlAttribute String name;
        @XmlAttribute String state;

        /** aes or dea. */
        public String name() {
            return name;
        }

        /** Whether the cipher is on. */
        public boolean on() {
            return "on".equals(state);
        }
    }

    /** The ciphers (live list), aes before dea after parsing. */
    public List<Cipher> ciphers() {
        return ciphers;
    }

    void normalise() {
        Cipher aes = null;
        Cipher dea = null;
        for (Cipher c : ciphers) {
            if (c.name == null) {
                throw DomainXml.xmlError("missing name for cipher");
            }
            DomainXml.checkEnum(c.name, "cipher name", "aes", "dea");
            if (c.state == null) {
                throw DomainXml.xmlError("missing state for cipher named " + c.name);
            }
            DomainXml.checkEnum(c.state, "cipher state", "on", "off");
            if (c.name.equals("aes")) {
                if (aes != null) {
                    throw DomainXml.xmlError("A domain definition can have no more than one cipher node with name aes");
                }
                aes = c;
            } else {
                if (dea != null) {
                    throw DomainXml.xmlError("A domain definition can have no more than one cipher node with name dea");
                }
                dea = c;
            }
        }
        ciphers.clear();
        if (aes != null) {
            ciphers.add(aes);
        }
        if (dea != null) {
            ciphers.add(dea);
        }
    }
}
