package org.jvirt.conf;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.ErrorListener;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.URIResolver;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TemplatesHandler;
import javax.xml.transform.sax.TransformerHandler;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.XMLFilter;

/**
 * The transformer factory JAXB uses for {@code @XmlAnyElement} content ({@link Generic} children,
 * foreign metadata): identical to the JDK's except that {@link #newTransformerHandler()} returns a
 * plain SAX-to-DOM builder. The JDK's XSLTC handler JAXB otherwise creates for every untyped subtree
 * costs ~26 KB and ~15 µs each (an identity transformer with its output properties), which made
 * parsing a 6 KB domain document allocate ~700 KB. Everything else is delegated unchanged.
 *
 * <p>jaxb-runtime 4.0 asks {@code TransformerFactory.newInstance()} for a new factory for every untyped
 * subtree, so the only way to reach it is the JVM's factory selection: {@link #install()} sets the
 * {@code javax.xml.transform.TransformerFactory} system property to this class unless the application
 * set it. Internal; public only so that the JDK's factory finder can create it.
 */
public final class DomTransformerFactory extends SAXTransformerFactory {
    private static final String PROPERTY = "javax.xml.transform.TransformerFactory";
    private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private SAXTransformerFactory delegate;
    private final java.util.Map<String, Boolean> features = new java.util.LinkedHashMap<>();

    /** For the JDK's factory finder. */
    public DomTransformerFactory() {
    }

    /**
     * Selects this factory as the JVM's {@code TransformerFactory} unless the application chose one
     * (or set {@code -Djvirt.xml.fastDom=false}). It behaves as the JDK's factory in every respect
     * (it delegates to it), except that SAX-to-DOM handlers are plain builders.
     */
    static synchronized void install() {
        if (System.getProperty(PROPERTY) == null && !"false".equals(System.getProperty("jvirt.xml.fastDom"))) {
            System.setProperty(PROPERTY, DomTransformerFactory.class.getName());
        }
    }

