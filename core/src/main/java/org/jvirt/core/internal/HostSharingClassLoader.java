package org.jvirt.core.internal;

import java.util.List;

/**
 * The parent of every plugin class loader: it shows a plugin the JDK (through the platform class
 * loader) and, from the host, only the packages a plugin is allowed to share — jvirt's API, SPI,
 * core and XML model, pf4j and slf4j. Everything else of the host (other drivers, jaxb, the CLI)
 * stays invisible, so a plugin cannot come to depend on it by accident.
 */
public final class HostSharingClassLoader extends ClassLoader {
    /** Package prefixes a plugin shares with the host. */
    public static final List<String> SHARED_PREFIXES = List.of(
            "org.jvirt.api.", "org.jvirt.spi.", "org.jvirt.core.", "org.jvirt.conf.", "org.pf4j.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    /**
     * Creates the filter.
     *
     * @param host the host's class loader (core's)
     */
    public HostSharingClassLoader(ClassLoader host) {
        super("jvirt-plugin-host", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    /** Whether a class of this name comes from the host. */
    public static boolean isShared(String className) {
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
