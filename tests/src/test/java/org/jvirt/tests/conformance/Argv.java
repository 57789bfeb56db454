package org.jvirt.tests.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.opentest4j.AssertionFailedError;

/**
 * The corpus README's QEMU-argv comparison rules: argument lists (one per line, or libvirt's
 * shell-quoted test layout), environment dropped, arguments compared in order, {@code {...}} values as
 * JSON (member order free, types significant), host-specific values normalised on both sides
 * (emulator, per-domain directory, monitor chardev, file descriptors, masterKey0 secret payloads,
 * configured directories, {@code -sandbox}, versioned machine types).
 */
final class Argv {
    private static final Pattern DOMAIN_DIR = Pattern.compile("(/[^,\"\\s]*)?/domain-[^/,\"\\s]*");
    private static final Pattern FD = Pattern.compile("\\bfd=\\d+");
    private static final Pattern FDSET = Pattern.compile("/dev/fdset/\\d+");
    private static final Pattern HUGEPAGES = Pattern.compile("/dev/hugepages[^/,\"\\s]*");
    private static final Pattern MEMORY_DIR = Pattern.compile("/var/lib/libvirt/qemu/ram/[^/,\"\\s]*");
    private static final Pattern NVRAM_DIR = Pattern.compile("/var/lib/libvirt/qemu/nvram");
    private static final Pattern CHANNEL_DIR = Pattern.compile("/var/lib/libvirt/qemu/channel/target/[^/,\"\\s]*");
    private static final Pattern TLS_DIR = Pattern.compile("/etc/pki/[^,\"\\s]*");
    private static final Pattern DBUS_DIR = Pattern.compile("/run/libvirt/qemu/dbus");
    private static final Pattern MACHINE = Pattern.compile("^pc-(i440fx|q35)-[0-9.]+");

    private Argv() {
    }

    /** The arguments of a {@code .qemu-7.2.args} file: one per line. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /** The arguments of a {@code .libvirt-tests.args} file (continuations joined, shell-split, env dropped). */
    static List<String> shell(String text) {
        List<String> words = split(text.replace("\\\n", " "));
        int i = 0;
        while (i < words.size() && words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            i++;
        }
        return words.subList(i, words.size());
    }

    /** A POSIX-shell word splitter (quotes and backslashes; no expansions). */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                w = w == null ? new StringBuilder() : w;
                int j = s.indexOf('\'', i + 1);
                w.append(s, i + 1, j);
                i = j;
            } else if (c == '"') {
                w = w == null ? new StringBuilder() : w;
                for (i++; s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\' && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    w.append(s.charAt(i));
                }
            } else if (c == '\\') {
                w = w == null ? new StringBuilder() : w;
                w.append(s.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }

    /** Normalised arguments: {@code -sandbox} and its value dropped, everything else normalised. */
    static List<String> normalise(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i == 0) {
                out.add("@EMULATOR@");
                continue;
            }
            if (a.equals("-sandbox")) {
                i++;
                continue;
            }
            String prev = out.isEmpty() ? "" : out.get(out.size() - 1);
            if (prev.equals("-chardev") && a.contains("id=charmonitor")) {
                a = "socket,id=charmonitor" + (a.contains("server=on") ? ",server=on" : "")
                        + (a.contains("wait=off") ? ",wait=off" : "");
            }
            if (prev.equals("-machine")) {
                a = MACHINE.matcher(a).replaceFirst(m -> m.group(1).equals("i440fx") ? "pc" : "q35");
            }
            if (prev.equals("-add-fd")) {
                a = "@FD@";
            }
            out.add(a.startsWith("{") ? json(a) : str(a));
        }
        return out;
    }

    static String str(String s) {
        s = DOMAIN_DIR.matcher(s).replaceAll("@DOMAIN_DIR@");
        s = FD.matcher(s).replaceAll("fd=@FD@");
        s = FDSET.matcher(s).replaceAll("@FD@");
        s = HUGEPAGES.matcher(s).replaceAll("@HUGEPAGES@");
        s = MEMORY_DIR.matcher(s).replaceAll("@MEMORY_BACKING_DIR@");
        s = NVRAM_DIR.matcher(s).replaceAll("@NVRAM_DIR@");
        s = CHANNEL_DIR.matcher(s).replaceAll("@CHANNEL_DIR@");
        s = TLS_DIR.matcher(s).replaceAll("@TLS_DIR@");
        return DBUS_DIR.matcher(s).replaceAll("@DBUS_DIR@");
    }

    private static String json(String a) {
        Object v;
        try {
            v = Json.parse(a);
        } catch (RuntimeException e) {
            return str(a);
        }
        StringBuilder b = new StringBuilder();
        canonical(norm(v), b);
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object norm(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, norm(x)));
            if ("masterKey0".equals(out.get("keyid"))) {
                out.computeIfPresent("data", (k, x) -> "@SECRET@");
                out.computeIfPresent("iv", (k, x) -> "@SECRET@");
            }
            if (out.get("fd") instanceof String f && f.matches("\\d+")) {
                out.put("fd", "@FD@");
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(norm(x)));
            return out;
        }
        if (v instanceof String s) {
            return str(s);
        }
        return v;
    }

    /** A type-preserving canonical form: strings quoted, numbers and booleans bare, members sorted. */
    private static void canonical(Object v, StringBuilder b) {
        if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ",").append('"').append(e.getKey()).append("\":");
                canonical(e.getValue(), b);
                first = false;
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i > 0 ? "," : "");
                canonical(l.get(i), b);
            }
            b.append(']');
        } else if (v instanceof String s) {
            b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            b.append(v);
        }
    }

    /** Fails with the first differing argument (and the lengths) unless the normalised lists are equal. */
    static void same(List<String> expected, List<String> actual, String what) {
        List<String> e = normalise(expected);
        List<String> a = normalise(actual);
        if (e.equals(a)) {
            return;
        }
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        String ctx = i > 0 ? e.get(i - 1) + " " : "";
        throw new AssertionFailedError(what + " differs at argument " + i + " (after " + ctx.strip() + "): expected ["
                + (i < e.size() ? e.get(i) : "(end)") + "] but was [" + (i < a.size() ? a.get(i) : "(end)") + "]",
                String.join("\n", e), String.join("\n", a));
    }
}
