package org.jvirt.conf;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAnyElement;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * The {@code VALIDATE} define flag ({@code virsh define --validate}): libvirt then checks the document
 * against its RELAX NG schema and refuses what the schema does not allow, where by default unknown
 * elements are silently ignored. jvirt's model knows every element it binds; anything JAXB had to put
 * into an {@code @XmlAnyElement} catch-all of a typed class is an element the schema does not know, and
 * is refused here with libvirt's {@code XML_INVALID_SCHEMA} error naming the element and its parent.
 * ({@link Generic} elements keep their content verbatim by design and are not looked into.)
 *
 * <p>Only the validating path walks the object graph (reflectively, with the fields of each class
 * looked up once); plain parsing is untouched.
 */
public final class XmlValidation {
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private XmlValidation() {
    }

    /** Parses domain XML as {@code define --validate}: {@link DomainXml#parse} plus the unknown-element check. */
    public static DomainDef parseDomain(String xml) {
        DomainDef d = DomainXml.parse(xml);
        check(d, "domain", "domain.rng");
        return d;
    }

    /** Parses network XML as {@code net-define --validate}. */
    public static NetworkDef parseNetwork(String xml) {
        NetworkDef n = NetworkXml.parse(xml);
        check(n, "network", "network.rng");
        return n;
    }

    /** Parses pool XML as {@code pool-define --validate}. */
    public static StoragePoolDef parsePool(String xml) {
        StoragePoolDef p = StorageXml.parsePool(xml);
        check(p, "pool", "storagepool.rng");
        return p;
    }

    /**
     * Refuses a parsed definition holding elements its schema does not know.
     *
     * @param def the parsed object
     * @param root its root element name
     * @param schema libvirt's schema file name, for the message
     * @throws VirtException {@code XML_INVALID_SCHEMA} as libvirt's
     */
    public static void check(Object def, String root, String schema) {
        List<String[]> unknown = new ArrayList<>();
        walk(def, root, unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            String[] u = unknown.get(0);
            throw VirtException.of(ErrorCode.XML_INVALID_SCHEMA, ErrorDomain.XML,
                    "Unable to validate doc against /usr/share/libvirt/schemas/" + schema + "\nExtra element "
                            + u[0] + " in interleave\nElement " + u[1] + " failed to validate content");
        }
    }

    /** The unknown elements of a parsed definition as {@code {element, parent}} pairs, in document order. */
    static void walk(Object o, String name, List<String[]> unknown, Map<Object, Boolean> seen) {
        if (o == null || o instanceof Generic || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        for (Field f : fields(o.getClass())) {
            Object v;
            try {
                v = f.get(o);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (v == null) {
                continue;
            }
            boolean any = f.isAnnotationPresent(XmlAnyElement.class);
            if (v instanceof List<?> l) {
                for (Object x : l) {
                    if (any && x instanceof Element e) {
                        unknown.add(new String[] {e.getLocalName() == null ? e.getTagName() : e.getLocalName(), name});
                    } else if (isModel(x)) {
                        walk(x, f.getName(), unknown, seen);
                    }
                }
            } else if (any && v instanceof Element e) {
                unknown.add(new String[] {e.getTagName(), name});
            } else if (isModel(v)) {
                walk(v, f.getName(), unknown, seen);
            }
        }
    }

    private static boolean isModel(Object x) {
        return x != null && !(x instanceof Generic) && x.getClass().getPackage() == XmlValidation.class.getPackage()
                && !x.getClass().isEnum();
    }

    private static List<Field> fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                for (Field f : x.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                        continue;
                    }
                    f.setAccessible(true);
                    out.add(f);
                }
            }
            return out;
        });
    }
}
