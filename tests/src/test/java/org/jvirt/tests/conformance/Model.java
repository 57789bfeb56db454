package org.jvirt.tests.conformance;

import java.util.EnumSet;

import org.jvirt.api.DomainXmlFlag;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.NetworkDef;
import org.jvirt.conf.NetworkXml;
import org.jvirt.conf.StoragePoolDef;
import org.jvirt.conf.StorageVolDef;
import org.jvirt.conf.StorageXml;

/**
 * The conformance tests' only contact with the model's entry points, so that a change of signature
 * touches one file. Each method does what libvirt's corresponding xml2xml test does.
 */
final class Model {
    private Model() {
    }

    /** Parse (live or persistent) and format secure, as {@code dumpxml} or {@code dumpxml --inactive}. */
    static String domain(String xml, boolean inactive) {
        DomainDef d = DomainXml.parse(xml);
        EnumSet<DomainXmlFlag> flags = EnumSet.of(DomainXmlFlag.SECURE);
        if (inactive) {
            flags.add(DomainXmlFlag.INACTIVE);
        }
        return DomainXml.format(d, flags);
    }

    /** Parses a domain as {@code define} would, with or without {@code --validate}; the result is discarded. */
    static void parseDomain(String xml, boolean inactive, boolean validate) {
        if (validate) {
            org.jvirt.conf.XmlValidation.parseDomain(xml);
        } else {
            DomainXml.parse(xml);
        }
    }

    static String pool(String xml) {
        StoragePoolDef p = StorageXml.parsePool(xml);
        return StorageXml.format(p);
    }

    /** A volume parsed in the context of its pool ({@code parseFlags}: the manifest's, may be null). */
    static String volume(String poolXml, String volXml, String parseFlags) {
        StoragePoolDef p = StorageXml.parsePool(poolXml);
        StorageVolDef v = StorageXml.parseVolume(volXml, p,
                parseFlags != null && parseFlags.contains("NO_CAPACITY"));
        return StorageXml.format(v);
    }

    static String network(String xml, boolean inactive) {
        NetworkDef n = NetworkXml.parse(xml);
        return NetworkXml.format(n, inactive);
    }

    static void parseNetwork(String xml) {
        NetworkXml.parse(xml);
    }
}
