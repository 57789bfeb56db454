package org.jvirt.conf;

/** Limits the hardened XML parser enforces on every document it reads. */
public final class XmlLimits {
    /** Largest document accepted, in characters. */
    public static final int MAX_DOCUMENT_CHARS = 10 * 1024 * 1024;
    /** Deepest element nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private XmlLimits() {
    }
}
