package org.jvirt.cli;

/** The little XML handling jvirsh needs, without loading an XML parser (start-up time). */
final class Xml {
    private Xml() {
    }

    /** Escapes text as libvirt's {@code virBufferEscapeString}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&apos;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    /** Undoes the five predefined entities and numeric character references. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi < 0) {
                b.append(c);
                i++;
                continue;
            }
            String ent = s.substring(i + 1, semi);
            switch (ent) {
                case "lt": b.append('<'); break;
                case "gt": b.append('>'); break;
                case "amp": b.append('&'); break;
                case "quot": b.append('"'); break;
                case "apos": b.append('\''); break;
                default:
                    if (ent.startsWith("#x")) {
                        b.appendCodePoint(Integer.parseInt(ent.substring(2), 16));
                    } else if (ent.startsWith("#")) {
                        b.appendCodePoint(Integer.parseInt(ent.substring(1)));
                    } else {
                        b.append(s, i, semi + 1);
                    }
            }
            i = semi + 1;
        }
        return b.toString();
    }

    /** The text of the first {@code <tag>} after {@code from} (unescaped), or {@code null}. */
    static String text(String xml, String tag, int from) {
        String open = "<" + tag + ">";
        int s = xml.indexOf(open, from);
        if (s < 0) {
            return null;
        }
        int e = xml.indexOf("</" + tag + ">", s);
        return e < 0 ? null : unescape(xml.substring(s + open.length(), e));
    }

    /** The value of {@code attr} on the root element, or {@code null}. */
    static String rootAttr(String xml, String attr) {
        int s = xml.indexOf('<');
        while (s >= 0 && s + 1 < xml.length() && (xml.charAt(s + 1) == '?' || xml.charAt(s + 1) == '!')) {
            s = xml.indexOf('<', s + 1);
        }
        if (s < 0) {
            return null;
        }
        int e = xml.indexOf('>', s);
        String head = xml.substring(s, e < 0 ? xml.length() : e);
        int a = head.indexOf(" " + attr + "=");
        if (a < 0) {
            return null;
        }
        int q = a + attr.length() + 2;
        char quote = head.charAt(q);
        int end = head.indexOf(quote, q + 1);
        return unescape(head.substring(q + 1, end));
    }
}
