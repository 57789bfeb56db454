package org.jvirt.conf;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The one way jvirt reads XML: a hardened StAX reader (no DTD, no DOCTYPE, no external or internal
 * entities, capped size and nesting depth) feeding the shared JAXB context. Any failure becomes a
 * {@link VirtException} carrying libvirt's code; nothing half-parsed escapes.
 */
final class SafeXml {
    /**
     * One configured factory per thread: StAX does not promise that a shared factory may create
     * readers concurrently, and a global lock around it serialised every parse of every thread.
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SafeXml::newFactory);
    /** One unmarshaller per thread (JAXB unmarshallers are reusable but not thread-safe). */
    private static final ThreadLocal<Unmarshaller> UNMARSHALLER = ThreadLocal.withInitial(() -> {
        try {
            return Jaxb.context().createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    });

    private SafeXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return f;
    }

    /**
     * Parses a document into a JAXB-bound object.
     *
     * @param xml the document
     * @param type the bound class
     * @param root the expected root element name
     * @param docName libvirt's name of the document in error messages, e.g. {@code domain_definition}
     * @param domain the error domain of parse errors
     * @param <T> the bound type
     * @return the object
     */
    static <T> T unmarshal(String xml, Class<T> type, String root, String docName, ErrorDomain domain) {
        return unmarshal(xml, type, root, docName, "(" + docName + ")", domain);
    }

    /**
     * Parses a document read from a file: parse errors name the file, as libxml2 names a file it
     * read ({@code /path/node.xml:2: ...}) where it names inline text {@code (docName):2: ...}.
     *
     * @param xml the document
     * @param type the bound class
     * @param root the expected root element name
     * @param file the file's name as libxml2 gives it
     * @param domain the error domain of parse errors
     * @param <T> the bound type
     * @return the object
     */
    static <T> T unmarshalFile(String xml, Class<T> type, String root, String file, ErrorDomain domain) {
        return unmarshal(xml, type, root, file, file, domain);
    }

    private static <T> T unmarshal(String xml, Class<T> type, String root, String docName, String label,
            ErrorDomain domain) {
        if (xml == null) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "xml in " + docName + " must not be NULL");
        }
        if (xml.length() > XmlLimits.MAX_DOCUMENT_CHARS) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "document exceeds " + XmlLimits.MAX_DOCUMENT_CHARS + " characters");
        }
        Guard reader = null;
        try {
            XMLStreamReader raw = FACTORY.get().createXMLStreamReader(new StringReader(xml));
            reader = new Guard(raw);
            while (reader.hasNext() && reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                reader.next();
            }
            if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw detail(label, domain, xml, 1, "Document is empty");
            }
            String actual = reader.getLocalName();
            if (!actual.equals(root)) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                        "expecting root element of '" + root + "', not '" + actual + "'");
            }
            return UNMARSHALLER.get().unmarshal(reader, type).getValue();
        } catch (XMLStreamException e) {
            throw translate(e, reader, label, domain, xml);
        } catch (JAXBException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof VirtException ve) {
                    throw ve;
                }
                if (t instanceof XMLStreamException xse) {
                    throw translate(xse, reader, label, domain, xml);
                }
                if (t instanceof JAXBException je && je.getLinkedException() != null && je.getLinkedException() != t) {
                    Throwable linked = je.getLinkedException();
                    if (linked instanceof VirtException ve) {
                        throw ve;
                    }
                    if (linked instanceof XMLStreamException xse) {
                        throw translate(xse, reader, label, domain, xml);
                    }
                }
            }
            throw new VirtException(ErrorCode.XML_DETAIL, domain, label + ": " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private static VirtException translate(XMLStreamException e, Guard reader, String label, ErrorDomain domain,
            String xml) {
        if (e instanceof Refused r) {
            return VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, r.getMessage());
        }
        int line = e.getLocation() != null && e.getLocation().getLineNumber() > 0 ? e.getLocation().getLineNumber() : 1;
        String msg = e.getNestedException() != null && e.getNestedException().getMessage() != null
                ? e.getNestedException().getMessage() : e.getMessage();
        int m = msg.indexOf("Message: ");
        if (m >= 0) {
            msg = msg.substring(m + 9);
        }
        if (msg.contains("must start and end within the same entity") || msg.contains("Premature end of file")) {
            if (reader != null && !reader.open.isEmpty()) {
                String[] top = reader.open.peek();
                msg = "Premature end of data in tag " + top[0] + " line " + top[1];
            } else if (xml.isBlank()) {
                msg = "Document is empty";
            } else {
                msg = "Start tag expected, '<' not found";
            }
        } else if (msg.contains("Content is not allowed in prolog")) {
            msg = "Start tag expected, '<' not found";
        }
        return detail(label, domain, xml, line, msg);
    }

    private static VirtException detail(String label, ErrorDomain domain, String xml, int line, String msg) {
        String[] lines = xml.split("\n", -1);
        String text = line - 1 < lines.length && !xml.isEmpty() ? lines[line - 1] : "(null)";
        StringBuilder caret = new StringBuilder();
        caret.append("-".repeat(Math.max(0, Math.min(text.length(), 80))));
        if (xml.isEmpty() || !msg.startsWith("Premature")) {
            caret.setLength(0);
        }
        return new VirtException(ErrorCode.XML_DETAIL, domain,
                label + ":" + line + ": " + msg + "\n" + text + "\n" + caret + "^");
    }

    /** A refusal of the hardening rules (DOCTYPE, entity, depth). */
    static final class Refused extends XMLStreamException {
        private static final long serialVersionUID = 1L;

        Refused(String msg) {
            super(msg);
        }
    }

    /** Enforces the rules on every event JAXB pulls. */
    private static final class Guard extends StreamReaderDelegate {
        final Deque<String[]> open = new ArrayDeque<>();

        Guard(XMLStreamReader r) throws XMLStreamException {
            super(r);
            check(r.getEventType());
        }

        @Override
        public int next() throws XMLStreamException {
            int ev = super.next();
            check(ev);
            return ev;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int ev;
            do {
                ev = next();
            } while (ev == CHARACTERS && isWhiteSpace() || ev == COMMENT || ev == SPACE
                    || ev == PROCESSING_INSTRUCTION);
            if (ev != START_ELEMENT && ev != END_ELEMENT) {
                throw new XMLStreamException("expected start or end tag", getLocation());
            }
            return ev;
        }

        private void check(int ev) throws XMLStreamException {
            switch (ev) {
                case DTD -> throw new Refused("DOCTYPE is not allowed (DTDs and entities are refused)");
                case ENTITY_REFERENCE -> throw new Refused("entity reference '" + getLocalName() + "' is not allowed");
                case START_ELEMENT -> {
                    if (open.size() >= XmlLimits.MAX_DEPTH) {
                        throw new Refused("document nesting exceeds " + XmlLimits.MAX_DEPTH + " levels");
                    }
                    open.push(new String[] {getLocalName(), String.valueOf(getLocation().getLineNumber())});
                }
                case END_ELEMENT -> open.poll();
                default -> {
                }
            }
        }
    }
}
