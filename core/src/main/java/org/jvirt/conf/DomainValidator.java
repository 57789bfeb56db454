package org.jvirt.conf;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's driver-neutral cross-checks of a parsed domain ({@code virDomainDefValidate},
 * {@code virDomainChrSourceDefValidate}, {@code virDomainGraphicsListensParseXML}, the seclabel, hostdev,
 * video, USB, PCI controller and hugepage rules of {@code domain_conf.c} / {@code domain_validate.c}):
 * what libvirt's test driver refuses too, with libvirt's codes and messages. Rules that only libvirt's
 * QEMU driver applies ({@code qemu_validate.c}, machine-type and address-assignment rules) are not here.
 * It only reads the definition.
 */
final class DomainValidator {
    private static final Set<String> DRIVE_BUSES = Set.of("ide", "fdc", "scsi", "sata");

    private DomainValidator() {
    }

    static void validate(DomainDef d) {
        DevicesDef dev = d.devices();
        hugepages(d);
        seclabels(d);
        for (DiskDef disk : dev.disks()) {
            disk(disk);
            loadparm(disk.boot());
        }
        for (InterfaceDef nic : dev.interfaces()) {
            loadparm(nic.boot());
            String q = nic.driver() == null ? null : nic.driver().queues();
            if (q != null && !q.trim().matches("\\+?[0-9]+")) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML, "Invalid value for attribute 'queues' "
                        + "in element 'driver': '" + q + "'. Expected non-negative integer value");
            }
        }
        for (HostdevDef h : dev.hostdevs()) {
            loadparm(h.boot());
        }
        for (List<ChrDef> l : List.of(dev.serials(), dev.parallels(), dev.consoles(), dev.channels())) {
            for (ChrDef c : l) {
                boolean autoPath = dev.channels() == l && c.target() != null
                        && ("virtio".equals(c.target().type()) || "xen".equals(c.target().type()));
                chrSources(c.type(), c.source(), autoPath);
            }
        }
        for (RedirdevDef r : dev.redirdevs()) {
            chrSources(r.type(), r.source(), false);
        }
        for (SmartcardDef s : dev.smartcards()) {
            if ("passthrough".equals(s.mode())) {
                chrSources(s.type(), s.source(), false);
            }
        }
        for (RngDef r : dev.rngs()) {
            RngBackendDef b = r.backend();
            if (b != null && "egd".equals(b.model())) {
                chrSources(b.type(), rngSources(b), false);
            }
        }
        for (GraphicsDef g : dev.graphics()) {
            graphics(g);
        }
        controllers(dev);
        hostdevs(dev);
        video(dev);
        usb(dev);
        for (ShmemDef s : dev.shmems()) {
            if (s.msi() != null && s.server() == null) {
                throw DomainXml.xmlError("msi option is only supported with a server");
            }
        }
    }

    // ---- memory ----

    private static void hugepages(DomainDef d) {
        MemoryBackingDef mb = d.memoryBacking();
        if (mb == null || mb.hugepages() == null) {
            return;
        }
        int cells = d.cpu() == null ? 0 : d.cpu().cellCount();
        List<MemoryBackingDef.Page> pages = mb.hugepages().pages();
        List<BitSet> masks = new ArrayList<>();
        for (MemoryBackingDef.Page p : pages) {
            BitSet m = p.nodeset() == null ? null : CpuSet.parse(p.nodeset(), "nodeset");
            if (m != null) {
                int over = m.nextSetBit(Math.max(cells, 1));
                if (over >= 0) {
                    throw DomainXml.detail("hugepages: node " + over + " not found");
                }
                if (cells == 0) {
                    m = null; // node 0 of a guest without NUMA is the whole guest
                }
            }
            masks.add(m);
        }
        for (int i = 0; i < pages.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (masks.get(i) != null && masks.get(j) != null && masks.get(i).intersects(masks.get(j))) {
                    throw DomainXml.detail("nodeset attribute of hugepages of sizes " + pages.get(i).sizeKiB()
                            + " and " + pages.get(j).sizeKiB() + " intersect");
                }
                if (masks.get(i) == null && masks.get(j) == null) {
                    throw DomainXml.detail("two master hugepages detected: " + pages.get(i).sizeKiB() + " and "
                            + pages.get(j).sizeKiB());
                }
            }
        }
    }

    /** {@code virDomainDeviceBootParseXML}: the loadparm, upper-cased, has 1 to 8 characters. */
    private static void loadparm(BootDef boot) {
        if (boot == null || boot.loadparm() == null) {
            return;
        }
        String lp = boot.loadparm().toUpperCase(java.util.Locale.ROOT);
        if (lp.isEmpty() || lp.length() > 8) {
            throw DomainXml.internalError("loadparm value '" + lp + "' must be between 1 and 8 characters");
        }
    }

    // ---- security labels ----

    private static void seclabels(DomainDef d) {
        List<SecLabelDef> labels = d.seclabels();
        Set<String> models = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (java.util.Objects.equals(labels.get(i).model(), labels.get(j).model())) {
                    throw DomainXml.detail("seclabel for model " + labels.get(i).model() + " is already provided");
                }
            }
            models.add(labels.get(i).model());
        }
        for (DiskDef disk : d.devices().disks()) {
            List<Generic> dl = disk.source() == null ? List.of() : disk.source().seclabel();
            if (dl.size() > 1) {
                for (Generic g : dl) {
                    String m = g.attr("model");
                    if (m == null || !models.contains(m)) {
                        throw DomainXml.xmlError("missing security model when using multiple labels");
                    }
                }
            }
        }
    }

    // ---- disks ----

    private static void disk(DiskDef disk) {
        String bus = disk.target() == null ? null : disk.target().bus();
        DeviceAddress a = disk.address();
        if (bus != null && a != null && a.type() != null && DRIVE_BUSES.contains(bus) && !"drive".equals(a.type())) {
            throw DomainXml.configUnsupported("Invalid address type '" + a.type() + "' for the disk '"
                    + disk.targetDev() + "' with the bus type '" + bus + "'");
        }
        DiskSourceDef s = disk.source();
        if (s == null) {
            return;
        }
        if (disk.auth() != null && s.auth() != null) {
            throw DomainXml.configUnsupported("an <auth> definition already found for disk source");
        }
        if (disk.encryption() != null && s.encryption() != null) {
            throw DomainXml.configUnsupported("an <encryption> definition already found for disk source");
        }
        Generic auth = disk.auth() != null ? disk.auth() : s.auth();
        if (auth != null && "network".equals(disk.type())) {
            String secretType = null;
            for (Object o : auth.content()) {
                if (o instanceof Element e && "secret".equals(e.getLocalName())) {
                    if (!e.hasAttribute("type")) {
                        throw DomainXml.configUnsupported("unknown secret type '<null>'");
                    }
                    secretType = e.getAttribute("type");
                }
            }
            String want = "iscsi".equals(s.protocol()) ? "iscsi" : "rbd".equals(s.protocol()) ? "ceph" : null;
            if (secretType != null && want != null && !want.equals(secretType)) {
                throw DomainXml.configUnsupported("invalid secret type '" + secretType + "'");
            }
        }
    }

    // ---- character devices ----

    private static List<ChrSourceDef> rngSources(RngBackendDef b) {
        List<ChrSourceDef> out = new ArrayList<>();
        for (Object o : b.content()) {
            if (o instanceof Element e && "source".equals(e.getLocalName())) {
                ChrSourceDef s = new ChrSourceDef();
                s.mode(attr(e, "mode")).path(attr(e, "path")).host(attr(e, "host")).service(attr(e, "service"));
                out.add(s);
            }
        }
        return out;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** {@code virDomainChrSourceDefParseXML} and {@code virDomainChrSourceDefValidate}. */
    static void chrSources(String type, List<ChrSourceDef> sources, boolean pathMayBeGenerated) {
        if (sources.size() > 2) {
            throw DomainXml.xmlError("only two source elements are allowed for character device");
        }
        for (ChrSourceDef s : sources) {
            Generic r = s.reconnect();
            if (r != null && "yes".equals(r.attr("enabled")) && r.attr("timeout") == null) {
                throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                        "Missing required attribute 'timeout' in element 'reconnect'");
            }
        }
        if (type == null) {
            return;
        }
        ChrSourceDef first = sources.isEmpty() ? new ChrSourceDef() : sources.get(0);
        switch (type) {
            case "file", "pipe", "dev" -> {
                if (first.path() == null) {
                    throw DomainXml.internalError("Missing source path attribute for char device");
                }
            }
            case "tcp" -> {
                if (first.host() == null) {
                    throw DomainXml.internalError("Missing source host attribute for char device");
                }
                if (first.service() == null) {
                    throw DomainXml.internalError("Missing source service attribute for char device");
                }
            }
            case "udp" -> {
                ChrSourceDef connect = null;
                for (ChrSourceDef s : sources) {
                    if (!"bind".equals(s.mode())) {
                        connect = s;
                    }
                }
                if (connect == null || connect.service() == null) {
                    throw DomainXml.internalError("Missing source service attribute for char device");
                }
            }
            case "unix" -> {
                if (first.path() == null && !pathMayBeGenerated) {
                    throw DomainXml.internalError("Missing source path attribute for char device");
                }
            }
            default -> {
            }
        }
    }

    // ---- graphics ----

    private static void graphics(GraphicsDef g) {
        List<GraphicsListenDef> listens = g.listenElement();
        for (int i = 0; i < listens.size(); i++) {
            GraphicsListenDef l = listens.get(i);
            if ("network".equals(l.type()) && l.network() == null) {
                throw DomainXml.xmlError("'network' attribute is required for listen type 'network'");
            }
            if (i > 0) {
                continue;
            }
            if ("address".equals(l.type()) && l.address() != null && g.listen() != null
                    && !g.listen().equals(l.address())) {
                throw DomainXml.configUnsupported("graphics 'listen' attribute '" + g.listen()
                        + "' must match 'address' attribute of first listen element (found '" + l.address() + "')");
            }
            if ("socket".equals(l.type()) && l.socket() != null && g.socket() != null
                    && !g.socket().equals(l.socket())) {
                throw DomainXml.configUnsupported("graphics 'socket' attribute '" + g.socket()
                        + "' must match 'socket' attribute of first listen element (found '" + l.socket() + "')");
            }
        }
    }

    // ---- controllers ----

    private static void controllers(DevicesDef dev) {
        Set<String> seen = new HashSet<>();
        for (ControllerDef c : dev.controllers()) {
            String idx = c.index() == null ? "0" : c.index().trim();
            if (c.type() != null && !"usb".equals(c.type()) && !seen.add(c.type() + "/" + idx)) {
                throw DomainXml.xmlError("Multiple '" + c.type() + "' controllers with index '" + idx + "'");
            }
            if (!"pci".equals(c.type())) {
                continue;
            }
            if (("pci-root".equals(c.model()) || "pcie-root".equals(c.model())) && c.address() != null
                    && c.address().type() != null) {
                throw DomainXml.configUnsupported("pci-root and pcie-root controllers should not have an address");
            }
            String target = c.target() == null ? null : c.target().index();
            if ("pci-root".equals(c.model()) && target != null) {
                boolean zeroIdx = "0".equals(idx);
                boolean zeroTarget = DeviceValidator.num(target) == 0;
                if (zeroIdx != zeroTarget) {
                    throw DomainXml.configUnsupported(
                            "Only the PCI controller with index 0 can have target index 0, and vice versa");
                }
            }
        }
    }

    // ---- host devices ----

    private static void hostdevs(DevicesDef dev) {
        Set<String> keys = new HashSet<>();
        Map<String, HostdevDef> scsiDrives = new HashMap<>();
        int ramfb = 0;
        for (HostdevDef h : dev.hostdevs()) {
            String key = hostdevKey(h);
            if (key != null && !keys.add(key)) {
                throw DomainXml.xmlError("Hostdev already exists in the domain configuration");
            }
            DeviceAddress a = h.address();
            if ("mdev".equals(h.type()) && h.source() != null && h.source().address() != null
                    && h.source().address().uuid() == null) {
                throw DomainXml.configUnsupported("Missing 'uuid' attribute for element <address>");
            }
            if ("mdev".equals(h.type()) && a != null && a.type() != null) {
                String want = "vfio-ccw".equals(h.model()) ? "ccw" : "vfio-ap".equals(h.model()) ? null : "pci";
                if (want != null && !want.equals(a.type())) {
                    throw DomainXml.xmlError("Unsupported address type '" + a.type() + "' with mediated device model '"
                            + h.model() + "'");
                }
            }
            if ("mdev".equals(h.type()) && "on".equals(h.ramfb()) && ++ramfb > 1) {
                throw DomainXml.configUnsupported("Only one vgpu device can have 'ramfb' enabled");
            }
            if ("scsi".equals(h.type()) && a != null && "drive".equals(a.type())) {
                String k = driveKey(a);
                if (scsiDrives.putIfAbsent(k, h) != null) {
                    throw DomainXml.configUnsupported("SCSI host address " + k + " in use by another SCSI host device");
                }
            }
        }
        for (DiskDef disk : dev.disks()) {
            if (disk.target() == null || !"scsi".equals(disk.target().bus()) || scsiDrives.isEmpty()) {
                continue;
            }
            DeviceAddress a = disk.address();
            String k;
            if (a != null && "drive".equals(a.type())) {
                k = driveKey(a);
            } else {
                int idx = diskIndex(disk.targetDev());
                if (idx < 0) {
                    continue;
                }
                k = "controller='" + idx / 7 + "' bus='0' target='0' unit='" + idx % 7 + "'";
            }
            if (scsiDrives.containsKey(k)) {
                throw DomainXml.configUnsupported("using disk target name '" + disk.targetDev()
                        + "' conflicts with SCSI host device address " + k);
            }
        }
    }

    private static String driveKey(DeviceAddress a) {
        return "controller='" + n(a.controller()) + "' bus='" + n(a.bus()) + "' target='" + n(a.target())
                + "' unit='" + n(a.unit()) + "'";
    }

    private static String n(String v) {
        return v == null ? "0" : Long.toString(DeviceValidator.num(v));
    }

    /** libvirt's {@code virDiskNameToIndex} for {@code sdX}: a=0 … z=25, aa=26 …; -1 when not such a name. */
    static int diskIndex(String name) {
        if (name == null || !name.startsWith("sd") || name.length() < 3) {
            return -1;
        }
        int idx = 0;
        for (int i = 2; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < 'a' || ch > 'z') {
                return -1;
            }
            idx = (idx + (i == 2 ? 0 : 1)) * 26 + (ch - 'a');
        }
        return idx;
    }

    private static String hostdevKey(HostdevDef h) {
        HostdevSourceDef s = h.source();
        if (s == null || !"subsystem".equals(h.mode() == null ? "subsystem" : h.mode()) || h.type() == null) {
            return null;
        }
        DeviceAddress a = s.address();
        switch (h.type()) {
            case "pci" -> {
                return a == null ? null : "pci/" + DeviceValidator.num(a.domain()) + ":" + DeviceValidator.num(a.bus())
                        + ":" + DeviceValidator.num(a.slot()) + "." + DeviceValidator.num(a.function());
            }
            case "usb" -> {
                String ids = s.vendor() == null ? "" : s.vendor().attr("id") + "/"
                        + (s.product() == null ? "" : s.product().attr("id"));
                String bus = a == null ? "" : a.bus() + "/" + a.device();
                return "usb/" + ids + "/" + bus;
            }
            case "scsi" -> {
                if (a == null) {
                    return null;
                }
                String adapter = s.adapter() == null ? "" : s.adapter().attr("name");
                return "scsi/" + adapter + "/" + n(a.bus()) + "/" + n(a.target()) + "/" + n(a.unit()) + "/"
                        + s.protocol();
            }
            case "mdev" -> {
                return a == null || a.uuid() == null ? null : "mdev/" + a.uuid();
            }
            default -> {
                return null;
            }
        }
    }

    // ---- video ----

    private static void video(DevicesDef dev) {
        List<VideoDef> videos = dev.videos();
        int primaries = 0;
        for (VideoDef v : videos) {
            String type = v.model() == null ? null : v.model().type();
            if ("none".equals(type) && videos.size() > 1) {
                throw DomainXml.configUnsupported(
                        "a 'none' video type must be the only video device defined for the domain");
            }
            if (v.model() != null && "yes".equals(v.model().primary()) && ++primaries > 1) {
                throw DomainXml.configUnsupported("Only one primary video device is supported");
            }
            if ("ramfb".equals(type) && v.address() != null && v.address().type() != null) {
                throw DomainXml.configUnsupported("address not supported for video type ramfb");
            }
        }
    }

    // ---- USB ----

    private static void usb(DevicesDef dev) {
        boolean none = false;
        Map<String, List<ControllerDef>> byIndex = new HashMap<>();
        for (ControllerDef c : dev.controllers()) {
            if (!"usb".equals(c.type())) {
                continue;
            }
            if ("none".equals(c.model())) {
                none = true;
            }
            byIndex.computeIfAbsent(c.index() == null ? "0" : c.index().trim(), k -> new ArrayList<>()).add(c);
        }
        if (none) {
            long usbControllers = dev.controllers().stream().filter(c -> "usb".equals(c.type())).count();
            if (usbControllers > 1) {
                throw DomainXml.detail("Can't add another USB controller: USB is disabled for this domain");
            }
            for (InputDef in : dev.inputs()) {
                if ("usb".equals(in.bus())) {
                    throw DomainXml.configUnsupported("Can't add USB input device. USB bus is disabled");
                }
            }
        }
        for (List<ControllerDef> group : byIndex.values()) {
            boolean companion = group.stream().anyMatch(c -> c.model() != null && c.model().startsWith("ich9-uhci"));
            if (!companion) {
                continue;
            }
            boolean master = group.stream().anyMatch(c -> c.model() == null || "ich9-ehci1".equals(c.model()));
            if (!master) {
                throw DomainXml.detail("No master USB controller specified");
            }
        }
    }
}
