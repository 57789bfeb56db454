package org.jvirt.core;

import org.jvirt.spi.Driver;
import org.pf4j.ExtensionPoint;

/**
 * The pf4j extension point for drivers shipped in plugin jars: a plugin's driver implements this
 * interface and carries pf4j's {@code @Extension} annotation, so that pf4j's annotation processor
 * lists it in {@code META-INF/extensions.idx}. It lives in {@code core}, not in {@code api}, to keep
 * pf4j types out of the stable API. See {@code docs/plugin-guide.md}.
 */
public interface DriverExtension extends Driver, ExtensionPoint {
}
