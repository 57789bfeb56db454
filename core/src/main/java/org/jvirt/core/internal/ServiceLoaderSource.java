package org.jvirt.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.core.DriverSource;
import org.jvirt.core.InstalledDriver;
import org.jvirt.spi.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drivers registered with {@link ServiceLoader}: the boot layer's named modules first, then the
 * class path (of core's own loader and of the thread context class loader), de-duplicated by
 * provider class name. A provider that cannot be loaded, instantiated or described is logged with
 * its jar and skipped.
 */
public final class ServiceLoaderSource implements DriverSource {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLoaderSource.class);
    private static final String SERVICE_FILE = "META-INF/services/" + Driver.class.getName();
    private static final Pattern PROVIDER_NAME = Pattern.compile("Provider ([\\w.$]+)");
    private static final int MAX_ERRORS = 64;

    @Override
    public List<Found> discover() {
        List<Found> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ClassLoader own = ServiceLoaderSource.class.getClassLoader();
        collect(ServiceLoader.load(ModuleLayer.boot(), Driver.class), own, out, seen);
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        loaders.add(own == null ? ClassLoader.getSystemClassLoader() : own);
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        if (tccl != null) {
            loaders.add(tccl);
        }
        for (ClassLoader cl : loaders) {
            collect(ServiceLoader.load(Driver.class, cl), cl, out, seen);
        }
        return out;
    }

    private static void collect(ServiceLoader<Driver> loader, ClassLoader resources, List<Found> out,
                                Set<String> seen) {
        Iterator<ServiceLoader.Provider<Driver>> it = loader.stream().iterator();
        int errors = 0;
        while (errors < MAX_ERRORS) {
            ServiceLoader.Provider<Driver> provider;
            try {
                if (!it.hasNext()) {
                    return;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                errors++;
                LOG.error("Skipping a broken driver provider ({}): {}", whereDeclared(e, resources), e.getMessage(), e);
                continue;
            }
            Class<? extends Driver> type = provider.type();
            if (!seen.add(type.getName())) {
                continue;
            }
            String location = Locations.describe(type);
            try {
                Driver driver = provider.get();
                driver.descriptor().name(); // a driver that cannot describe itself cannot be selected
                InstalledDriver.Origin origin = type.getModule().isNamed()
                        ? InstalledDriver.Origin.MODULE_PATH : InstalledDriver.Origin.CLASS_PATH;
                out.add(new Found(driver, origin, location, null));
                LOG.debug("Found driver {} ({}) in {}", driver.descriptor().name(), type.getName(), location);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                LOG.error("Skipping driver provider {} from {}: {}", type.getName(), location, e.toString(), e);
            }
        }
        LOG.error("Giving up on ServiceLoader discovery after {} broken providers", MAX_ERRORS);
    }

    /** The service files that name the provider a {@link ServiceConfigurationError} complains about. */
    private static String whereDeclared(ServiceConfigurationError e, ClassLoader loader) {
        Matcher m = PROVIDER_NAME.matcher(String.valueOf(e.getMessage()));
        if (!m.find() || loader == null) {
            return "unknown jar";
        }
        String name = m.group(1);
        List<String> files = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(SERVICE_FILE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(),
                        StandardCharsets.UTF_8))) {
                    if (r.lines().map(l -> l.replaceAll("#.*", "").trim()).anyMatch(name::equals)) {
                        files.add(url.toString());
                    }
                }
            }
        } catch (IOException | RuntimeException ex) {
            return "unknown jar";
        }
        return files.isEmpty() ? "declared in a module descriptor" : "declared in " + String.join(", ", files);
    }
}
