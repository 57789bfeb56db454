package org.jvirt.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the driver manager reads from the process's surroundings: environment variables, system
 * properties and whether it runs privileged. {@link #system()} reads the real ones; tests and
 * embedders pass {@link #of} so that nothing depends on the machine the code runs on.
 */
public interface Environment {

    /** An environment variable, or {@code null} if unset. */
    String getenv(String name);

    /** A system property, or {@code null} if unset. */
    String getProperty(String name);

    /** Whether the process runs as root (uid 0); root reads {@code /etc/jvirt/jvirt.conf}. */
    boolean isPrivileged();

    /** An environment variable, or {@code null} if unset or empty. */
    default String getenvNonEmpty(String name) {
        String v = getenv(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The real environment of this process. */
    static Environment system() {
        return SystemEnvironment.INSTANCE;
    }

    /**
     * A fixed environment, for tests and embedding.
     *
     * @param env environment variables
     * @param properties system properties ({@code user.home} is used for the config file)
     * @param privileged whether to behave as root
     * @return the environment
     */
    static Environment of(Map<String, String> env, Map<String, String> properties, boolean privileged) {
        Map<String, String> e = Map.copyOf(env);
        Map<String, String> p = Map.copyOf(properties);
        return new Environment() {
            @Override
            public String getenv(String name) {
                return e.get(name);
            }

            @Override
            public String getProperty(String name) {
                return p.get(name);
            }

            @Override
            public boolean isPrivileged() {
                return privileged;
            }

            @Override
            public String toString() {
                return "Environment" + e + p + (privileged ? "(root)" : "");
            }
        };
    }

    /** The process's real environment; root is detected from the owner of {@code /proc/self}. */
    final class SystemEnvironment implements Environment {
        static final SystemEnvironment INSTANCE = new SystemEnvironment();

        private SystemEnvironment() {
        }

        @Override
        public String getenv(String name) {
            return System.getenv(Objects.requireNonNull(name));
        }

        @Override
        public String getProperty(String name) {
            return System.getProperty(name);
        }

        @Override
        public boolean isPrivileged() {
            try {
                Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
                return uid instanceof Integer i && i == 0;
            } catch (Exception | LinkageError e) {
                return "root".equals(System.getProperty("user.name"));
            }
        }
    }
}
