package org.jvirt.driver.qemu;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DeviceAddress;
import org.jvirt.conf.DiskDef;
import org.jvirt.conf.DiskDriverDef;
import org.jvirt.conf.DiskHostDef;
import org.jvirt.conf.DiskSourceDef;
import org.jvirt.conf.DomainDef;
import org.jvirt.driver.qemu.qmp.Json;

/**
 * Disks as libvirt 9 builds them: per disk a {@code -blockdev} storage layer ({@code file},
 * {@code host_device}, {@code host_cdrom}, {@code nvme}, {@code nbd}, {@code http(s)}, {@code rbd}, ...)
 * named {@code libvirt-N-storage}, a format layer {@code libvirt-N-format} on top, then the front-end
 * {@code -device} with libvirt's alias. Node-name indexes are handed out from the last disk to the
 * first (the last disk is {@code libvirt-1}), as libvirt prepares storage.
 */
final class BlockBuilder {
    private final DomainDef def;
    private final QemuCaps caps;
    private final List<String> argv;
    private final Map<Object, Integer> bootIndex;
    private final Map<DiskDef, Integer> nodeIndex = new IdentityHashMap<>();

    private final byte[] masterKey;

    BlockBuilder(DomainDef def, QemuCaps caps, List<String> argv, Map<Object, Integer> bootIndex, byte[] masterKey) {
        this.masterKey = masterKey;
        this.def = def;
        this.caps = caps;
        this.argv = argv;
        this.bootIndex = bootIndex;
    }

    void disks() {
        List<DiskDef> disks = def.devices().disks();
        int next = 1;
        for (int i = disks.size() - 1; i >= 0; i--) {
            DiskDef d = disks.get(i);
            if (hasSource(d)) {
                nodeIndex.put(d, next++);
            }
        }
        for (DiskDef d : disks) {
            if (sharedTransient(d)) {
                continue; // hot-plugged after start with its overlay, as libvirt does
            }
            disk(d);
        }
    }

    static boolean sharedTransient(DiskDef d) {
        return d.transientElem() != null && "yes".equals(d.transientElem().attr("shareBacking"));
    }

    static boolean hasSource(DiskDef d) {
        DiskSourceDef s = d.source();
        if (s == null) {
            return false;
        }
        return switch (d.type() == null ? "file" : d.type()) {
            case "file" -> s.file() != null;
            case "block" -> s.dev() != null;
            case "dir" -> s.dir() != null;
            case "volume" -> s.volume() != null;
            default -> true;
        };
    }

    private void disk(DiskDef d) {
        Integer n = nodeIndex.get(d);
        String format = null;
        DiskDriverDef drv = d.driver();
        boolean readOnly = d.readonly() != null;
        String device = d.device() == null ? "disk" : d.device();
        if (n != null) {
            String storage = "libvirt-" + n + "-storage";
            format = "libvirt-" + n + "-format";
            cookieSecret(d, storage);
            Map<String, Object> sp = storage(d, storage);
            Map<String, Object> cache = cache(drv);
            if (cache != null) {
                sp.put("cache", cache);
            }
            sp.put("auto-read-only", true);
            sp.put("discard", "unmap");
            blockdev(reorderNodeName(sp, storage, cache));
            Map<String, Object> fp = new LinkedHashMap<>();
            fp.put("node-name", format);
            fp.put("read-only", readOnly);
            if (cache != null) {
                fp.put("cache", cache);
            }
            String discard = drv == null ? null : drv.discard();
            if (discard != null) {
                fp.put("discard", discard);
            }
            String dz = drv == null ? null : drv.detectZeroes();
            if (dz != null && !"off".equals(dz)) {
                fp.put("detect-zeroes", "unmap".equals(dz) && !"unmap".equals(discard) ? "on" : dz);
            }
            fp.put("driver", drv == null || drv.type() == null ? "raw" : drv.type());
            fp.put("file", storage);
            blockdev(fp);
        }
        frontend(d, format, drv, device);
    }

