package org.jvirt.conf;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's driver-neutral device rules, run by {@link DomainXml#parse} after binding: the post-parse
 * defaults libvirt fills in for every driver (disk device and bus, graphics port and listen, primary
 * video, memory sizes in KiB), then validation with libvirt's codes and messages ({@link DeviceValidator}).
 * Hypervisor-specific defaults (implicit controllers, PCI address assignment) belong to the drivers.
 * Everything is checked before anything is stored, so a refused definition leaves no state behind.
 */
final class DeviceRules {
    private DeviceRules() {
    }

    /**
     * Applies defaults and validates every device of a parsed domain.
     *
     * @param d the domain, whose {@code <devices>} is created if absent
     */
    static void apply(DomainDef d) {
        if (d.devices() == null) {
            d.devices(new DevicesDef());
        }
        DevicesDef dev = d.devices();
        for (DiskDef disk : dev.disks()) {
            applyDisk(disk);
        }
        for (GraphicsDef g : dev.graphics()) {
            graphicsDefaults(g);
        }
        // libvirt's parser puts the video marked primary first (a second one is refused by validation)
        for (int i = 1; i < dev.videos().size(); i++) {
            VideoDef v = dev.videos().get(i);
            if (v.model() != null && "yes".equals(v.model().primary())
                    && !(dev.videos().get(0).model() != null && "yes".equals(dev.videos().get(0).model().primary()))) {
                dev.videos().add(0, dev.videos().remove(i));
                break;
            }
        }
        boolean first = true;
        for (VideoDef v : dev.videos()) {
            if (first && v.model() != null && v.model().primary() == null && !"none".equals(v.model().type())) {
                v.model().primary("yes");
            }
            first = false;
        }
        for (MemoryDeviceDef m : dev.memoryDevices()) {
            memorySizes(m);
        }
        for (List<ChrDef> l : List.of(dev.serials(), dev.parallels(), dev.consoles(), dev.channels())) {
            for (ChrDef c : l) {
                chrDefaults(c);
            }
        }
        DeviceValidator.validate(d);
        DomainValidator.validate(d);
    }

    /**
     * Disk defaults and checks, also for a single disk given to attach/detach.
     *
     * @param disk the disk
     */
    static void applyDisk(DiskDef disk) {
        if (disk.targetDev() == null) {
            String src = disk.sourcePath();
            throw VirtException.of(ErrorCode.NO_TARGET, ErrorDomain.DOMAIN, "device " + (src == null ? "" : src));
        }
        if (disk.type() == null) {
            disk.type("file");
        }
        if (disk.device() == null) {
            disk.device("disk");
        }
        if (disk.target().bus() == null) {
            String dev = disk.targetDev();
            String bus = dev.startsWith("hd") ? "ide" : dev.startsWith("sd") ? "scsi" : dev.startsWith("vd")
                    ? "virtio" : dev.startsWith("xvd") ? "xen" : dev.startsWith("ub") ? "usb"
                    : dev.startsWith("fd") ? "fdc" : null;
            if (bus != null) {
                disk.target().bus(bus);
            }
        }
        DeviceValidator.checkDisk(disk);
    }

    private static void graphicsDefaults(GraphicsDef g) {
        String type = g.type();
        if (!"vnc".equals(type) && !"spice".equals(type)) {
            return;
        }
        boolean socket = g.socket() != null;
        if (!socket && g.port() == null && g.autoport() == null && "vnc".equals(type)) {
            g.port("-1");
            g.autoport("yes");
        } else if (!socket && "-1".equals(g.port()) && g.autoport() == null) {
            g.autoport("yes");
        } else if (g.autoport() == null && g.port() != null && !"rdp".equals(type)) {
            g.autoport("no");
        }
        if (g.listenElement().isEmpty()) {
            if (socket) {
                g.listenElement().add(new GraphicsListenDef().type("socket").socket(g.socket()));
            } else if (g.listen() != null) {
                g.listenElement().add(new GraphicsListenDef().type("address").address(g.listen()));
            } else {
                g.listenElement().add(new GraphicsListenDef().type("address"));
            }
        } else {
            GraphicsListenDef l = g.listenElement().get(0);
            if ("address".equals(l.type()) && l.address() != null && g.listen() == null) {
                g.listen(l.address());
            } else if ("socket".equals(l.type()) && l.socket() != null && g.socket() == null && "vnc".equals(type)) {
                g.socket(l.socket());
            }
        }
    }

    /**
     * Character device defaults ({@code virDomainChrSourceDefParseXML}): a tcp source connects unless told
     * otherwise and speaks {@code raw}; a udp device lists its bind source before its connect source.
     */
    private static void chrDefaults(ChrDef c) {
        if ("tcp".equals(c.type())) {
            if (!c.source().isEmpty() && c.source().get(0).mode() == null) {
                c.source().get(0).mode("connect");
            }
            if (c.protocol() == null) {
                c.protocol(new Generic().attr("type", "raw"));
            }
        } else if ("udp".equals(c.type())) {
            for (ChrSourceDef s : c.source()) {
                if (s.mode() == null) {
                    s.mode("connect");
                }
            }
            c.source().sort(java.util.Comparator.comparingInt(s -> "bind".equals(s.mode()) ? 0 : 1));
        }
    }

    /** Normalises memory device sizes to KiB as libvirt's parser does. */
    private static void memorySizes(MemoryDeviceDef m) {
        MemoryTargetDef t = m.target();
        if (t != null) {
            kib(t.size(), "./size");
            kib(t.block(), "./block");
            kib(t.requested(), "./requested");
            kib(t.current(), "./current");
            if (t.label() != null) {
                kib(t.label().size(), "./size");
            }
        }
        if (m.source() != null) {
            kib(m.source().pagesize(), "./pagesize");
            kib(m.source().alignsize(), "./alignsize");
        }
    }

    private static void kib(ScaledValue v, String what) {
        if (v == null) {
            return;
        }
        long k = Units.toKiB(v.value(), v.unit(), what);
        v.unit("KiB").value(Long.toString(k));
    }

    /** The size in KiB of a normalised value, {@code -1} when absent. */
    static long kib(ScaledValue v) {
        return v == null || v.value() == null ? -1 : Long.parseLong(v.value().trim());
    }

    /**
     * The number of guest NUMA cells ({@code /domain/cpu/numa/cell}), read from the formatted
     * definition so it does not depend on how the top level types {@code <cpu>}.
     */
    static int numaCells(DomainDef d) {
        if (d.cpu() == null) {
            return 0;
        }
        String xml = DomainXml.format(d, Set.of(org.jvirt.api.DomainXmlFlag.SECURE));
        try {
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
            int cells = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    path.push(r.getLocalName());
                    if (path.size() == 4 && r.getLocalName().equals("cell")
                            && List.copyOf(path).equals(List.of("cell", "numa", "cpu", "domain"))) {
                        cells++;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                }
            }
            return cells;
        } catch (XMLStreamException e) {
            return 0;
        }
    }

    static Map<String, Integer> counter() {
        return new HashMap<>();
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
