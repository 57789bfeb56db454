package org.jvirt.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.core.DriverSource;
import org.jvirt.core.InstalledDriver;
import org.jvirt.spi.Driver;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionWrapper;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drivers in the pf4j plugins of one folder (jars, zips, or exploded plugin folders). Each plugin
 * gets its own {@link PluginClassLoader}, parent-first over a {@link HostSharingClassLoader}, so it
 * sees the JDK, jvirt's API/SPI/core, pf4j and slf4j from the host and everything else from its own
 * jar. Drivers are the plugin's pf4j extensions assignable to {@link Driver} (normally
 * {@link org.jvirt.core.DriverExtension}). Every failure — a bad descriptor, a plugin that does not
 * start, an extension that does not load — is logged with the plugin's path; the others go on.
 */
public final class PluginFolderSource implements DriverSource {
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolderSource.class);

    private final Path folder;
    private volatile Manager manager;

    /**
     * Creates the source.
     *
     * @param folder the plugin folder
     */
    public PluginFolderSource(Path folder) {
        this.folder = folder;
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    @Override
    public List<Found> discover() {
        if (!Files.isDirectory(folder)) {
            LOG.debug("No plugin folder at {}", folder);
            return List.of();
        }
        if (isEmpty(folder)) {
            LOG.debug("Plugin folder {} is empty", folder);
            return List.of(); // spare pf4j's start-up (and its log lines) on every run of an empty distribution
        }
        Manager pm = new Manager(folder);
        this.manager = pm;
        try {
            pm.loadPlugins();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Loading plugins from {} failed: {}", folder, e.toString(), e);
        }
        try {
            pm.startPlugins();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Starting plugins from {} failed: {}", folder, e.toString(), e);
        }
        List<Found> out = new ArrayList<>();
        for (PluginWrapper plugin : pm.getPlugins()) {
            String where = plugin.getPluginId() + " (" + plugin.getPluginPath() + ")";
            if (plugin.getPluginState() != PluginState.STARTED) {
                LOG.error("Plugin {} is {}, not started; its drivers are unavailable", where,
                        plugin.getPluginState(), plugin.getFailedException());
                continue;
            }
            ClassLoader loader = plugin.getPluginClassLoader();
            Set<String> loaded = new HashSet<>();
            List<ExtensionWrapper<Driver>> wrappers;
            try {
                wrappers = pm.finder().find(Driver.class, plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Cannot list the extensions of plugin {}: {}", where, e.toString(), e);
                continue;
            }
            for (ExtensionWrapper<Driver> w : wrappers) {
                String className = w.getDescriptor().extensionClass.getName();
                loaded.add(className);
                Thread t = Thread.currentThread();
                ClassLoader saved = t.getContextClassLoader();
                t.setContextClassLoader(loader);
                try {
                    Driver driver = w.getExtension();
                    driver.descriptor().name();
                    out.add(new Found(driver, InstalledDriver.Origin.PLUGIN, plugin.getPluginPath().toString(),
                            loader));
                    LOG.debug("Found driver {} ({}) in plugin {}", driver.descriptor().name(), className, where);
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Skipping driver {} of plugin {}: {}", className, where, e.toString(), e);
                } finally {
                    t.setContextClassLoader(saved);
                }
            }
            reportUnloadable(pm, plugin, loader, loaded, where);
            if (loaded.isEmpty()) {
                LOG.warn("Plugin {} provides no driver (no @Extension implementing {} in its extensions index)",
                        where, Driver.class.getName());
            }
        }
        return out;
    }

    private static boolean isEmpty(Path dir) {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.noneMatch(p -> !p.getFileName().toString().startsWith("."));
        } catch (java.io.IOException e) {
            LOG.error("Cannot read plugin folder {}: {}", dir, e.toString());
            return true;
        }
    }

    /** Logs extensions listed in a plugin's index whose class cannot be loaded (pf4j skips them quietly). */
    private static void reportUnloadable(Manager pm, PluginWrapper plugin, ClassLoader loader, Set<String> loaded,
                                         String where) {
        Set<String> listed;
        try {
            listed = pm.getExtensionClassNames(plugin.getPluginId());
        } catch (RuntimeException e) {
            return;
        }
        if (listed == null) {
            return;
        }
        for (String name : listed) {
            if (loaded.contains(name)) {
                continue;
            }
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.error("Extension {} listed by plugin {} cannot be loaded: {}", name, where, e.toString(), e);
            }
        }
    }

    /** Stops the plugins and closes their class loaders. */
    public void close() {
        Manager pm = manager;
        if (pm != null) {
            pm.stopPlugins();
            pm.unloadPlugins();
        }
    }

    /** pf4j's manager with jvirt's class loader rules, always in deployment mode. */
    static final class Manager extends DefaultPluginManager {
        Manager(Path folder) {
            super(folder);
            setSystemVersion(JvirtVersion.get());
            setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
        }

        org.pf4j.ExtensionFinder finder() {
            return extensionFinder;
        }

        @Override
        public RuntimeMode getRuntimeMode() {
            return RuntimeMode.DEPLOYMENT;
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return new CompoundPluginLoader()
                    .add(new IsolatedJarPluginLoader(this))
                    .add(new IsolatedDirectoryPluginLoader(this));
        }
    }

    private static PluginClassLoader newLoader(PluginManager pm, PluginDescriptor descriptor) {
        return new PluginClassLoader(pm, descriptor,
                new HostSharingClassLoader(PluginFolderSource.class.getClassLoader()), ClassLoadingStrategy.APD);
    }

    /** A plugin jar in its own isolated loader. */
    static final class IsolatedJarPluginLoader extends JarPluginLoader {
        IsolatedJarPluginLoader(PluginManager pm) {
            super(pm);
        }

        @Override
        public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
            PluginClassLoader cl = newLoader(pluginManager, descriptor);
            cl.addFile(pluginPath.toFile());
            return cl;
        }
    }

    /** An exploded plugin folder ({@code classes/}, {@code lib/*.jar}, e.g. from a zip) in its own isolated loader. */
    static final class IsolatedDirectoryPluginLoader extends DefaultPluginLoader {
        IsolatedDirectoryPluginLoader(PluginManager pm) {
            super(pm);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return newLoader(pluginManager, descriptor);
        }
    }
}
