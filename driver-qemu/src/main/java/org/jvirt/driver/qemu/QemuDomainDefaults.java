package org.jvirt.driver.qemu;

import java.nio.file.Path;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.DomainXml;

/**
 * What the QEMU driver adds to a definition after parsing (libvirt's {@code qemuDomainDefPostParse}
 * and device post-parse, then address assignment): emulator and architecture, the canonical machine
 * type, implicit controllers, default models, the default memory balloon, PCI and drive addresses.
 * Runs at define, at create and for {@code domxml-to-native}; decisions come from {@link QemuCaps}.
 */
final class QemuDomainDefaults {
    private QemuDomainDefaults() {
    }

    /**
     * Parses and completes a definition.
     *
     * @param xml the domain XML
     * @param caps the capabilities cache (the emulator is probed when not cached)
     * @return the completed definition
     */
    static DomainDef prepare(String xml, CapsCache caps) {
        DomainDef def = DomainXml.parse(xml);
        String type = def.type();
        if (!"qemu".equals(type) && !"kvm".equals(type)) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Emulator '" + type + "' is not supported by the QEMU driver; use type 'qemu' or 'kvm'");
        }
        if (!"hvm".equals(def.osType())) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "OS type '" + def.osType() + "' is not supported by the QEMU driver");
        }
        String arch = def.os().type().arch();
        if (arch == null) {
            arch = QemuHost.hostArch();
            def.os().type().arch(arch);
        }
        if (def.devices().emulator() == null) {
            def.devices().emulator(QemuHost.defaultEmulator(arch).toString());
        }
        QemuCaps c = caps.get(Path.of(def.devices().emulator()));
        apply(def, c);
        return def;
    }

    /** Applies the defaults to a parsed definition. */
    static void apply(DomainDef def, QemuCaps c) {
        String wanted = def.os().type().machine();
        QemuCaps.Machine m = c.machine(wanted).orElseThrow(() -> VirtException.of(ErrorCode.CONFIG_UNSUPPORTED,
                ErrorDomain.QEMU, "Emulator '" + def.devices().emulator() + "' does not support machine type '"
                        + wanted + "'"));
        def.os().type().machine(m.name());
    }
}
