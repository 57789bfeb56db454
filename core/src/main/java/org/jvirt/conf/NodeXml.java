package org.jvirt.conf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlRootElement;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Reads the test driver's node file: {@code <node>} with {@code <cpu>} (mhz, model, active, nodes,
 * sockets, cores, threads), {@code <memory>} (KiB), and {@code <domain>}, {@code <network>},
 * {@code <pool>} (with {@code <volume>}s) either inline or as {@code file='...'} references resolved
 * against the node file's directory. Everything goes through the same hardened parser.
 */
public final class NodeXml {
    static final String TEST_NS = "http://libvirt.org/schemas/domain/test/1.0";

    private NodeXml() {
    }

    /** The raw {@code <node>} document: every child kept as DOM. */
    @XmlRootElement(name = "node")
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Raw {
        @XmlAnyElement List<Element> children = new ArrayList<>();
    }

    /**
     * Reads a node file.
     *
     * @param file the file
     * @return the node
     */
    public static NodeDef read(Path file) {
        return read(file.toString());
    }

    /**
     * Reads a node file named as in a {@code test://} URI, with libvirt's errors: a file that
     * cannot be loaded is {@code VIR_ERR_XML_ERROR} "failed to parse xml document" naming
     * {@code file} verbatim (so {@code test:////tmp/x.xml} gives {@code '//tmp/x.xml'}); a folder
     * reads as an empty document; parse errors name the file as libxml2 does (normalised). libvirt
     * also has libxml2 print an {@code I/O warning} line to stderr for a file it cannot load; a
     * library does not print, so that line is not reproduced.
     *
     * @param file the file's name
     * @return the node
     */
    public static NodeDef read(String file) {
        Path p = Path.of(file);
        String xml;
        try {
            if (Files.isDirectory(p)) {
                xml = "";
            } else {
                if (Files.size(p) > XmlLimits.MAX_DOCUMENT_CHARS) {
                    throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "document exceeds size limit: " + p);
                }
                xml = Files.readString(p);
            }
        } catch (IOException ex) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                    ErrorCode.XML_ERROR.format("failed to parse xml document '" + file + "'"), ex);
        }
        Raw raw = SafeXml.unmarshalFile(xml, Raw.class, "node", p.toString(), ErrorDomain.TEST);
        return parse(raw, p.toAbsolutePath().getParent());
    }

    /**
     * Parses a node document.
     *
     * @param xml the text
     * @param dir the directory {@code file=} references are relative to
     * @return the node
     */
    public static NodeDef parse(String xml, Path dir) {
        return parse(SafeXml.unmarshal(xml, Raw.class, "node", "node_definition", ErrorDomain.TEST), dir);
    }

    private static NodeDef parse(Raw raw, Path dir) {
        NodeDef node = new NodeDef();
        for (Element e : raw.children) {
            switch (e.getLocalName()) {
                case "cpu" -> readCpu(node, e);
                case "memory" -> node.memoryKiB = Units.toKiB(e.getTextContent(), e.getAttribute("unit").isEmpty()
                        ? null : e.getAttribute("unit"), "/node/memory[1]");
                case "domain" -> {
                    DomainDef d = e.hasAttribute("file") ? DomainXml.parse(readFile(dir.resolve(e.getAttribute("file"))))
                            : bind(e, DomainDef.class, d2 -> DomainXml.reparse(d2));
                    node.domains.add(new NodeDef.NodeDomain(d, runState(e)));
                }
                case "network" -> node.networks.add(e.hasAttribute("file")
                        ? NetworkXml.parse(readFile(dir.resolve(e.getAttribute("file"))))
                        : bind(e, NetworkDef.class, n -> {
                            NetworkXml.postParse(n);
                            return n;
                        }));
                case "pool" -> {
                    StoragePoolDef p = e.hasAttribute("file")
                            ? StorageXml.parsePool(readFile(dir.resolve(e.getAttribute("file"))))
                            : bind(e, StoragePoolDef.class, p2 -> p2);
                    List<StorageVolDef> vols = new ArrayList<>();
                    for (Iterator<Element> it = p.extra().iterator(); it.hasNext();) {
                        Element v = it.next();
                        if (v.getLocalName().equals("volume")) {
                            it.remove();
                        }
                    }
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element v && v.getLocalName().equals("volume")) {
                            StorageVolDef vol = v.hasAttribute("file")
                                    ? StorageXml.parseVolume(readFile(dir.resolve(v.getAttribute("file"))))
                                    : bind(v, StorageVolDef.class, x -> {
                                        StorageXml.postParse(x);
                                        return x;
                                    });
                            vols.add(vol);
                        }
                    }
                    if (!e.hasAttribute("file")) {
                        StorageXml.postParse(p);
                    }
                    node.pools.add(new NodeDef.NodePool(p, vols));
                }
                default -> {
                    // other elements (e.g. interfaces, devices) are not modelled by this driver
                }
            }
        }
        return node;
    }

    private static int runState(Element dom) {
        for (Node c = dom.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element m && "metadata".equals(m.getLocalName())) {
                for (Node x = m.getFirstChild(); x != null; x = x.getNextSibling()) {
                    if (x instanceof Element r && TEST_NS.equals(r.getNamespaceURI())
                            && "runstate".equals(r.getLocalName())) {
                        try {
                            return Integer.parseInt(r.getTextContent().trim());
                        } catch (NumberFormatException ex) {
                            throw VirtException.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.TEST,
                                    "invalid runstate '" + r.getTextContent() + "'");
                        }
                    }
                }
            }
        }
        return 1;
    }

    private static void readCpu(NodeDef node, Element cpu) {
        for (Node c = cpu.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                String v = e.getTextContent().trim();
                try {
                    switch (e.getLocalName()) {
                        case "mhz" -> node.mhz = Integer.parseInt(v);
                        case "model" -> node.model = v;
                        case "active" -> node.active = Integer.parseInt(v);
                        case "nodes" -> node.nodes = Integer.parseInt(v);
                        case "sockets" -> node.sockets = Integer.parseInt(v);
                        case "cores" -> node.cores = Integer.parseInt(v);
                        case "threads" -> node.threads = Integer.parseInt(v);
                        default -> {
                        }
                    }
                } catch (NumberFormatException ex) {
                    throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.TEST, "invalid node cpu " + e.getLocalName());
                }
            }
        }
    }

    private static <T> T bind(Element e, Class<T> type, java.util.function.UnaryOperator<T> post) {
        try {
            return post.apply(Jaxb.context().createUnmarshaller().unmarshal(e, type).getValue());
        } catch (JAXBException ex) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.TEST,
                    ErrorCode.XML_ERROR.format("invalid " + e.getLocalName() + " in node file: " + ex), ex);
        }
    }

    private static String readFile(Path p) {
        try {
            if (Files.size(p) > XmlLimits.MAX_DOCUMENT_CHARS) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "document exceeds size limit: " + p);
            }
            return Files.readString(p);
        } catch (IOException ex) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.TEST,
                    "failed to load '" + p + "': " + ex.getMessage(), ex);
        }
    }
}
