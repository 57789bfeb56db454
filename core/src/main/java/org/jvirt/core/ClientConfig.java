package org.jvirt.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client configuration file, in libvirt's {@code libvirt.conf} format:
 *
 * <pre>
 * uri_default = "qemu:///system"
 * uri_aliases = [
 *   "hail=qemu+ssh://root@hail.cloud.example.com/system",
 *   "sleet=qemu+ssh://root@sleet.cloud.example.com/system",
 * ]
 * </pre>
 *
 * <p>Where it is read from ({@link #location}): {@code $JVIRT_CONFIG} if set; otherwise, as libvirt
 * does for {@code libvirt.conf}, {@code /etc/jvirt/jvirt.conf} when running as root and
 * {@code $XDG_CONFIG_HOME/jvirt/jvirt.conf} (default {@code ~/.config/jvirt/jvirt.conf}) for everyone
 * else. A missing file means an empty configuration.
 *
 * <p>Aliases follow libvirt: each entry is {@code name=uri}; names may only contain
 * {@code a-z A-Z 0-9 _ - .}; the first entry of a name wins; a URI that is not an alias passes
 * through unchanged; aliases do not nest. Malformed entries are {@link ErrorCode#CONF_SYNTAX} errors.
 */
public final class ClientConfig {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConfig.class);
    private static final Pattern ALIAS_NAME = Pattern.compile("[a-zA-Z0-9_\\-.]+");

    /** The configuration when there is no file. */
    public static final ClientConfig EMPTY = new ClientConfig("(none)", null, Map.of());

    private final String source;
    private final String uriDefault;
    private final Map<String, String> aliases;

    private ClientConfig(String source, String uriDefault, Map<String, String> aliases) {
        this.source = source;
        this.uriDefault = uriDefault;
        this.aliases = aliases;
    }

    /**
     * Where the configuration file is looked up (it need not exist).
     *
     * @param env the environment
     * @return the path
     */
    public static Path location(Environment env) {
        String explicit = env.getenvNonEmpty("JVIRT_CONFIG");
        if (explicit != null) {
            return Path.of(explicit);
        }
        if (env.isPrivileged()) {
            return Path.of("/etc/jvirt/jvirt.conf");
        }
        String xdg = env.getenvNonEmpty("XDG_CONFIG_HOME");
        if (xdg == null) {
            String home = env.getenvNonEmpty("HOME");
            if (home == null) {
                home = env.getProperty("user.home");
            }
            xdg = Path.of(home == null ? "." : home, ".config").toString();
        }
        return Path.of(xdg, "jvirt", "jvirt.conf");
    }

    /**
     * Reads the configuration file of this environment; an absent file gives {@link #EMPTY}.
     *
     * @param env the environment
     * @return the configuration
     * @throws VirtException {@link ErrorCode#CONF_SYNTAX} for bad syntax or malformed aliases,
     *         {@link ErrorCode#CONF_SYNTAX} too if the file exists but cannot be read
     */
    public static ClientConfig load(Environment env) {
        Path path = location(env);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (env.getenvNonEmpty("JVIRT_CONFIG") != null) {
                LOG.warn("JVIRT_CONFIG names {}, which does not exist; using no client configuration", path);
            }
            return EMPTY;
        } catch (IOException e) {
            throw new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF,
                    ErrorCode.CONF_SYNTAX.format("cannot read " + path + ": " + e), e);
        }
        return parse(text, path.toString());
    }

    /**
     * Parses configuration text.
     *
     * @param text the file's content
     * @param source the file's name, for messages
     * @return the configuration
     * @throws VirtException {@link ErrorCode#CONF_SYNTAX} for bad syntax or malformed aliases
     */
    public static ClientConfig parse(String text, String source) {
        ConfFile conf = ConfFile.parse(text, source);
        String uriDefault = conf.getString("uri_default").orElse(null);
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String entry : conf.getStringList("uri_aliases").orElse(List.of())) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw malformed(source, entry, "expected 'alias=uri://host/path'");
            }
            String name = entry.substring(0, eq);
            if (!ALIAS_NAME.matcher(name).matches()) {
                throw malformed(source, entry, "aliases may only contain 'a-Z, 0-9, _, -, .'");
            }
            if (eq == entry.length() - 1) {
                throw malformed(source, entry, "the alias has no URI");
            }
            aliases.putIfAbsent(name, entry.substring(eq + 1));
        }
        return new ClientConfig(source, uriDefault, Collections.unmodifiableMap(aliases));
    }

    private static VirtException malformed(String source, String entry, String why) {
        return VirtException.of(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF,
                source + ": Malformed 'uri_aliases' config entry '" + entry + "', " + why);
    }

    /** Where this configuration came from. */
    public String source() {
        return source;
    }

    /** The {@code uri_default} setting, if any. */
    public Optional<String> uriDefault() {
        return Optional.ofNullable(uriDefault);
    }

    /** The aliases in file order: name to URI. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * Resolves an alias.
     *
     * @param uri an alias name or a URI
     * @return the alias's URI, or {@code uri} itself if it is not an alias
     */
    public String resolveAlias(String uri) {
        String target = aliases.get(uri);
        if (target != null) {
            LOG.debug("resolved alias {} to {} ({})", uri, target, source);
            return target;
        }
        return uri;
    }
}
