package org.jvirt.driver.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainDef;
import org.jvirt.conf.ChrDef;
import org.jvirt.conf.ChrSourceDef;
import org.jvirt.conf.Generic;
import org.jvirt.conf.OsDef;
import org.jvirt.driver.qemu.qmp.Json;
import org.w3c.dom.Element;

/**
 * Translates a {@link DomainDef} into QEMU's command line, section by section in libvirt's order
 * ({@code qemuBuildCommandLine}: name, -S, machine, accel, cpu, memory, smp, uuid, display,
 * defaults, monitor, rtc, shutdown, acpi, boot and kernel, devices, serial, audio, sandbox, msg),
 * so that libvirt-exact argv for the corpus can grow section by section. Every choice that depends
 * on QEMU is made from {@link QemuCaps}, never from a version number.
 *
 * <p>Covers the minimal domain today: name, uuid, memory, vCPUs, machine, emulator, kernel/initrd/
 * cmdline, ACPI, serial ports (file, unix socket, pty, null) and the QMP monitor.
 */
final class CommandBuilder {
    /** What the builder needs besides the definition. */
    record Inputs(DomainDef def, QemuCaps caps, String accel, Path monitorSocket, Path domainDir) {
    }

    private final Inputs in;
    private final DomainDef def;
    private final QemuCaps caps;
    private final List<String> argv = new ArrayList<>();

    private CommandBuilder(Inputs in) {
        this.in = in;
        this.def = in.def();
        this.caps = in.caps();
    }

    /**
     * Builds the command line, emulator first.
     *
     * @param in the definition (machine canonical, emulator set), capabilities, accelerator, monitor
     * @return the argv
     * @throws VirtException {@link ErrorCode#CONFIG_UNSUPPORTED} for what this QEMU cannot do
     */
    static List<String> build(Inputs in) {
        return new CommandBuilder(in).run();
    }

    private List<String> run() {
        argv.add(def.devices().emulator());
        name();
        argv.add("-S");
        machine();
        accel();
        cpu();
        memory();
        smp();
        opt("-uuid", def.uuid().toString());
        opt("-display", "none");
        argv.add("-no-user-config");
        argv.add("-nodefaults");
        monitor();
        opt("-rtc", "base=utc");
        argv.add("-no-shutdown");
        if (!(def.features() != null && def.features().acpi()) && isX86()) {
            argv.add("-no-acpi");
        }
        boot();
        serials();
        // -audiodev is parsed by QAPI, so query-command-line-options does not list it; every QEMU
        // jvirt supports (>= 4.2, as libvirt 9) has it, and libvirt 9 always emits this default
        opt("-audiodev", Json.write(ordered("id", "audio1", "driver", "none")));
        if (caps.hasOption("sandbox")) {
            opt("-sandbox", "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny");
        }
        if (caps.hasOption("msg")) {
            opt("-msg", "timestamp=on");
        }
        return List.copyOf(argv);
    }

    private void opt(String name, String value) {
        argv.add(name);
        argv.add(value);
    }

    private void name() {
        opt("-name", "guest=" + commaEscape(def.name()) + ",debug-threads=on");
    }

    private boolean isX86() {
        return "x86_64".equals(caps.arch()) || "i386".equals(caps.arch());
    }

    private boolean memoryBackend() {
        return caps.hasType("memory-backend-ram");
    }

    private void machine() {
        String m = def.os().type().machine();
        StringBuilder b = new StringBuilder(m);
        if (isX86()) {
            b.append(",usb=off");
        }
        b.append(",dump-guest-core=off");
        if (memoryBackend()) {
            b.append(",memory-backend=").append(ramId(m));
        }
        opt("-machine", b.toString());
    }

    private static String ramId(String machine) {
        return "pc.ram";
    }

    private void accel() {
        opt("-accel", in.accel());
    }

    private void cpu() {
        if ("tcg".equals(in.accel()) && "x86_64".equals(caps.arch()) && caps.cpuModels().contains("qemu64")
                && def.cpu() == null) {
            opt("-cpu", "qemu64");
        }
    }

