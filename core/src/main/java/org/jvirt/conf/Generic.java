package org.jvirt.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlMixed;

/**
 * An element the model knows by name but does not type yet: its attributes (in document order) and
 * its mixed content (text and DOM elements) are kept verbatim, so it survives a round trip in
 * libvirt's position. Typing an element later means replacing a {@code Generic} field by a class.
 */
@XmlAccessorType(XmlAccessType.FIELD)
public class Generic {
    @XmlAnyAttribute
    private Map<QName, String> attributes = new LinkedHashMap<>();

    @XmlMixed
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    /** An empty element. */
    public Generic() {
    }

    /** An attribute's value, or {@code null}. */
    public String attr(String name) {
        return attributes.get(new QName(name));
    }

    /** Sets (or with {@code null} removes) an attribute. */
    public Generic attr(String name, String value) {
        if (value == null) {
            attributes.remove(new QName(name));
        } else {
            attributes.put(new QName(name), value);
        }
        return this;
    }

    /** The attributes in document order (live view). */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Text and {@code org.w3c.dom.Element} children (live view). */
    public List<Object> content() {
        return content;
    }

    /** The concatenated text content of this element. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Object o : content) {
            if (o instanceof String s) {
                b.append(s);
            }
        }
        return b.toString().trim();
    }

    /**
     * Appends an empty child element with attributes.
     *
     * @param name the element name
     * @param attrPairs name, value, name, value, ...
     * @return this
     */
    public Generic addChild(String name, String... attrPairs) {
        org.w3c.dom.Element e;
        synchronized (DOC) {
            e = DOC.createElement(name);
            for (int i = 0; i + 1 < attrPairs.length; i += 2) {
                e.setAttribute(attrPairs[i], attrPairs[i + 1]);
            }
        }
        content.add(e);
        return this;
    }

    private static final org.w3c.dom.Document DOC = newDoc();

    private static org.w3c.dom.Document newDoc() {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the text content. */
    public Generic text(String t) {
        content.clear();
        content.add(t);
        return this;
    }
}
