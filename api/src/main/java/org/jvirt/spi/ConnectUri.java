package org.jvirt.spi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A connection URI parsed by libvirt's rules (see libvirt's uri.html):
 * {@code driver[+transport]://[user@][host][:port]/path[?query]}.
 *
 * <p>The scheme splits at its first {@code +} into the driver ({@code qemu}) and the transport
 * ({@code ssh}, {@code tcp}, {@code tls}, {@code unix}, {@code ext}, {@code libssh}, ...); both are
 * lower-cased. User, host and path are percent-decoded (UTF-8; a {@code %} not followed by two hex
 * digits is kept literally). IPv6 hosts are written in brackets ({@code [::1]}, zone ids as
 * {@code [fe80::1%25eth0]}) and returned without them. Query parameters are kept in order,
 * separated by {@code &} or {@code ;}, each percent-decoded; a name without {@code =} has the value
 * {@code ""}. A fragment ({@code #...}) is ignored, as libvirt ignores it.
 *
 * <p>The parser is hand-written rather than {@link java.net.URI}: {@code java.net.URI} drops the
 * user and port of hosts it deems "registry based" (e.g. {@code my_host}) and rejects {@code xen://}.
 * Immutable and thread-safe.
 */
public final class ConnectUri {
    private final String original;
    private final String driver;
    private final String transport;
    private final String user;
    private final String host;
    private final int port;
    private final String path;
    private final List<Map.Entry<String, String>> params;

    private ConnectUri(String original, String driver, String transport, String user, String host, int port,
                       String path, List<Map.Entry<String, String>> params) {
        this.original = original;
        this.driver = driver;
        this.transport = transport;
        this.user = user;
        this.host = host;
        this.port = port;
        this.path = path;
        this.params = params;
    }

    /**
     * Parses a URI.
     *
     * @param uri e.g. {@code qemu+ssh://root@host/system?keyfile=/k}
     * @return the parsed URI
     * @throws VirtException with {@link ErrorCode#INVALID_ARG} (domain {@link ErrorDomain#URI}) when it
     *         is not a URI with a scheme, has a bad port, an unbracketed IPv6 address, or blanks
     */
    public static ConnectUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.isEmpty()) {
            throw bad(uri, "empty URI");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw bad(uri, "illegal character at index " + i + " (blanks and control characters must be "
                        + "percent-encoded)");
            }
        }
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            throw bad(uri, "no scheme");
        }
        String scheme = uri.substring(0, colon);
        if (!validScheme(scheme)) {
            throw bad(uri, "invalid scheme '" + scheme + "'");
        }
        int plus = scheme.indexOf('+');
        String driver = (plus < 0 ? scheme : scheme.substring(0, plus)).toLowerCase(Locale.ROOT);
        String transport = plus < 0 ? null : scheme.substring(plus + 1).toLowerCase(Locale.ROOT);
        if (driver.isEmpty()) {
            throw bad(uri, "no driver before '+' in scheme '" + scheme + "'");
        }
        if (transport != null && transport.isEmpty()) {
            throw bad(uri, "no transport after '+' in scheme '" + scheme + "'");
        }

        String rest = uri.substring(colon + 1);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String rawQuery = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            rawQuery = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null;
        String host = null;
        int port = -1;
        String rawPath = rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            rawPath = slash < 0 ? "" : rest.substring(slash);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                user = decode(authority.substring(0, at));
                authority = authority.substring(at + 1);
            }
            String rawPort = null;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw bad(uri, "unterminated '[' in host");
                }
                host = decode(authority.substring(1, close));
                String after = authority.substring(close + 1);
                if (!after.isEmpty()) {
                    if (after.charAt(0) != ':') {
                        throw bad(uri, "unexpected '" + after + "' after ']'");
                    }
                    rawPort = after.substring(1);
                }
            } else {
                int c = authority.indexOf(':');
                if (c >= 0 && authority.indexOf(':', c + 1) >= 0) {
                    throw bad(uri, "an IPv6 address must be written in brackets, e.g. [::1]");
                }
                host = decode(c < 0 ? authority : authority.substring(0, c));
                rawPort = c < 0 ? null : authority.substring(c + 1);
            }
            if (rawPort != null && !rawPort.isEmpty()) {
                port = parsePort(uri, rawPort);
            }
            if (host.isEmpty()) {
                host = null;
            }
        }
        return new ConnectUri(uri, driver, transport, user, host, port, decode(rawPath), parseQuery(rawQuery));
    }

    private static boolean validScheme(String scheme) {
        if (!isAsciiLetter(scheme.charAt(0))) {
            return false;
        }
        for (int i = 1; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int parsePort(String uri, String rawPort) {
        if (rawPort.length() > 5 || !rawPort.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw bad(uri, "invalid port '" + rawPort + "'");
        }
        int p = Integer.parseInt(rawPort);
        if (p > 65535) {
            throw bad(uri, "port " + p + " out of range");
        }
        return p;
    }

    private static VirtException bad(String uri, String why) {
        return VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.URI, "Unable to parse URI " + uri + ": " + why);
    }

    private static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String part : rawQuery.split("[&;]")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            out.add(Map.entry(name, value));
        }
        return Collections.unmodifiableList(out);
    }

    /** Percent-decodes a component as UTF-8; a stray {@code %} is kept literally. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** The URI exactly as given. */
    public String original() {
        return original;
    }

    /** The scheme, lower case, e.g. {@code qemu+ssh}. */
    public String scheme() {
        return transport == null ? driver : driver + "+" + transport;
    }

    /** The driver part of the scheme, lower case, e.g. {@code qemu}. */
    public String driver() {
        return driver;
    }

    /** The transport part of the scheme, e.g. {@code ssh}, if any. */
    public Optional<String> transport() {
        return Optional.ofNullable(transport);
    }

    /** The user, percent-decoded, if any. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The host, percent-decoded and without IPv6 brackets, if any. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** The port, or {@code -1}. */
    public int port() {
        return port;
    }

    /** The path, percent-decoded, e.g. {@code /system}; empty if none. */
    public String path() {
        return path;
    }

    /** The query parameters in order, percent-decoded. */
    public List<Map.Entry<String, String>> params() {
        return params;
    }

    /** The last value of a query parameter, if present. */
    public Optional<String> param(String name) {
        String found = null;
        for (Map.Entry<String, String> e : params) {
            if (e.getKey().equals(name)) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether this URI names a remote host or a transport, and so belongs to the remote driver. */
    public boolean isRemote() {
        return transport != null || host != null;
    }

    /** Equal when the original strings are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectUri other && other.original.equals(original);
    }

    @Override
    public int hashCode() {
        return original.hashCode();
    }

    /** The URI exactly as given. */
    @Override
    public String toString() {
        return original;
    }
}
