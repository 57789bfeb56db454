package org.jvirt.driver.qemu.qmp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) reader and writer for QMP, because the JDK has none and a
 * monitor protocol does not justify a dependency.
 *
 * <p>Values map to Java as: object → {@code Map<String, Object>} (insertion ordered, unmodifiable),
 * array → {@code List<Object>} (unmodifiable), string → {@link String}, {@code true}/{@code false} →
 * {@link Boolean}, {@code null} → {@code null}, integer → {@link Long} or, beyond its range (QEMU's
 * uint64 values), {@link BigInteger}, other numbers → {@link Double}. The reader rejects what
 * RFC 8259 rejects: trailing commas, leading zeros, bare control characters and bad escapes in
 * strings, unpaired surrogate escapes are kept as is, duplicate keys (QMP never sends them),
 * trailing content and nesting deeper than {@value #MAX_DEPTH}. Errors are
 * {@link JsonException}s with the offset.
 *
 * <p>The writer accepts maps (keys as strings), iterables, arrays of objects, strings, numbers,
 * booleans, {@code null} and {@link Raw} pre-encoded text; it writes compact JSON on one line,
 * escaping control characters, so one value is one QMP line. Stateless and thread-safe.
 */
public final class Json {
    /** The deepest nesting accepted by the reader. */
    public static final int MAX_DEPTH = 256;

    private final String in;
    private int pos;

    private Json(String in) {
        this.in = in;
    }

    /** Pre-encoded JSON text the writer copies verbatim (e.g. user-supplied QMP arguments). */
    public record Raw(String json) {
    }

    /**
     * Parses one JSON text.
     *
     * @param text the text; surrounding whitespace is allowed
     * @return the value
     * @throws JsonException on malformed input
     */
    public static Object parse(String text) {
        Json p = new Json(text);
        p.ws();
        Object v = p.value(0);
        p.ws();
        if (p.pos != text.length()) {
            throw p.error("trailing content");
        }
        return v;
    }

    /**
     * Parses a JSON object.
     *
     * @param text the text
     * @return the object
     * @throws JsonException on malformed input or when the value is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new JsonException("expected a JSON object", 0);
        }
        return (Map<String, Object>) v;
    }

    private JsonException error(String what) {
        return new JsonException(what + " at offset " + pos, pos);
    }

    private void ws() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        char c = in.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + printable(c) + "'");
        }
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private void literal(String word) {
        if (!in.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
    }

    private Map<String, Object> object(int depth) {
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            ws();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyAt = pos;
            String key = string();
            ws();
            expect(':');
            ws();
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                throw new JsonException("duplicate key '" + key + "' at offset " + keyAt, keyAt);
            }
            map.put(key, v);
            ws();
            char c = peek();
            pos++;
            if (c == '}') {
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        pos++; // [
        List<Object> list = new ArrayList<>();
        ws();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            ws();
            list.add(value(depth + 1));
            ws();
            char c = peek();
            pos++;
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private char peek() {
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        return in.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private String string() {
        pos++; // opening quote
        StringBuilder b = null;
        int start = pos;
        while (true) {
            if (pos >= in.length()) {
                throw error("unterminated string");
            }
            char c = in.charAt(pos);
            if (c == '"') {
                String s = b == null ? in.substring(start, pos) : b.append(in, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(in, start, pos);
                pos++;
                char e = peek();
                pos++;
                switch (e) {
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case '/' -> b.append('/');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > in.length()) {
                            throw error("truncated \\u escape");
                        }
                        int cp = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(in.charAt(pos + i), 16);
                            if (d < 0 || in.charAt(pos + i) > 'f') {
                                throw error("bad \\u escape");
                            }
                            cp = cp * 16 + d;
                        }
                        pos += 4;
                        b.append((char) cp);
                    }
                    default -> {
                        pos--;
                        throw error("bad escape '\\" + printable(e) + "'");
                    }
                }
                start = pos;
            } else {
                pos++;
            }
        }
    }

    private Object number() {
        int start = pos;
        if (in.charAt(pos) == '-') {
            pos++;
        }
        if (pos >= in.length()) {
            throw error("truncated number");
        }
        char c = in.charAt(pos);
        if (c == '0') {
            pos++;
            if (pos < in.length() && Character.isDigit(in.charAt(pos)) && in.charAt(pos) < 128) {
                throw error("leading zero");
            }
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw error("expected a digit");
        }
        boolean integral = true;
        if (pos < in.length() && in.charAt(pos) == '.') {
            integral = false;
            pos++;
            if (digits() == 0) {
                throw error("expected a digit after '.'");
            }
        }
        if (pos < in.length() && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
            integral = false;
            pos++;
            if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw error("expected a digit in the exponent");
            }
        }
        String text = in.substring(start, pos);
        if (integral) {
            if (text.length() < 19) {
                return Long.parseLong(text);
            }
            BigInteger big = new BigInteger(text);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return Double.parseDouble(text);
    }

    private int digits() {
        int n = 0;
        while (pos < in.length() && in.charAt(pos) >= '0' && in.charAt(pos) <= '9') {
            pos++;
            n++;
        }
        return n;
    }

    // ---- writer ----

    /**
     * Writes a value as compact, single-line JSON.
     *
     * @param value a map, iterable, object array, string, number, boolean, {@link Raw} or {@code null}
     * @return the JSON text
     * @throws IllegalArgumentException for other types, non-string keys or non-finite numbers
     */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nesting deeper than " + MAX_DEPTH);
        }
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            quote(b, s);
        } else if (v instanceof Boolean bo) {
            b.append(bo.booleanValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            b.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (v instanceof BigDecimal bd) {
            b.append(bd.toString());
        } else if (v instanceof Number n) {
            b.append(n.toString()); // Long, Integer, Short, Byte, BigInteger
        } else if (v instanceof Raw r) {
            b.append(r.json());
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("JSON object keys must be strings: " + e.getKey());
                }
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(b, k);
                b.append(':');
                write(b, e.getValue(), depth + 1);
            }
            b.append('}');
        } else if (v instanceof Iterable<?> it) {
            b.append('[');
            boolean first = true;
            for (Object o : it) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                write(b, o, depth + 1);
            }
            b.append(']');
        } else if (v instanceof Object[] arr) {
            write(b, List.of(arr), depth);
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    // ---- typed access helpers for QMP replies ----

    /** The value as an object, or an empty map when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Object v) {
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    /** The value as an array, or an empty list when it is not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object v) {
        return v instanceof List ? (List<Object>) v : List.of();
    }

    /** A string member, or {@code null}. */
    public static String str(Map<String, Object> o, String key) {
        return o.get(key) instanceof String s ? s : null;
    }

    /** A numeric member as a long, or {@code dflt}. */
    public static long num(Map<String, Object> o, String key, long dflt) {
        return o.get(key) instanceof Number n ? n.longValue() : dflt;
    }

    /** A boolean member, or {@code dflt}. */
    public static boolean bool(Map<String, Object> o, String key, boolean dflt) {
        return o.get(key) instanceof Boolean b ? b : dflt;
    }
}