    private synchronized SAXTransformerFactory delegate() {
        if (delegate == null) {
            delegate = (SAXTransformerFactory) TransformerFactory.newDefaultInstance();
            for (java.util.Map.Entry<String, Boolean> f : features.entrySet()) {
                try {
                    delegate.setFeature(f.getKey(), f.getValue());
                } catch (TransformerConfigurationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return delegate;
    }

    @Override
    public TransformerHandler newTransformerHandler() {
        return new DomBuilder(this);
    }

    /** Builds a DOM document from SAX events into a {@link DOMResult}, as the JDK's SAX2DOM does. */
    static final class DomBuilder implements TransformerHandler {
        private final DomTransformerFactory factory;
        /** The JDK's handler, for results other than a {@link DOMResult}: every event goes there. */
        private TransformerHandler other;
        private DOMResult result;
        private Document doc;
        private Node current;
        private final java.util.List<String[]> prefixes = new java.util.ArrayList<>(2);

        DomBuilder(DomTransformerFactory factory) {
            this.factory = factory;
        }

        @Override
        public void setResult(Result r) {
            if (r instanceof DOMResult d) {
                result = d;
                return;
            }
            try {
                other = factory.delegate().newTransformerHandler();
            } catch (TransformerConfigurationException e) {
                throw new IllegalArgumentException(e);
            }
            other.setResult(r);
        }

        @Override
        public void setSystemId(String systemID) {
            if (other != null) {
                other.setSystemId(systemID);
            }
        }

        @Override
        public String getSystemId() {
            return other == null ? null : other.getSystemId();
        }

        @Override
        public Transformer getTransformer() {
            return other == null ? null : other.getTransformer();
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            if (other != null) {
                other.setDocumentLocator(locator);
                return;
            }
        }

        @Override
        public void startDocument() throws org.xml.sax.SAXException {
            if (other != null) {
                other.startDocument();
                return;
            }
            Node n = result.getNode();
            if (n == null) {
                doc = BUILDER.get().newDocument();
                result.setNode(doc);
                current = doc;
            } else {
                doc = n instanceof Document d ? d : n.getOwnerDocument();
                current = n;
            }
        }

        @Override
        public void endDocument() throws org.xml.sax.SAXException {
            if (other != null) {
                other.endDocument();
                return;
            }
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws org.xml.sax.SAXException {
            if (other != null) {
                other.startPrefixMapping(prefix, uri);
                return;
            }
            prefixes.add(new String[] {prefix, uri});
        }

        @Override
        public void endPrefixMapping(String prefix) throws org.xml.sax.SAXException {
            if (other != null) {
                other.endPrefixMapping(prefix);
                return;
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws org.xml.sax.SAXException {
            if (other != null) {
                other.startElement(uri, localName, qName, atts);
                return;
            }
            if (doc == null) {
                startDocument();
            }
            Element e = doc.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
            for (String[] p : prefixes) {
                e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                        p[0] == null || p[0].isEmpty() ? "xmlns" : "xmlns:" + p[0], p[1]);
            }
            prefixes.clear();
            for (int i = 0; i < atts.getLength(); i++) {
                String au = atts.getURI(i);
                String aq = atts.getQName(i);
                if (aq.equals("xmlns") || aq.startsWith("xmlns:")) {
                    e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, aq, atts.getValue(i));
                } else {
                    e.setAttributeNS(au == null || au.isEmpty() ? null : au, aq, atts.getValue(i));
                }
            }
            current.appendChild(e);
            current = e;
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws org.xml.sax.SAXException {
            if (other != null) {
                other.endElement(uri, localName, qName);
                return;
            }
            current = current.getParentNode();
        }

        @Override
        public void characters(char[] ch, int start, int length) throws org.xml.sax.SAXException {
            if (other != null) {
                other.characters(ch, start, length);
                return;
            }
            if (current == null || current == doc) {
                return;
            }
            Node last = current.getLastChild();
            String s = new String(ch, start, length);
            if (last != null && last.getNodeType() == Node.TEXT_NODE) {
                ((org.w3c.dom.Text) last).appendData(s);
            } else {
                current.appendChild(doc.createTextNode(s));
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws org.xml.sax.SAXException {
            if (other != null) {
                other.ignorableWhitespace(ch, start, length);
                return;
            }
            characters(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws org.xml.sax.SAXException {
            if (other != null) {
                other.processingInstruction(target, data);
                return;
            }
        }

        @Override
        public void skippedEntity(String name) throws org.xml.sax.SAXException {
            if (other != null) {
                other.skippedEntity(name);
                return;
            }
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws org.xml.sax.SAXException {
            if (other != null) {
                other.startDTD(name, publicId, systemId);
                return;
            }
        }

        @Override
        public void endDTD() throws org.xml.sax.SAXException {
            if (other != null) {
                other.endDTD();
                return;
            }
        }

        @Override
        public void startEntity(String name) throws org.xml.sax.SAXException {
            if (other != null) {
                other.startEntity(name);
                return;
            }
        }

        @Override
        public void endEntity(String name) throws org.xml.sax.SAXException {
            if (other != null) {
                other.endEntity(name);
                return;
            }
        }

        @Override
        public void startCDATA() throws org.xml.sax.SAXException {
            if (other != null) {
                other.startCDATA();
                return;
            }
        }

        @Override
        public void endCDATA() throws org.xml.sax.SAXException {
            if (other != null) {
                other.endCDATA();
                return;
            }
        }

        @Override
        public void comment(char[] ch, int start, int length) throws org.xml.sax.SAXException {
            if (other != null) {
                other.comment(ch, start, length);
                return;
            }
        }

        @Override
        public void notationDecl(String name, String publicId, String systemId) throws org.xml.sax.SAXException {
            if (other != null) {
                other.notationDecl(name, publicId, systemId);
                return;
            }
        }

        @Override
        public void unparsedEntityDecl(String name, String publicId, String systemId, String notationName) throws org.xml.sax.SAXException {
            if (other != null) {
                other.unparsedEntityDecl(name, publicId, systemId, notationName);
                return;
            }
        }
    }

    @Override
    public TransformerHandler newTransformerHandler(Source src) throws TransformerConfigurationException {
        return delegate().newTransformerHandler(src);
    }

    @Override
    public TransformerHandler newTransformerHandler(Templates templates) throws TransformerConfigurationException {
        return delegate().newTransformerHandler(templates);
    }

    @Override
    public TemplatesHandler newTemplatesHandler() throws TransformerConfigurationException {
        return delegate().newTemplatesHandler();
    }

    @Override
    public XMLFilter newXMLFilter(Source src) throws TransformerConfigurationException {
        return delegate().newXMLFilter(src);
    }

    @Override
    public XMLFilter newXMLFilter(Templates templates) throws TransformerConfigurationException {
        return delegate().newXMLFilter(templates);
    }

    @Override
    public Transformer newTransformer(Source source) throws TransformerConfigurationException {
        return delegate().newTransformer(source);
    }

    @Override
    public Transformer newTransformer() throws TransformerConfigurationException {
        return delegate().newTransformer();
    }

    @Override
    public Templates newTemplates(Source source) throws TransformerConfigurationException {
        return delegate().newTemplates(source);
    }

    @Override
    public Source getAssociatedStylesheet(Source source, String media, String title, String charset)
            throws TransformerConfigurationException {
        return delegate().getAssociatedStylesheet(source, media, title, charset);
    }

    @Override
    public void setURIResolver(URIResolver resolver) {
        delegate().setURIResolver(resolver);
    }

    @Override
    public URIResolver getURIResolver() {
        return delegate().getURIResolver();
    }

    @Override
    public synchronized void setFeature(String name, boolean value) throws TransformerConfigurationException {
        if (delegate != null) {
            delegate.setFeature(name, value);
        }
        features.put(name, value);
    }

    @Override
    public synchronized boolean getFeature(String name) {
        Boolean f = features.get(name);
        return f != null ? f : delegate().getFeature(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        delegate().setAttribute(name, value);
    }

    @Override
    public Object getAttribute(String name) {
        return delegate().getAttribute(name);
    }

    @Override
    public void setErrorListener(ErrorListener listener) {
        delegate().setErrorListener(listener);
    }

    @Override
    public ErrorListener getErrorListener() {
        return delegate().getErrorListener();
    }
}
