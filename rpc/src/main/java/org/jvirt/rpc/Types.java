package org.jvirt.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact notation in which jvirt writes libvirt's XDR layouts, and its parser.
 *
 * <pre>
 * fields  := field (',' field)*            e.g. "dom:dom, flags:u32"
 * field   := NAME ':' type
 * type    := base suffix*
 * base    := i32 | u32 | i64 | u64 | f64 | u8w | u16w | str | uuid | tparam
 *          | opaque&lt;N&gt; | opaque[N] | char4&lt;N&gt; | char4[N]
 *          | a named struct (dom, net, pool, vol, snap, nwfilter, iface, secret, nodedev, ...)
 *          | '{' fields '}'                  an inline struct
 * suffix  := '?'                            optional (pointer)
 *          | '&lt;' N '&gt;'                        variable array, at most N
 *          | '[' N ']'                        fixed array of N
 * </pre>
 *
 * {@code u8w}/{@code u16w} are chars and shorts, which XDR widens to 4 bytes; {@code char4} arrays
 * carry one byte per 4-byte word, as libvirt's XDR of {@code char} does. Thread-safe.
 */
public final class Types {
    private Types() {
    }

    private static final Map<String, XdrType> NAMED = new ConcurrentHashMap<>();

    static {
        for (String s : List.of("i32", "u32", "i64", "u64", "f64", "u8w", "u16w", "str", "uuid")) {
            NAMED.put(s, new XdrType.Scalar(s));
        }
        NAMED.put("tparam", new XdrType.TypedParamType());
        // libvirt's object handles (remote_nonnull_*), by value.
        define("dom", "name:str, uuid:uuid, id:i32");
        define("net", "name:str, uuid:uuid");
        define("pool", "name:str, uuid:uuid");
        define("vol", "pool:str, name:str, key:str");
        define("snap", "name:str, dom:dom");
        define("checkpoint", "name:str, dom:dom");
        define("nwfilter", "name:str, uuid:uuid");
        define("iface", "name:str, mac:str");
        define("nodedev", "name:str");
        define("secret", "uuid:uuid, usageType:i32, usageID:str");
        define("netport", "net:net, uuid:uuid");
        // remote_error (virNetMessageError).
        define("error", "code:i32, domain:i32, message:str?, level:i32, dom:dom?, str1:str?, str2:str?, str3:str?,"
                + " int1:i32, int2:i32, net:net?");
    }

    /**
     * Defines a named struct usable in later notations.
     *
     * @param name the type name
     * @param fields its fields in the notation
     * @return the struct type
     */
    public static StructType define(String name, String fields) {
        StructType t = new StructType(name, new Parser(fields).fields('\0'));
        if (NAMED.putIfAbsent(name, t) != null) {
            throw new IllegalArgumentException("type " + name + " already defined");
        }
        return t;
    }

    /**
     * A named type.
     *
     * @param name e.g. {@code dom}
     * @return the type
     */
    public static XdrType named(String name) {
        XdrType t = NAMED.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown type '" + name + "'");
        }
        return t;
    }

    /**
     * A named struct type.
     *
     * @param name e.g. {@code dom}
     * @return the struct type
     */
    public static StructType struct(String name) {
        return (StructType) named(name);
    }

    /**
     * Parses a type.
     *
     * @param type e.g. {@code dom<16384>}
     * @return the type
     */
    public static XdrType parse(String type) {
        Parser p = new Parser(type);
        XdrType t = p.type();
        p.end();
        return t;
    }

    /**
     * Parses a field list into an anonymous struct; empty or {@code "-"} means {@code void}.
     *
     * @param fields e.g. {@code "dom:dom, flags:u32"}
     * @return the struct type
     */
    public static StructType fields(String fields) {
        String f = fields.strip();
        if (f.isEmpty() || f.equals("-")) {
            return StructType.VOID;
        }
        return new StructType("{" + f + "}", new Parser(f).fields('\0'));
    }

    /** A recursive-descent parser of the notation. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        List<StructType.Field> fields(char close) {
            List<StructType.Field> out = new ArrayList<>();
            while (true) {
                skip();
                String name = ident();
                skip();
                expect(':');
                skip();
                out.add(new StructType.Field(name, type()));
                skip();
                if (i < s.length() && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (close == '\0') {
                    end();
                } else {
                    expect(close);
                }
                return out;
            }
        }

        XdrType type() {
            skip();
            XdrType t;
            if (i < s.length() && s.charAt(i) == '{') {
                i++;
                int start = i;
                List<StructType.Field> f = fields('}');
                t = new StructType("{" + s.substring(start, i - 1) + "}", f);
            } else {
                String base = ident();
                if (base.equals("opaque") || base.equals("char4")) {
                    char open = peek();
                    if (open != '<' && open != '[') {
                        throw error(base + " needs <N> or [N]");
                    }
                    i++;
                    int n = number();
                    expect(open == '<' ? '>' : ']');
                    t = new XdrType.Bytes(base.equals("char4"), open == '[', n);
                } else {
                    t = named(base);
                }
            }
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '?') {
                    i++;
                    t = new XdrType.Optional(t);
                } else if (c == '<' || c == '[') {
                    i++;
                    int n = number();
                    expect(c == '<' ? '>' : ']');
                    t = new XdrType.Array(t, c == '[', n);
                } else {
                    break;
                }
            }
            return t;
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private String ident() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            if (start == i) {
                throw error("name expected");
            }
            return s.substring(start, i);
        }

        private int number() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw error("number expected");
            }
            return Integer.parseInt(s.substring(start, i));
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw error("'" + c + "' expected");
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void end() {
            skip();
            if (i != s.length()) {
                throw error("unexpected text");
            }
        }

        private IllegalArgumentException error(String why) {
            return new IllegalArgumentException(why + " at " + i + " in \"" + s + "\"");
        }
    }
}
