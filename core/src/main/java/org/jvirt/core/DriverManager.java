package org.jvirt.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jvirt.api.AuthCallback;
import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.core.internal.ContextClassLoaderProxy;
import org.jvirt.core.internal.Locations;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver manager behind {@link Virt}: resolves the URI (default URI, aliases), picks a driver
 * and opens a connection, as libvirt's {@code virConnectOpen} and JDBC's {@code DriverManager}.
 *
 * <h2>Which URI</h2>
 * A {@code null} or empty URI means the default: {@code $JVIRT_DEFAULT_URI}, then
 * {@code $LIBVIRT_DEFAULT_URI}, then {@code uri_default} of the client config file
 * ({@link ClientConfig}), then {@code test:///default}. Then aliases of the config file are
 * resolved ({@code uri_aliases}); a URI that is no alias passes through.
 *
 * <h2>Which driver</h2>
 * Drivers are discovered once, lazily and thread-safely, from the {@link DriverSource}s and cached.
 * Every driver whose {@link DriverDescriptor#admits} the URI is asked in this order: higher
 * {@link DriverDescriptor#priority()} first; among equal priorities, module path before class
 * path before plugin; then by name (case-insensitive). The answer is three-valued: accepted
 * (that connection is returned), declined (the next driver is asked), or a {@link VirtException}
 * (the search stops and the error reaches the caller). URIs with a host or a {@code +transport}
 * are admitted only by remote drivers. When nobody accepts, the error is {@link ErrorCode#NO_CONNECT}
 * and says why: a known libvirt driver that is not installed, the remote driver missing, which
 * drivers declined and why, or which drivers are installed.
 *
 * <p>Connections from plugin drivers, and every API object they hand out, are wrapped so that the
 * thread context class loader is the plugin's during every call into them.
 */
public final class DriverManager {
    private static final Logger LOG = LoggerFactory.getLogger(DriverManager.class);

    /** The URI used when nothing else names one. */
    public static final String FALLBACK_URI = "test:///default";

    /** Schemes of libvirt's drivers, to say "the X driver is not installed" rather than "unknown". */
    private static final Map<String, String> KNOWN_DRIVERS = knownDrivers();

    private static final Comparator<DriverSource.Found> ORDER = Comparator
            .comparingInt((DriverSource.Found f) -> -f.driver().descriptor().priority())
            .thenComparing(DriverSource.Found::origin)
            .thenComparing(f -> f.driver().descriptor().name().toLowerCase(Locale.ROOT))
            .thenComparing(DriverSource.Found::location);

    private final List<DriverSource> sources;
    private final Environment env;
    private volatile List<Loaded> drivers;

    /**
     * Creates a manager over the given sources.
     *
     * @param sources where drivers come from
     * @param env where environment variables, properties and the config file location come from
     */
    public DriverManager(List<DriverSource> sources, Environment env) {
        this.sources = List.copyOf(sources);
        this.env = Objects.requireNonNull(env, "env");
    }

    /**
     * The standard manager: ServiceLoader (module path and class path) plus the plugin folder of
     * {@link #pluginFolder(Environment)}, if there is one.
     *
     * @param env the environment
     * @return the manager
     */
    public static DriverManager standard(Environment env) {
        List<DriverSource> sources = new ArrayList<>();
        sources.add(DriverSource.serviceLoader());
        pluginFolder(env).ifPresent(p -> sources.add(DriverSource.pluginFolder(p)));
        return new DriverManager(sources, env);
    }

    /**
     * The plugin folder: {@code $JVIRT_PLUGIN_DIR}, else the system property {@code jvirt.plugin.dir},
     * else {@code plugins/} of the distribution — the folder beside the {@code lib/} folder that holds
     * the core jar. Empty when none is named and core does not run from a distribution.
     *
     * @param env the environment
     * @return the folder (it may not exist)
     */
    public static Optional<Path> pluginFolder(Environment env) {
        String dir = env.getenvNonEmpty("JVIRT_PLUGIN_DIR");
        if (dir == null) {
            dir = env.getProperty("jvirt.plugin.dir");
        }
        if (dir != null && !dir.isEmpty()) {
            return Optional.of(Path.of(dir));
        }
        return Locations.of(DriverManager.class)
                .filter(Files::isRegularFile)
                .map(Path::getParent)
                .filter(lib -> lib.getFileName() != null && lib.getFileName().toString().equals("lib"))
                .map(lib -> lib.resolveSibling("plugins"));
    }

    /**
     * Opens a connection.
     *
     * @param uri the URI or alias; {@code null} or empty means the default URI
     * @param auth the credentials callback, may be {@code null}
     * @param readOnly whether to open read-only
     * @return the connection
     * @throws VirtException {@link ErrorCode#INVALID_ARG} for a malformed URI, {@link ErrorCode#CONF_SYNTAX}
     *         for a bad config file, {@link ErrorCode#NO_CONNECT} when no driver takes it, or the
     *         driver's own error
     */
    public Connect open(String uri, AuthCallback auth, boolean readOnly) {
        String resolved = resolve(uri);
        ConnectUri parsed = ConnectUri.parse(resolved);
        checkMissingSlash(parsed);
        OpenRequest request = new OpenRequest(parsed, readOnly, auth, Map.of());
        List<String> declines = new ArrayList<>();
        for (Loaded d : loaded()) {
            if (!d.descriptor.admits(parsed)) {
                continue;
            }
            OpenResult result;
            try {
                result = d.open(request);
            } catch (VirtException e) {
                LOG.debug("Driver {} failed to open {}: {}", d.descriptor.name(), parsed, e.getMessage());
                throw e;
            } catch (RuntimeException | LinkageError e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, ErrorCode.INTERNAL_ERROR.format(
                        "driver '" + d.descriptor.name() + "' (" + d.installed.location() + ") failed to open "
                                + parsed + ": " + e), e);
            }
            if (result instanceof OpenResult.Accepted a) {
                LOG.debug("Driver {} opened {}", d.descriptor.name(), parsed);
                return d.found.contextLoader() == null ? a.connect()
                        : (Connect) ContextClassLoaderProxy.wrap(a.connect(), d.found.contextLoader());
            }
            String reason = result instanceof OpenResult.Declined dec && dec.reason() != null ? dec.reason() : "";
            LOG.debug("Driver {} declined {}: {}", d.descriptor.name(), parsed, reason);
            declines.add(d.descriptor.name() + " declined" + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        throw noConnect(parsed, declines);
    }

    /**
     * The URI {@link #open} would use for {@code uri}: the default if it is {@code null} or empty,
     * then with aliases resolved.
     *
     * @param uri a URI, an alias or {@code null}
     * @return the URI to parse
     */
    public String resolve(String uri) {
        ClientConfig config = ClientConfig.load(env);
        String chosen = uri == null || uri.isEmpty() ? defaultUri(config) : uri;
        return config.resolveAlias(chosen);
    }

    /**
     * The default URI: {@code $JVIRT_DEFAULT_URI}, {@code $LIBVIRT_DEFAULT_URI}, {@code uri_default}
     * of the client config file, then {@code test:///default}.
     *
     * @return the default URI (not alias-resolved)
     */
    public String defaultUri() {
        return defaultUri(null);
    }

    private String defaultUri(ClientConfig loadedConfig) {
        String v = env.getenvNonEmpty("JVIRT_DEFAULT_URI");
        if (v == null) {
            v = env.getenvNonEmpty("LIBVIRT_DEFAULT_URI");
        }
        if (v == null) {
            ClientConfig config = loadedConfig != null ? loadedConfig : ClientConfig.load(env);
            v = config.uriDefault().filter(s -> !s.isEmpty()).orElse(null);
        }
        return v == null ? FALLBACK_URI : v;
    }

    /**
     * Every discovered driver, in the order they are asked.
     *
     * @return the drivers with their origin and location
     */
    public List<InstalledDriver> drivers() {
        return loaded().stream().map(l -> l.installed).toList();
    }

    private List<Loaded> loaded() {
        List<Loaded> d = drivers;
        if (d == null) {
            synchronized (this) {
                d = drivers;
                if (d == null) {
                    d = discover();
                    drivers = d;
                }
            }
        }
        return d;
    }

    private List<Loaded> discover() {
        List<DriverSource.Found> all = new ArrayList<>();
        Map<String, Class<?>> seen = new java.util.HashMap<>();
        for (DriverSource source : sources) {
            List<DriverSource.Found> found;
            try {
                found = source.discover();
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Driver source {} failed: {}", source, e.toString(), e);
                continue;
            }
            for (DriverSource.Found f : found) {
                // The same driver class loaded twice (e.g. a jar both in lib/ and in plugins/): keep the first.
                Class<?> cls = f.driver().getClass();
                Class<?> earlier = seen.putIfAbsent(cls.getName(), cls);
                if (earlier != null && earlier != cls) {
                    LOG.warn("Driver class {} from {} is already installed; ignoring this copy", cls.getName(),
                            f.location());
                    continue;
                }
                all.add(f);
            }
        }
        List<Loaded> out = new ArrayList<>();
        for (DriverSource.Found f : all) {
            try {
                out.add(new Loaded(f));
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Skipping driver {} from {}: descriptor() failed: {}", f.driver().getClass().getName(),
                        f.location(), e.toString(), e);
            }
        }
        out.sort(Comparator.comparing(l -> l.found, ORDER));
        if (LOG.isDebugEnabled()) {
            LOG.debug("Drivers in selection order: {}", out.stream().map(l -> l.installed).toList());
        }
        return List.copyOf(out);
    }

    /** libvirt's hint for {@code qemu://system}: a "host" that is really a missing slash. */
    private static void checkMissingSlash(ConnectUri uri) {
        Optional<String> host = uri.host();
        if (host.isPresent() && (host.get().equals("system") || host.get().equals("session"))
                && uri.transport().isEmpty() && uri.user().isEmpty() && uri.port() < 0
                && (uri.path().isEmpty() || uri.path().equals("/"))) {
            throw VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.URI, "invalid URI " + uri
                    + " (it names a host '" + host.get() + "'): did you mean " + uri.driver() + ":///"
                    + host.get() + "?");
        }
    }

    private VirtException noConnect(ConnectUri uri, List<String> declines) {
        String installed = installedSummary();
        String detail;
        if (!declines.isEmpty()) {
            detail = uri + ": " + String.join("; ", declines);
        } else if (uri.isRemote() && loaded().stream()
                .noneMatch(l -> l.descriptor.locality() == DriverDescriptor.Locality.REMOTE)) {
            detail = uri + ": URIs with a host or a transport need the remote driver, which is not installed"
                    + " (installed drivers: " + installed + ")";
        } else if (KNOWN_DRIVERS.containsKey(uri.driver())) {
            detail = uri + ": the " + KNOWN_DRIVERS.get(uri.driver()) + " driver (scheme '" + uri.driver()
                    + "') is not installed (installed drivers: " + installed + ")";
        } else {
            detail = uri + ": no installed driver handles scheme '" + uri.driver() + "'"
                    + (uri.isRemote() ? " remotely" : "") + " (installed drivers: " + installed + ")";
        }
        return VirtException.of(ErrorCode.NO_CONNECT, ErrorDomain.NONE, detail);
    }

    private String installedSummary() {
        List<Loaded> all = loaded();
        if (all.isEmpty()) {
            return "none";
        }
        return all.stream().map(l -> l.descriptor.name() + " [" + l.descriptor.schemes().stream().sorted()
                .collect(Collectors.joining(",")) + (l.descriptor.locality() == DriverDescriptor.Locality.LOCAL
                ? "" : " " + l.descriptor.locality().name().toLowerCase(Locale.ROOT)) + "]")
                .collect(Collectors.joining(", "));
    }

    private static Map<String, String> knownDrivers() {
        Map<String, String> m = new TreeMap<>();
        m.put("qemu", "QEMU");
        m.put("kvm", "QEMU");
        m.put("xen", "Xen (libxl)");
        m.put("libxl", "Xen (libxl)");
        m.put("lxc", "LXC");
        m.put("esx", "ESX");
        m.put("vpx", "ESX");
        m.put("gsx", "ESX");
        m.put("bhyve", "bhyve");
        m.put("hyperv", "Hyper-V");
        m.put("vbox", "VirtualBox");
        m.put("vmwarews", "VMware");
        m.put("vmwareplayer", "VMware");
        m.put("vmwarefusion", "VMware");
        m.put("openvz", "OpenVZ");
        m.put("vz", "Virtuozzo");
        m.put("parallels", "Virtuozzo");
        m.put("ch", "Cloud Hypervisor");
        m.put("test", "test");
        m.put("phyp", "PowerHypervisor");
        m.put("xenapi", "XenAPI");
        m.put("remote", "remote");
        for (String s : List.of("network", "interface", "nodedev", "nwfilter", "secret", "storage")) {
            m.put(s, s);
        }
        return Map.copyOf(m);
    }

    /** A driver with its cached descriptor. */
    private static final class Loaded {
        final DriverSource.Found found;
        final DriverDescriptor descriptor;
        final InstalledDriver installed;

        Loaded(DriverSource.Found found) {
            this.found = found;
            this.descriptor = inContext(found, () -> found.driver().descriptor());
            this.installed = new InstalledDriver(descriptor, found.origin(), found.location());
        }

        OpenResult open(OpenRequest request) {
            OpenResult r = inContext(found, () -> found.driver().open(request));
            if (r == null) {
                throw new IllegalStateException("open() returned null");
            }
            return r;
        }

        private static <T> T inContext(DriverSource.Found f, java.util.function.Supplier<T> call) {
            ClassLoader loader = f.contextLoader();
            if (loader == null) {
                return call.get();
            }
            Thread t = Thread.currentThread();
            ClassLoader saved = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                return call.get();
            } finally {
                t.setContextClassLoader(saved);
            }
        }
    }

    /** For diagnostics. */
    @Override
    public String toString() {
        return "DriverManager" + sources;
    }
}
