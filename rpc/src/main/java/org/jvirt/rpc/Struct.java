package org.jvirt.rpc;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A value of a {@link StructType}: field values by name or position, with typed getters.
 * Immutable (its lists are unmodifiable; byte arrays are shared, do not change them).
 */
public final class Struct {
    private final StructType type;
    private final Object[] values;

    Struct(StructType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    /** The type. */
    public StructType type() {
        return type;
    }

    /** The field values in order. */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** A field's value by position. */
    public Object get(int index) {
        return values[index];
    }

    /** A field's value by name. */
    public Object get(String field) {
        return values[type.indexOf(field)];
    }

    /** An int field ({@code i32}, {@code u32}, widened chars). */
    public int i32(String field) {
        return ((Number) get(field)).intValue();
    }

    /** A hyper field ({@code i64}, {@code u64}). */
    public long i64(String field) {
        return ((Number) get(field)).longValue();
    }

    /** A string field; {@code null} for an absent optional string. */
    public String str(String field) {
        return (String) get(field);
    }

    /** A UUID field. */
    public UUID uuid(String field) {
        return (UUID) get(field);
    }

    /** A byte-array field ({@code opaque}, {@code char4}). */
    public byte[] bytes(String field) {
        return (byte[]) get(field);
    }

    /** A struct field; {@code null} for an absent optional struct. */
    public Struct struct(String field) {
        return (Struct) get(field);
    }

    /** A list field. */
    @SuppressWarnings("unchecked")
    public <T> List<T> list(String field) {
        return (List<T>) get(field);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Struct s && s.type.fields().equals(type.fields()) && Arrays.deepEquals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = values[i];
            sb.append(type.fields().get(i).name()).append('=');
            if (v instanceof String s && s.length() > 200) {
                sb.append('"').append(s, 0, 200).append("...\"");
            } else if (v instanceof byte[] b) {
                sb.append("bytes[").append(b.length).append(']');
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }
}