    /** HTTP cookies travel as a secret object encrypted with the master key, before the storage layer. */
    private void cookieSecret(DiskDef d, String storage) {
        var ck = d.source() == null ? null : d.source().cookies();
        if (ck == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Object o : ck.content()) {
            if (o instanceof org.w3c.dom.Element e && "cookie".equals(e.getLocalName() != null ? e.getLocalName()
                    : e.getTagName())) {
                if (b.length() > 0) {
                    b.append("; ");
                }
                b.append(e.getAttribute("name")).append('=').append(e.getTextContent().strip());
            }
        }
        String[] enc = MasterKey.encrypt(masterKey, b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("qom-type", "secret");
        p.put("id", storage + "-httpcookie-secret0");
        p.put("data", enc[0]);
        p.put("keyid", MasterKey.ID);
        p.put("iv", enc[1]);
        p.put("format", "base64");
        argv.add("-object");
        argv.add(Json.write(p));
    }

    /** libvirt puts node-name right after the driver's own members and before cache. */
    private static Map<String, Object> reorderNodeName(Map<String, Object> sp, String storage, Object cache) {
        return sp;
    }

    private void blockdev(Map<String, Object> p) {
        argv.add("-blockdev");
        argv.add(Json.write(p));
    }

    private static Map<String, Object> cache(DiskDriverDef drv) {
        String mode = drv == null ? null : drv.cache();
        if (mode == null || "default".equals(mode)) {
            return null;
        }
        boolean direct;
        boolean noFlush;
        switch (mode) {
            case "none" -> {
                direct = true;
                noFlush = false;
            }
            case "writethrough", "writeback" -> {
                direct = false;
                noFlush = false;
            }
            case "directsync" -> {
                direct = true;
                noFlush = false;
            }
            case "unsafe" -> {
                direct = false;
                noFlush = true;
            }
            default -> {
                return null;
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("direct", direct);
        c.put("no-flush", noFlush);
        return c;
    }

    private Map<String, Object> storage(DiskDef d, String node) {
        DiskSourceDef s = d.source();
        String type = d.type() == null ? "file" : d.type();
        Map<String, Object> p = new LinkedHashMap<>();
        String aio = d.driver() == null ? null : d.driver().io();
        switch (type) {
            case "file" -> {
                p.put("driver", "file");
                p.put("filename", s.file());
                if (aio != null) {
                    p.put("aio", aio);
                }
            }
            case "block" -> {
                // host_cdrom only for a real host CD-ROM drive, which libvirt detects by ioctl; host_device otherwise
                p.put("driver", "host_device");
                p.put("filename", s.dev());
                if (aio != null) {
                    p.put("aio", aio);
                }
            }
            case "nvme" -> {
                DeviceAddress a = s.address();
                if (a == null) {
                    throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.QEMU,
                            "NVMe disk source is missing its PCI address");
                }
                p.put("driver", "nvme");
                p.put("device", String.format("%04x:%02x:%02x.%x", PciAddresses.num(a.domain()),
                        PciAddresses.num(a.bus()), PciAddresses.num(a.slot()), PciAddresses.num(a.function())));
                p.put("namespace", Long.parseLong(s.namespace()));
            }
            case "network" -> network(d, s, node, p);
            default -> throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk type '" + type + "' is not supported yet by the QEMU driver");
        }
        p.put("node-name", node);
        return p;
    }

    private static void network(DiskDef d, DiskSourceDef s, String node, Map<String, Object> p) {
        String proto = s.protocol();
        List<DiskHostDef> hosts = s.host();
        DiskHostDef h = hosts.isEmpty() ? null : hosts.get(0);
        switch (proto) {
            case "nbd" -> {
                p.put("driver", "nbd");
                Map<String, Object> server = new LinkedHashMap<>();
                if (h != null && "unix".equals(h.transport())) {
                    server.put("type", "unix");
                    server.put("path", h.socket());
                } else {
                    server.put("type", "inet");
                    server.put("host", h == null ? "localhost" : h.name());
                    server.put("port", h == null || h.port() == null ? "10809" : h.port());
                }
                p.put("server", server);
                if (s.name() != null) {
                    p.put("export", s.name());
                }
            }
            case "http", "https", "ftp", "ftps" -> {
                p.put("driver", proto);
                String port = h.port() != null ? h.port() : switch (proto) {
                    case "http" -> "80";
                    case "https" -> "443";
                    case "ftp" -> "21";
                    default -> "990";
                };
                String url = proto + "://" + h.name() + ":" + port + "/" + s.name()
                        + (s.query() != null ? "?" + s.query() : "");
                p.put("url", url);
                if (s.timeout() != null) {
                    p.put("timeout", Long.parseLong(s.timeout().attr("seconds")));
                }
                if (s.readahead() != null) {
                    p.put("readahead", Long.parseLong(s.readahead().attr("size")));
                }
                if (s.ssl() != null && "no".equals(s.ssl().attr("verify"))) {
                    p.put("sslverify", false);
                }
                if (s.cookies() != null) {
                    p.put("cookie-secret", node + "-httpcookie-secret0");
                }
            }
            case "rbd" -> {
                p.put("driver", "rbd");
                String name = s.name();
                int slash = name.indexOf('/');
                p.put("pool", name.substring(0, slash));
                p.put("image", name.substring(slash + 1));
                if (!hosts.isEmpty()) {
                    List<Object> servers = new ArrayList<>();
                    for (DiskHostDef x : hosts) {
                        Map<String, Object> sv = new LinkedHashMap<>();
                        sv.put("host", x.name());
                        sv.put("port", x.port() == null ? "6789" : x.port());
                        servers.add(sv);
                    }
                    p.put("server", servers);
                }
            }
            default -> throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "network disk protocol '" + proto + "' is not supported yet by the QEMU driver");
        }
    }

    private void frontend(DiskDef d, String format, DiskDriverDef drv, String device) {
        String bus = PciAddresses.bus(d);
        DeviceAddress a = d.address();
        Map<String, Object> p = new LinkedHashMap<>();
        String alias;
        switch (bus == null ? "" : bus) {
            case "ide", "sata" -> {
                boolean q35 = QemuDomainDefaults.isQ35(def.os().type().machine());
                p.put("driver", "cdrom".equals(device) ? "ide-cd" : "ide-hd");
                long ctl = PciAddresses.num(a.controller());
                long b = PciAddresses.num(a.bus());
                long unit = PciAddresses.num(a.unit());
                if ("sata".equals(bus) || q35) {
                    p.put("bus", (ctl == 0 && q35 ? "ide" : "sata" + ctl) + "." + unit);
                    alias = "sata" + ctl + "-0-" + unit;
                } else {
                    p.put("bus", "ide." + b);
                    p.put("unit", (int) unit);
                    alias = "ide" + ctl + "-" + b + "-" + unit;
                }
            }
            case "virtio" -> {
                p.put("driver", "virtio-blk-pci");
                if ("lun".equals(device)) {
                    p.put("scsi", true);
                }
                CommandBuilder.pciAddr(p, a);
                alias = "virtio-disk" + QemuDomainDefaults.diskIndex(d.target().dev());
            }
            case "scsi" -> {
                long ctl = PciAddresses.num(a.controller());
                long b = PciAddresses.num(a.bus());
                long t = PciAddresses.num(a.target());
                long unit = PciAddresses.num(a.unit());
                p.put("driver", "cdrom".equals(device) ? "scsi-cd" : "lun".equals(device) ? "scsi-block" : "scsi-hd");
                p.put("bus", "scsi" + ctl + ".0");
                p.put("channel", (int) b);
                p.put("scsi-id", (int) t);
                p.put("lun", (int) unit);
                p.put("device_id", "drive-scsi" + ctl + "-" + b + "-" + t + "-" + unit);
                alias = "scsi" + ctl + "-" + b + "-" + t + "-" + unit;
            }
            default -> throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk bus '" + bus + "' is not supported yet by the QEMU driver");
        }
        if (d.alias() != null && d.alias().name() != null && d.alias().name().startsWith("ua-")) {
            alias = d.alias().name();
        }
        if (format != null) {
            p.put("drive", format);
        }
        p.put("id", alias);
        Integer boot = bootIndex.get(d);
        if (boot != null) {
            p.put("bootindex", boot);
        }
        String cache = drv == null ? null : drv.cache();
        if (cache != null && !"default".equals(cache)) {
            p.put("write-cache", "writethrough".equals(cache) || "directsync".equals(cache) ? "off" : "on");
        }
        if (d.serial() != null) {
            p.put("serial", d.serial());
        }
        argv.add("-device");
        argv.add(Json.write(p));
    }
}
