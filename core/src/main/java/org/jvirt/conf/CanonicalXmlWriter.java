package org.jvirt.conf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamWriter;

/**
 * An {@link XMLStreamWriter} producing libvirt's canonical text: two-space indentation, single-quoted
 * attributes in the order written, {@code <x/>} for empty elements, one element per line, libvirt's
 * escaping ({@code virBufferEscapeString}) and a trailing newline. Whitespace-only text between
 * elements is dropped (it is re-created by the indentation). Inside {@code <metadata>} it writes as
 * libxml2 does (double quotes), as libvirt copies foreign metadata verbatim.
 */
final class CanonicalXmlWriter implements XMLStreamWriter {
    private static final class Frame {
        final String name;
        final String localName;
        final Frame parent;
        /** {@code /a/b}, built only when asked for (most elements never need it). */
        private String path;
        boolean tagOpen = true;
        boolean hasChildren;
        final boolean raw;
        boolean declared;
        final java.util.List<String[]> attrs = new java.util.ArrayList<>(4);

        Frame(String name, String localName, Frame parent, boolean raw) {
            this.name = name;
            this.localName = localName;
            this.parent = parent;
            this.raw = raw;
        }

        String path() {
            if (path == null) {
                path = (parent == null ? "" : parent.path()) + "/" + localName;
            }
            return path;
        }
    }

    private final StringBuilder out;
    private final Set<String> neverSelfClose;
    /** The last names of {@link #neverSelfClose}'s paths: the full path is built only for these. */
    private final Set<String> neverSelfCloseNames;
    private final boolean secure;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private final int baseIndent;
    private boolean nextDeclared;
    private final java.util.Map<String, java.util.Map<String, Integer>> elementOrders;

    /**
     * @param out where to write
     * @param neverSelfClose element paths (e.g. {@code /domain/devices}) written open-and-close when empty
     * @param secure whether to keep {@code passwd} attributes
     * @param baseIndent indentation levels of the root
     */
    CanonicalXmlWriter(StringBuilder out, Set<String> neverSelfClose, boolean secure, int baseIndent) {
        this(out, neverSelfClose, secure, baseIndent, java.util.Map.of());
    }

    /**
     * @param elementOrders per element path ({@code /a/b}) or name, the attribute order of libvirt's formatter for that element
     *        (documents other than the domain: pool, volume, network); other elements use the shared order
     */
    CanonicalXmlWriter(StringBuilder out, Set<String> neverSelfClose, boolean secure, int baseIndent,
            java.util.Map<String, java.util.Map<String, Integer>> elementOrders) {
        this.elementOrders = elementOrders;
        this.out = out;
        this.neverSelfClose = neverSelfClose;
        Set<String> names = new java.util.HashSet<>();
        for (String p : neverSelfClose) {
            names.add(p.substring(p.lastIndexOf('/') + 1));
        }
        this.neverSelfCloseNames = names;
        this.secure = secure;
        this.baseIndent = baseIndent;
    }

    /** libvirt's attribute order (its formatters' order); unknown attributes keep their given order after these. */
    private static final java.util.Map<String, Integer> ORDER = order("type", "id", "device", "model",
            "name", "snapshot", "dev", "file", "dir", "pool", "volume", "protocol", "network", "bridge", "mode", "index",
            "address", "port", "autoport", "websocket", "listen", "passwd", "keymap", "offset", "placement", "cpuset",
            "current", "dumpCore", "size", "slots", "domain", "controller", "bus", "target", "unit", "slot",
            "function", "multifunction", "vram", "heads", "primary", "cache", "io", "stp", "delay", "netmask",
            "prefix", "start", "end");
    private static final java.util.Map<String, Integer> DRIVER_ORDER = order("name", "type", "cache", "io");

