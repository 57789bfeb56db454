package org.jvirt.core.internal;

import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/** Where a class was loaded from, for messages and for finding the distribution's folders. */
public final class Locations {
    private Locations() {
    }

    /**
     * The jar or directory a class was loaded from.
     *
     * @param type the class
     * @return its location, if known
     */
    public static Optional<Path> of(Class<?> type) {
        try {
            Module m = type.getModule();
            if (m.isNamed() && m.getLayer() != null) {
                Optional<Path> p = m.getLayer().configuration().findModule(m.getName())
                        .flatMap(r -> r.reference().location())
                        .filter(u -> "file".equals(u.getScheme()))
                        .map(Path::of);
                if (p.isPresent()) {
                    return p;
                }
            }
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            if (url != null && "file".equals(url.getProtocol())) {
                return Optional.of(Path.of(url.toURI()));
            }
        } catch (Exception | LinkageError e) {
            // fall through: unknown location
        }
        return Optional.empty();
    }

    /**
     * A human description of where a class came from: {@code module name (path)} or the path.
     *
     * @param type the class
     * @return the description
     */
    public static String describe(Class<?> type) {
        String path = of(type).map(Path::toString).orElse("unknown location");
        Module m = type.getModule();
        return m.isNamed() ? m.getName() + " (" + path + ")" : path;
    }
}
