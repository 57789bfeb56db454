package org.jvirt.driver.qemu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.InterfaceDef;
import org.jvirt.driver.qemu.qmp.Json;

/**
 * Network interfaces: the back-end {@code -netdev} ({@code hostnetN}) and the front-end {@code -device}
 * ({@code netN}). For {@code domxml-to-native} every interface is built as libvirt does there: as type
 * {@code ethernet}, a tap device passed by (placeholder) file descriptor, the front-end keeping only
 * model, MAC and address. For a real start, user-mode networking is built; other types need host
 * networking this driver does not manage yet.
 */
final class NetBuilder {
    /** The first placeholder tap fd libvirt's domxml-to-native prints. */
    static final int FIRST_FD = 28;

    private final DomainDef def;
    private final List<String> argv;
    private final Map<Object, Integer> bootIndex;
    private final boolean toNative;

    NetBuilder(DomainDef def, QemuCaps caps, List<String> argv, Map<Object, Integer> bootIndex, boolean toNative) {
        this.def = def;
        this.argv = argv;
        this.bootIndex = bootIndex;
        this.toNative = toNative;
    }

    static String frontend(String model) {
        return switch (model == null ? "rtl8139" : model) {
            case "virtio" -> "virtio-net-pci";
            case "virtio-transitional" -> "virtio-net-pci-transitional";
            case "virtio-non-transitional" -> "virtio-net-pci-non-transitional";
            default -> model;
        };
    }

    void interfaces() {
        int n = 0;
        int fd = FIRST_FD;
        for (InterfaceDef i : def.devices().interfaces()) {
            if ("hostdev".equals(i.type())) {
                n++;
                continue;
            }
            String id = "hostnet" + n;
            Map<String, Object> nd = new LinkedHashMap<>();
            if (toNative) {
                nd.put("type", "tap");
                nd.put("fd", Integer.toString(fd++));
            } else if ("user".equals(i.type())) {
                nd.put("type", "user");
            } else {
                throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "interface type '" + i.type()
                        + "' is not supported yet by the QEMU driver at start");
            }
            nd.put("id", id);
            argv.add("-netdev");
            argv.add(Json.write(nd));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("driver", frontend(i.model() == null ? null : i.model().type()));
            p.put("netdev", id);
            p.put("id", "net" + n);
            if (i.macAddress() != null) {
                p.put("mac", i.macAddress());
            }
            CommandBuilder.pciAddr(p, i.address());
            Integer boot = bootIndex.get(i);
            if (boot != null) {
                p.put("bootindex", boot);
            }
            argv.add("-device");
            argv.add(Json.write(p));
            n++;
        }
    }
}