    private void memory() {
        long mib = (def.memoryKiB() + 1023) / 1024;
        opt("-m", Long.toString(mib));
        if (memoryBackend()) {
            opt("-object", Json.write(ordered("qom-type", "memory-backend-ram", "id", ramId(null),
                    "size", mib * 1024 * 1024)));
        }
        if (caps.hasOption("overcommit")) {
            opt("-overcommit", "mem-lock=off");
        }
    }

    private void smp() {
        int max = def.maxVcpus();
        int cur = def.currentVcpus();
        int limit = caps.machine(def.os().type().machine()).map(QemuCaps.Machine::maxCpus).orElse(Integer.MAX_VALUE);
        if (max > limit) {
            throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "Maximum CPUs greater than "
                    + "specified machine type limit " + limit);
        }
        String s = cur + (cur != max ? ",maxcpus=" + max : "") + ",sockets=" + max + ",cores=1,threads=1";
        opt("-smp", s);
    }

    private void monitor() {
        opt("-chardev", "socket,id=charmonitor,path=" + commaEscape(in.monitorSocket().toString())
                + ",server=on,wait=off");
        opt("-mon", "chardev=charmonitor,id=monitor,mode=control");
    }

    private void boot() {
        opt("-boot", "strict=on");
        OsDef os = def.os();
        if (os.kernel() != null) {
            opt("-kernel", os.kernel());
        }
        if (os.initrd() != null) {
            opt("-initrd", os.initrd());
        }
        if (os.cmdline() != null) {
            opt("-append", os.cmdline());
        }
    }

    private void serials() {
        List<ChrDef> ports = new ArrayList<>(def.devices().serials());
        if (ports.isEmpty()) {
            for (ChrDef c : def.devices().consoles()) {
                String target = c.target() == null ? null : c.target().type();
                if (target == null || target.isEmpty() || "serial".equals(target)) {
                    ports.add(c);
                    break;
                }
            }
        }
        int index = 0;
        for (ChrDef s : ports) {
            String id = "charserial" + index;
            opt("-chardev", chardev(s, id));
            if (isX86()) {
                opt("-device", Json.write(ordered("driver", "isa-serial", "chardev", id, "id", "serial" + index,
                        "index", index)));
            } else {
                opt("-serial", "chardev:" + id);
            }
            index++;
        }
    }

    private static String chardev(ChrDef s, String id) {
        String type = s.type() == null ? "pty" : s.type();
        ChrSourceDef src = s.source().isEmpty() ? null : s.source().get(0);
        String path = src == null || src.path() == null ? "" : src.path();
        StringBuilder b = new StringBuilder();
        switch (type) {
            case "pty" -> b.append("pty,id=").append(id);
            case "null" -> b.append("null,id=").append(id);
            case "file" -> {
                requirePath(path, "file");
                b.append("file,id=").append(id).append(",path=").append(commaEscape(path));
                if (src != null && "on".equals(src.append())) {
                    b.append(",append=on");
                }
            }
            case "unix" -> {
                requirePath(path, "unix");
                b.append("socket,id=").append(id).append(",path=").append(commaEscape(path));
                if (src == null || !"connect".equals(src.mode())) {
                    b.append(",server=on,wait=off");
                }
            }
            default -> throw VirtException.of(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "serial type '" + type + "' is not supported yet by the QEMU driver");
        }
        Generic log = s.log();
        if (log != null && log.attr("file") != null && !log.attr("file").isEmpty()) {
            b.append(",logfile=").append(commaEscape(log.attr("file")));
            b.append(",logappend=").append("on".equals(log.attr("append")) ? "on" : "off");
        }
        return b.toString();
    }

    private static void requirePath(String path, String type) {
        if (path == null || path.isEmpty()) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.QEMU,
                    "serial of type '" + type + "' needs <source path='...'/>");
        }
    }

    /** The first child element of a generic element with this name, or {@code null}. */
    static Element child(Generic g, String name) {
        for (Object o : g.content()) {
            if (o instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    /** QEMU's option syntax doubles commas inside values. */
    static String commaEscape(String s) {
        return s.replace(",", ",,");
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
