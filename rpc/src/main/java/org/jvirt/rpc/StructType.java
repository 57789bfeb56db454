package org.jvirt.rpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrWriter;

/**
 * An XDR struct: named fields in order. A procedure's arguments and result are struct types;
 * the empty struct is libvirt's {@code void}. Values are {@link Struct}s. Immutable.
 */
public final class StructType extends XdrType {
    /** {@code void}: no fields, nothing on the wire. */
    public static final StructType VOID = new StructType("void", List.of());

    /**
     * One field.
     *
     * @param name its name
     * @param type its type
     */
    public record Field(String name, XdrType type) {
    }

    private final String name;
    private final List<Field> fields;
    private final Map<String, Integer> index;

    StructType(String name, List<Field> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (idx.put(fields.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate field " + fields.get(i).name() + " in " + name);
            }
        }
        this.index = Collections.unmodifiableMap(idx);
    }

    /** The struct's name (a type name, or the notation of an inline struct). */
    public String name() {
        return name;
    }

    /** The fields in order. */
    public List<Field> fields() {
        return fields;
    }

    /** Whether this is {@code void}. */
    public boolean isVoid() {
        return fields.isEmpty();
    }

    /**
     * The position of a field.
     *
     * @param field its name
     * @return its index
     * @throws IllegalArgumentException if there is no such field
     */
    public int indexOf(String field) {
        Integer i = index.get(field);
        if (i == null) {
            throw new IllegalArgumentException(name + " has no field '" + field + "' (fields: " + this + ")");
        }
        return i;
    }

    /**
     * A value of this type from positional field values.
     *
     * @param values one per field, in order
     * @return the struct
     */
    public Struct of(Object... values) {
        if (values.length != fields.size()) {
            throw new IllegalArgumentException(name + " takes " + fields.size() + " values (" + this + "), got "
                    + values.length);
        }
        return new Struct(this, values.clone());
    }

    @Override
    public void encode(XdrWriter w, Object value) {
        if (!(value instanceof Struct s) || s.type() != this) {
            if (value instanceof Struct s2 && s2.type().fields.equals(fields)) {
                encodeValues(w, s2.values());
                return;
            }
            throw badValue(this, value);
        }
        encodeValues(w, s.values());
    }

    /** Encodes positional field values. */
    void encodeValues(XdrWriter w, List<Object> values) {
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).type().encode(w, values.get(i));
        }
    }

    @Override
    public Struct decode(XdrReader r) {
        List<Object> values = new ArrayList<>(fields.size());
        for (Field f : fields) {
            values.add(f.type().decode(r));
        }
        return new Struct(this, values.toArray());
    }

    @Override
    public String toString() {
        return name;
    }

    /** The full layout, named structs expanded, e.g. {@code {dom:{name:str, uuid:uuid, id:i32}, flags:u32}}. */
    public String layout() {
        return fields.isEmpty() ? "void" : fields.stream().map(f -> f.name() + ":"
                + (f.type() instanceof StructType st ? st.layout() : f.type().toString()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