    static java.util.Map<String, Integer> order(String... names) {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], i);
        }
        return m;
    }

    private void flushAttrs(Frame f) {
        java.util.List<String[]> a = f.attrs;
        int size = a.size();
        if (size > 1 && !f.raw && !f.declared) {
            java.util.Map<String, Integer> ord = null;
            if (!elementOrders.isEmpty()) {
                ord = elementOrders.get(f.path());
                if (ord == null) {
                    ord = elementOrders.get(f.name);
                }
            }
            if (ord == null) {
                ord = f.name.equals("driver") ? DRIVER_ORDER : ORDER;
            }
            // a stable insertion sort on ranks looked up once per attribute (was a comparator looking
            // both ranks up in the map on every comparison)
            int[] rank = new int[size];
            for (int i = 0; i < size; i++) {
                rank[i] = ord.getOrDefault(a.get(i)[0], Integer.MAX_VALUE);
            }
            for (int i = 1; i < size; i++) {
                int r = rank[i];
                String[] x = a.get(i);
                int j = i - 1;
                while (j >= 0 && rank[j] > r) {
                    rank[j + 1] = rank[j];
                    a.set(j + 1, a.get(j));
                    j--;
                }
                rank[j + 1] = r;
                a.set(j + 1, x);
            }
        }
        char quote = f.raw ? '"' : '\'';
        for (String[] x : a) {
            out.append(' ').append(x[0]).append('=').append(quote);
            if (x[2] != null) {
                out.append(x[1]);
            } else {
                escape(x[1], true, f.raw);
            }
            out.append(quote);
        }
        a.clear();
    }

    private void indent(int depth) {
        for (int i = 0; i < depth + baseIndent; i++) {
            out.append("  ");
        }
    }

    @Override
    public void writeStartElement(String localName) {
        writeStartElement(null, localName, null);
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) {
        writeStartElement(null, localName, namespaceURI);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) {
        Frame parent = stack.peek();
        if (parent != null) {
            if (parent.tagOpen) {
                flushAttrs(parent);
                out.append('>');
                parent.tagOpen = false;
                if (!isBlank(text)) {
                    escape(text, false, parent.raw);
                }
                out.append('\n');
            } else if (!isBlank(text)) {
                indent(stack.size());
                escape(text, false, parent.raw);
                out.append('\n');
            }
            parent.hasChildren = true;
        }
        text.setLength(0);
        indent(stack.size());
        String q = prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
        out.append('<').append(q);
        boolean raw = parent != null && (parent.raw || parent.name.equals("metadata") && stack.size() >= 1);
        Frame f = new Frame(q, localName, parent, raw);
        f.declared = nextDeclared;
        nextDeclared = false;
        stack.push(f);
    }

    /**
     * Called (through the marshaller's listener) just before JAXB writes a bound object: whether the
     * element about to start declares its attribute order itself ({@link DeclaredOrder}).
     */
    void beforeObject(Object source) {
        nextDeclared = source instanceof DeclaredOrder;
    }

    @Override
    public void writeEmptyElement(String localName) {
        writeStartElement(localName);
        writeEndElement();
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) {
        writeEmptyElement(localName);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) {
        writeStartElement(prefix, localName, namespaceURI);
        writeEndElement();
    }

    @Override
    public void writeEndElement() {
        Frame f = stack.pop();
        if (f.tagOpen) {
            flushAttrs(f);
            if (text.length() > 0) {
                out.append('>');
                escape(text, false, f.raw);
                out.append("</").append(f.name).append(">\n");
            } else if (neverSelfCloseNames.contains(f.localName) && neverSelfClose.contains(f.path())) {
                out.append(">\n");
                indent(stack.size());
                out.append("</").append(f.name).append(">\n");
            } else {
                out.append("/>\n");
            }
        } else {
            if (!isBlank(text)) {
                indent(stack.size() + 1);
                escape(text, false, f.raw);
                out.append('\n');
            }
            indent(stack.size());
            out.append("</").append(f.name).append(">\n");
        }
        text.setLength(0);
    }

    @Override
    public void writeEndDocument() {
        while (!stack.isEmpty()) {
            writeEndElement();
        }
    }

    @Override
    public void close() {
    }

    @Override
    public void flush() {
    }

    @Override
    public void writeAttribute(String localName, String value) {
        writeAttribute(null, null, localName, value);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value) {
        Frame f = stack.peek();
        if (!secure && !f.raw && localName.equals("passwd")) {
            return;
        }
        String q = prefix != null && !prefix.isEmpty() ? prefix + ":" + localName : localName;
        f.attrs.add(new String[] {q, value, null});
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) {
        writeAttribute(null, namespaceURI, localName, value);
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) {
        Frame f = stack.peek();
        if (f == null || namespaceURI == null || namespaceURI.isEmpty() && (prefix == null || prefix.isEmpty())) {
            return;
        }
        // Only foreign content (metadata) carries namespaces in libvirt's output.
        if (!f.raw) {
            return;
        }
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < namespaceURI.length(); i++) {
            char c = namespaceURI.charAt(i);
            v.append(c == '"' ? "&quot;" : c == '&' ? "&amp;" : c == '<' ? "&lt;" : String.valueOf(c));
        }
        f.attrs.add(new String[] {prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, v.toString(), "raw"});
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) {
        writeNamespace(null, namespaceURI);
    }

    @Override
    public void writeComment(String data) {
    }

    @Override
    public void writeProcessingInstruction(String target) {
    }

    @Override
    public void writeProcessingInstruction(String target, String data) {
    }

    @Override
    public void writeCData(String data) {
        text.append(data);
    }

    @Override
    public void writeDTD(String dtd) {
    }

    @Override
    public void writeEntityRef(String name) {
    }

    @Override
    public void writeStartDocument() {
    }

    @Override
    public void writeStartDocument(String version) {
    }

    @Override
    public void writeStartDocument(String encoding, String version) {
    }

    @Override
    public void writeCharacters(String s) {
        text.append(s);
    }

    @Override
    public void writeCharacters(char[] t, int start, int len) {
        text.append(t, start, len);
    }

    @Override
    public String getPrefix(String uri) {
        return null;
    }

    @Override
    public void setPrefix(String prefix, String uri) {
    }

    @Override
    public void setDefaultNamespace(String uri) {
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) {
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        throw new IllegalArgumentException(name);
    }

    private static boolean isBlank(StringBuilder s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A character every escaping rule writes as is. */
    private static boolean plain(char c) {
        return c >= 0x20 ? c != '<' && c != '>' && c != '&' && c != '"' && c != '\'' : c == '\t' || c == '\n' || c == '\r';
    }

    /** libvirt's virBufferEscapeString; libxml2's rules for raw (metadata) content. */
    private void escape(CharSequence s, boolean attr, boolean raw) {
        int n = s.length();
        int i = 0;
        while (i < n && plain(s.charAt(i))) {
            i++;
        }
        out.append(s, 0, i);   // the common case: nothing to escape
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(raw && !attr ? "\"" : "&quot;");
                case '\'' -> out.append(raw ? "'" : "&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        continue;
                    }
                    out.append(c);
                }
            }
        }
    }
}
