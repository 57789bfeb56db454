package org.jvirt.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** jvirt's version, from the build (e.g. {@code 0.1.0}); a {@code -SNAPSHOT} suffix is dropped. */
public final class JvirtVersion {
    private static final String VERSION = load();

    private JvirtVersion() {
    }

    /** The version, e.g. {@code 0.1.0}, as plugins' {@code Plugin-Requires} is checked against it. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = JvirtVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "0.0.0");
                int dash = v.indexOf('-');
                return dash < 0 ? v : v.substring(0, dash);
            }
        } catch (IOException e) {
            // fall through
        }
        return "0.0.0";
    }
}
