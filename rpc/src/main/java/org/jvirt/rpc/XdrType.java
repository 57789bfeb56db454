package org.jvirt.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrWriter;

/**
 * An XDR type of libvirt's protocol, able to encode a Java value and decode one. Types are built
 * from the compact notation of {@link Types#parse} (e.g. {@code dom<16384>}, {@code str?},
 * {@code char4[32]}); the Java value of each kind:
 * <ul>
 * <li>{@code i32 u32 u8w u16w}: {@link Integer} (any {@link Number}, or a {@link Boolean}, on encode)</li>
 * <li>{@code i64 u64}: {@link Long}; {@code f64}: {@link Double}</li>
 * <li>{@code str}: {@link String}; {@code uuid}: {@link UUID}</li>
 * <li>{@code opaque<N> opaque[N] char4<N> char4[N]}: {@code byte[]}</li>
 * <li>{@code T?}: the value or {@code null}; {@code T<N>} and {@code T[N]}: a {@link List}</li>
 * <li>structs (named like {@code dom}, or inline {@code {a:i32, b:str}}): {@link Struct}</li>
 * <li>{@code tparam}: {@link TypedParam}</li>
 * </ul>
 * Immutable and thread-safe.
 */
public abstract class XdrType {
    XdrType() {
    }

    /**
     * Encodes a value.
     *
     * @param w the writer
     * @param value the value, of the Java type listed above
     */
    public abstract void encode(XdrWriter w, Object value);

    /**
     * Decodes a value.
     *
     * @param r the reader
     * @return the value
     */
    public abstract Object decode(XdrReader r);

    /** The notation this type was written in. */
    @Override
    public abstract String toString();

    static VirtException badValue(XdrType t, Object v) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, ErrorCode.INTERNAL_ERROR.format(
                "cannot encode " + (v == null ? "null" : v.getClass().getSimpleName() + " " + v) + " as " + t));
    }

    static int asInt(XdrType t, Object v) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw badValue(t, v);
    }

    /** A scalar. */
    static final class Scalar extends XdrType {
        private final String name;

        Scalar(String name) {
            this.name = name;
        }

        @Override
        public void encode(XdrWriter w, Object v) {
            switch (name) {
                case "i32", "u32", "u8w", "u16w" -> w.writeInt(asInt(this, v));
                case "i64", "u64" -> {
                    if (!(v instanceof Number n)) {
                        throw badValue(this, v);
                    }
                    w.writeLong(n.longValue());
                }
                case "f64" -> {
                    if (!(v instanceof Number n)) {
                        throw badValue(this, v);
                    }
                    w.writeDouble(n.doubleValue());
                }
                case "str" -> {
                    if (!(v instanceof String s)) {
                        throw badValue(this, v);
                    }
                    w.writeString(s);
                }
                case "uuid" -> {
                    if (!(v instanceof UUID u)) {
                        throw badValue(this, v);
                    }
                    w.writeUuid(u);
                }
                default -> throw new IllegalStateException(name);
            }
        }

        @Override
        public Object decode(XdrReader r) {
            return switch (name) {
                case "i32", "u32", "u8w", "u16w" -> r.readInt();
                case "i64", "u64" -> r.readLong();
                case "f64" -> r.readDouble();
                case "str" -> r.readString();
                case "uuid" -> r.readUuid();
                default -> throw new IllegalStateException(name);
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code opaque} and {@code char4} arrays, fixed or variable. */
    static final class Bytes extends XdrType {
        private final boolean chars;
        private final boolean fixed;
        private final int size;

        Bytes(boolean chars, boolean fixed, int size) {
            this.chars = chars;
            this.fixed = fixed;
            this.size = size;
        }

        @Override
        public void encode(XdrWriter w, Object v) {
            byte[] b;
            if (v instanceof byte[] bytes) {
                b = bytes;
            } else if (v instanceof String s) {
                b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } else {
                throw badValue(this, v);
            }
            if (chars) {
                if (fixed) {
                    w.writeFixedCharArray(b, size);
                } else {
                    w.writeCharArray(b, size);
                }
            } else if (fixed) {
                if (b.length != size) {
                    throw badValue(this, v);
                }
                w.writeFixedOpaque(b);
            } else {
                w.writeVarOpaque(b, size);
            }
        }

        @Override
        public Object decode(XdrReader r) {
            if (chars) {
                return fixed ? r.readFixedCharArray(size) : r.readCharArray(size);
            }
            return fixed ? r.readFixedOpaque(size) : r.readVarOpaque(size);
        }

        @Override
        public String toString() {
            return (chars ? "char4" : "opaque") + (fixed ? "[" + size + "]" : "<" + size + ">");
        }
    }

    /** {@code T?}: a pointer, NULL or one value. */
    static final class Optional extends XdrType {
        private final XdrType element;

        Optional(XdrType element) {
            this.element = element;
        }

        @Override
        public void encode(XdrWriter w, Object v) {
            w.writePresent(v != null);
            if (v != null) {
                element.encode(w, v);
            }
        }

        @Override
        public Object decode(XdrReader r) {
            return r.readPresent() ? element.decode(r) : null;
        }

        @Override
        public String toString() {
            return element + "?";
        }
    }

    /** {@code T<N>} (with a count) or {@code T[N]} (without). */
    static final class Array extends XdrType {
        private final XdrType element;
        private final boolean fixed;
        private final int size;

        Array(XdrType element, boolean fixed, int size) {
            this.element = element;
            this.fixed = fixed;
            this.size = size;
        }

        @Override
        public void encode(XdrWriter w, Object v) {
            if (!(v instanceof List<?> list)) {
                throw badValue(this, v);
            }
            if (fixed) {
                if (list.size() != size) {
                    throw badValue(this, v);
                }
            } else {
                w.writeCount(list.size(), size);
            }
            for (Object o : list) {
                element.encode(w, o);
            }
        }

        @Override
        public Object decode(XdrReader r) {
            int n = fixed ? size : r.readCount(size);
            List<Object> out = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                out.add(element.decode(r));
            }
            return List.copyOf(out);
        }

        @Override
        public String toString() {
            return element + (fixed ? "[" + size + "]" : "<" + size + ">");
        }
    }

    /** {@code remote_typed_param}: a field name and a union on its type. */
    static final class TypedParamType extends XdrType {
        @Override
        public void encode(XdrWriter w, Object v) {
            if (!(v instanceof TypedParam p)) {
                throw badValue(this, v);
            }
            w.writeString(p.field(), 80);
            w.writeInt(p.type().number());
            switch (p.type()) {
                case INT, UINT, BOOLEAN -> w.writeInt(asInt(this, p.value()));
                case LLONG, ULLONG -> w.writeLong(((Number) p.value()).longValue());
                case DOUBLE -> w.writeDouble(((Number) p.value()).doubleValue());
                case STRING -> w.writeString((String) p.value());
            }
        }

        @Override
        public Object decode(XdrReader r) {
            String field = r.readString(80);
            TypedParam.Kind kind = TypedParam.Kind.fromNumber(r.readInt());
            Object value = switch (kind) {
                case INT, UINT -> r.readInt();
                case BOOLEAN -> r.readInt() != 0;
                case LLONG, ULLONG -> r.readLong();
                case DOUBLE -> r.readDouble();
                case STRING -> r.readString();
            };
            return new TypedParam(field, kind, value);
        }

        @Override
        public String toString() {
            return "tparam";
        }
    }
}
