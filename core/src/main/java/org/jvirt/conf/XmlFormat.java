package org.jvirt.conf;

import java.util.Set;

import javax.xml.namespace.QName;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/** Formats a bound object as libvirt's canonical text through {@link CanonicalXmlWriter}. */
final class XmlFormat {
    private static final ThreadLocal<Marshaller> MARSHALLER = ThreadLocal.withInitial(() -> {
        try {
            Marshaller m = Jaxb.context().createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            return m;
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    });

    private XmlFormat() {
    }

    /**
     * @param obj the object
     * @param type its bound class
     * @param root the root element name
     * @param neverSelfClose element paths libvirt writes open-and-close even when empty
     * @param secure keep passwords
     * @param indent indentation levels of the root (for nesting in a larger document)
     * @return the text, ending in a newline
     */
    static <T> String format(T obj, Class<T> type, String root, Set<String> neverSelfClose, boolean secure,
            int indent) {
        StringBuilder out = new StringBuilder(1024);
        formatInto(out, obj, type, root, neverSelfClose, secure, indent);
        return out.toString();
    }

    /** As {@link #format(Object, Class, String, Set, boolean, int)} with libvirt's attribute order per element path or name. */
    static <T> String format(T obj, Class<T> type, String root, Set<String> neverSelfClose, boolean secure,
            java.util.Map<String, java.util.Map<String, Integer>> elementOrders) {
        StringBuilder out = new StringBuilder(1024);
        marshal(obj, type, root, new CanonicalXmlWriter(out, neverSelfClose, secure, 0, elementOrders));
        return out.toString();
    }

    static <T> void formatInto(StringBuilder out, T obj, Class<T> type, String root, Set<String> neverSelfClose,
            boolean secure, int indent) {
        marshal(obj, type, root, new CanonicalXmlWriter(out, neverSelfClose, secure, indent));
    }

    private static <T> void marshal(T obj, Class<T> type, String root, CanonicalXmlWriter w) {
        try {
            Marshaller m = MARSHALLER.get();
            m.setListener(new Marshaller.Listener() {
                @Override
                public void beforeMarshal(Object source) {
                    w.beforeObject(source);
                }
            });
            try {
                m.marshal(new JAXBElement<>(new QName(root), type, obj), w);
            } finally {
                m.setListener(null);
            }
        } catch (JAXBException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                    ErrorCode.INTERNAL_ERROR.format("cannot format " + root + " XML: " + e), e);
        }
    }
}
