package org.jvirt.plugin.example;

/**
 * Features of the demo driver beyond jvirt's API, reachable through {@code Connect.unwrap}, as JDBC
 * drivers expose theirs. Callers that compile against the plugin use
 * {@code conn.unwrap(DemoFeatures.class)}; the host's wrapper implements this interface too, so the
 * context class loader rule holds for these calls as well.
 */
public interface DemoFeatures {
    /**
     * Whether the thread context class loader, inside this call, is the plugin's own class loader:
     * jvirt sets it around every call into a plugin's objects.
     *
     * @return {@code true} if it is
     */
    boolean contextClassLoaderIsPlugin();
}
