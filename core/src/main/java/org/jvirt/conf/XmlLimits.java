package org.jvirt.conf;

/** PLACEHOLDER: limits the XML parser enforces. Replaced by the model's work. */
public final class XmlLimits {
    /** Largest document accepted, in characters. */
    public static final int MAX_DOCUMENT_CHARS = 10 * 1024 * 1024;

    private XmlLimits() {
    }
}
