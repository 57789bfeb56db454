package org.jvirt.tests.plugin;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.core.InstalledDriver;
import org.jvirt.core.Virt;

/**
 * Run in a fresh JVM by {@link ExamplePluginTest}: opens a URI through the real {@link Virt}
 * entry point (plugin folder from {@code -Djvirt.plugin.dir}) and prints drivers and domains.
 */
public final class OpenDemoMain {
    private OpenDemoMain() {
    }

    /**
     * Prints {@code driver NAME ORIGIN} lines, then {@code domain NAME ACTIVE} lines.
     *
     * @param args the URI to open
     */
    public static void main(String[] args) {
        for (InstalledDriver d : Virt.drivers()) {
            System.out.println("driver " + d.descriptor().name() + " " + d.origin());
        }
        try (Connect conn = Virt.open(args[0])) {
            for (Domain d : conn.listAllDomains()) {
                System.out.println("domain " + d.getName() + " " + d.isActive());
            }
        }
    }
}
