package org.jvirt.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * ({@code ssh}, {@code tcp}, {@code tls}, {@code unix}, {@code ext}, {@code libssh}, ...).
 * Components are percent-decoded; IPv6 hosts are written in brackets and returned without them.
 * Query parameters are kept in order, separated by {@code &} or {@code ;}, for the driver to read.
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
     * @throws VirtException with {@link ErrorCode#INVALID_ARG} when it is not a URI with a scheme
     */
    public static ConnectUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.URI,
                    "Unable to parse URI " + uri + ": " + e.getReason());
        }
        String scheme = u.getScheme();
        if (scheme == null || scheme.isEmpty()) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.URI,
                    "Unable to parse URI " + uri + ": no scheme");
        }
        int plus = scheme.indexOf('+');
        String driver = (plus < 0 ? scheme : scheme.substring(0, plus)).toLowerCase(java.util.Locale.ROOT);
        String transport = plus < 0 ? null : scheme.substring(plus + 1).toLowerCase(java.util.Locale.ROOT);
        String host = u.getHost();
        if (host == null && u.getRawAuthority() != null && !u.getRawAuthority().isEmpty()) {
            // java.net.URI leaves registry-based authorities (e.g. "host_name") unsplit.
            host = authorityHost(u.getRawAuthority());
        }
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host != null && host.isEmpty()) {
            host = null;
        }
        String path = u.isOpaque() ? u.getSchemeSpecificPart() : u.getPath();
        if (path == null) {
            path = "";
        }
        return new ConnectUri(uri, driver, transport, u.getUserInfo(), host, u.getPort(), path,
                parseQuery(u.getRawQuery()));
    }

    private static String authorityHost(String authority) {
        String a = authority;
        int at = a.lastIndexOf('@');
        if (at >= 0) {
            a = a.substring(at + 1);
        }
        int colon = a.lastIndexOf(':');
        if (colon >= 0 && !a.endsWith("]")) {
            a = a.substring(0, colon);
        }
        return decode(a);
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
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
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
        return Character.digit(c, 16);
    }

    /** The URI exactly as given. */
    public String original() {
        return original;
    }

    /** The scheme as written, e.g. {@code qemu+ssh}. */
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

    /** The host, without IPv6 brackets, if any. */
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectUri other && other.original.equals(original);
    }

    @Override
    public int hashCode() {
        return original.hashCode();
    }

    @Override
    public String toString() {
        return original;
    }
}
