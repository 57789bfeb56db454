package org.jvirt.driver.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * libvirt's capabilities XML for the QEMU driver ({@code virConnectGetCapabilities}): the host's
 * architecture and migration transports, and per emulator a {@code <guest>} with its machine types
 * (aliases carry {@code canonical=}) and domain types ({@code qemu}, and {@code kvm} when usable).
 */
final class CapabilitiesXml {
    private CapabilitiesXml() {
    }

    static String format(String hostArch, List<QemuCaps> emulators, boolean kvmUsable) {
        StringBuilder b = new StringBuilder();
        b.append("<capabilities>\n\n  <host>\n");
        String uuid = hostUuid();
        if (uuid != null) {
            b.append("    <uuid>").append(uuid).append("</uuid>\n");
        }
        b.append("    <cpu>\n      <arch>").append(esc(hostArch)).append("</arch>\n    </cpu>\n");
        b.append("    <power_management/>\n    <iommu support='no'/>\n");
        b.append("    <migration_features>\n      <live/>\n      <uri_transports>\n")
                .append("        <uri_transport>tcp</uri_transport>\n        <uri_transport>rdma</uri_transport>\n")
                .append("      </uri_transports>\n    </migration_features>\n");
        b.append("  </host>\n\n");
        for (QemuCaps c : emulators) {
            String arch = "i386".equals(c.arch()) ? "i686" : c.arch();
            b.append("  <guest>\n    <os_type>hvm</os_type>\n");
            b.append("    <arch name='").append(esc(arch)).append("'>\n");
            b.append("      <wordsize>").append(arch.endsWith("64") ? 64 : 32).append("</wordsize>\n");
            b.append("      <emulator>").append(esc(c.binary())).append("</emulator>\n");
            for (QemuCaps.Machine m : c.machines()) {
                b.append("      <machine maxCpus='").append(m.maxCpus()).append("'")
                        .append(m.deprecated() ? " deprecated='yes'" : "").append(">").append(esc(m.name()))
                        .append("</machine>\n");
                if (m.alias() != null) {
                    b.append("      <machine canonical='").append(esc(m.name())).append("' maxCpus='")
                            .append(m.maxCpus()).append("'>").append(esc(m.alias())).append("</machine>\n");
                }
            }
            b.append("      <domain type='qemu'/>\n");
            if (kvmUsable && c.kvmCompiled() && sameFamily(arch, hostArch)) {
                b.append("      <domain type='kvm'/>\n");
            }
            b.append("    </arch>\n    <features>\n");
            if ("i686".equals(arch)) {
                b.append("      <pae/>\n      <nonpae/>\n");
            }
            b.append("      <acpi default='on' toggle='yes'/>\n      <apic default='on' toggle='no'/>\n")
                    .append("      <cpuselection/>\n      <deviceboot/>\n      <disksnapshot default='on' toggle='no'/>\n")
                    .append("    </features>\n  </guest>\n\n");
        }
        b.append("</capabilities>\n");
        return b.toString();
    }

    private static boolean sameFamily(String guest, String host) {
        return guest.equals(host) || ("i686".equals(guest) && "x86_64".equals(host));
    }

    private static String hostUuid() {
        for (String f : List.of("/sys/class/dmi/id/product_uuid", "/etc/machine-id")) {
            try {
                String s = Files.readString(Path.of(f)).trim();
                if (s.length() == 32) {
                    s = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-"
                            + s.substring(16, 20) + "-" + s.substring(20);
                }
                if (s.length() == 36) {
                    return s.toLowerCase(java.util.Locale.ROOT);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // try the next source
            }
        }
        return null;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
