package org.jvirt.cli;

import java.util.List;

import org.jvirt.api.NodeInfo;
import org.jvirt.api.Version;
import org.jvirt.api.VirtException;
import org.jvirt.core.InstalledDriver;
import org.jvirt.core.Virt;

/** Host commands and the shell's own commands (help, connect, drivers). */
final class HostCmds {
    private HostCmds() {
    }

    static boolean capabilities(Shell sh, Cmd cmd) {
        String caps;
        try {
            caps = sh.conn.getCapabilities();
        } catch (VirtException e) {
            return sh.fail(e, "failed to get capabilities");
        }
        sh.print(caps + "\n");
        return true;
    }

    static boolean hostname(Shell sh, Cmd cmd) {
        String h;
        try {
            h = sh.conn.getHostname();
        } catch (VirtException e) {
            return sh.fail(e, "failed to get hostname");
        }
        sh.print(h + "\n");
        return true;
    }

    static boolean uri(Shell sh, Cmd cmd) {
        sh.print(sh.conn.getURI() + "\n");
        return true;
    }

    private static String row(String label, String value) {
        return Numbers.padRight(label, 20) + " " + value + "\n";
    }

    static boolean nodeinfo(Shell sh, Cmd cmd) {
        NodeInfo n;
        try {
            n = sh.conn.getNodeInfo();
        } catch (VirtException e) {
            return sh.fail(e, "failed to get node information");
        }
        StringBuilder b = new StringBuilder();
        b.append(row("CPU model:", n.model()));
        b.append(row("CPU(s):", Integer.toString(n.cpus())));
        if (n.mhz() != 0) {
            b.append(row("CPU frequency:", n.mhz() + " MHz"));
        }
        b.append(row("CPU socket(s):", Integer.toString(n.sockets())));
        b.append(row("Core(s) per socket:", Integer.toString(n.cores())));
        b.append(row("Thread(s) per core:", Integer.toString(n.threads())));
        b.append(row("NUMA cell(s):", Integer.toString(n.nodes())));
        b.append(row("Memory size:", Long.toUnsignedString(n.memoryKiB()) + " KiB"));
        sh.print(b.toString());
        return true;
    }

    static boolean version(Shell sh, Cmd cmd) {
        String type = sh.conn.getType();
        Version lib = Jvirsh.LIBVIRT_VERSION;
        sh.print("Compiled against library: libvirt " + lib + "\n");
        sh.print("Using library: libvirt " + lib + "\n");
        sh.print("Using API: " + type + " " + lib + "\n");
        Version hv;
        try {
            hv = sh.conn.getVersion();
        } catch (VirtException e) {
            return sh.fail(e, "failed to get the hypervisor version");
        }
        if (hv.toNumber() == 0) {
            sh.print("Cannot extract running " + type + " hypervisor version\n");
        } else {
            sh.print("Running hypervisor: " + type + " " + hv + "\n");
        }
        if (cmd.has("daemon")) {
            try {
                sh.print("Running against daemon: " + sh.conn.getLibVersion() + "\n");
            } catch (VirtException e) {
                return sh.fail(e, "failed to get the daemon version");
            }
        }
        return true;
    }

    static boolean connect(Shell sh, Cmd cmd) {
        boolean ro = cmd.has("readonly");
        String name = cmd.get("name");
        return sh.reconnect(name, ro, true);
    }

    /** {@code jvirsh drivers}: what {@code Virt.drivers()} discovered. */
    static boolean drivers(Shell sh, Cmd cmd) {
        List<InstalledDriver> drivers = Virt.drivers();
        Table t = new Table("Name", "Schemes", "Version", "Origin", "Location");
        for (InstalledDriver d : drivers) {
            List<String> schemes = new java.util.ArrayList<>(d.descriptor().schemes());
            java.util.Collections.sort(schemes);
            String origin;
            switch (d.origin()) {
                case MODULE_PATH: origin = "module path"; break;
                case CLASS_PATH: origin = "class path"; break;
                default: origin = "plugin";
            }
            t.add(d.descriptor().name(), String.join(",", schemes), d.descriptor().version(), origin,
                    d.location() == null ? "" : d.location());
        }
        sh.print(t.format(!sh.quiet));
        return true;
    }

    // ---- help ----

    static boolean help(Shell sh, Cmd cmd) {
        String name = cmd.get("command");
        if (name == null) {
            StringBuilder b = new StringBuilder("Grouped commands:\n\n");
            for (CmdGroup g : Commands.GROUPS) {
                groupHelp(b, g);
                b.append('\n');
            }
            sh.print(b.toString());
            return true;
        }
        CmdDef def = Commands.find(name);
        if (def != null) {
            sh.print(commandHelp(def));
            return true;
        }
        for (CmdGroup g : Commands.GROUPS) {
            if (g.name().equals(name) || g.keyword().equals(name)) {
                StringBuilder b = new StringBuilder();
                groupHelp(b, g);
                sh.print(b.toString());
                return true;
            }
        }
        sh.error("command or command group '" + name + "' doesn't exist");
        return false;
    }

    private static void groupHelp(StringBuilder b, CmdGroup g) {
        b.append(' ').append(g.name()).append(" (help keyword '").append(g.keyword()).append("'):\n");
        for (CmdDef c : g.commands()) {
            b.append("    ").append(Numbers.padRight(c.name(), 30)).append(' ').append(c.help()).append('\n');
        }
    }

    /** The list of groups for {@code -h}, as virsh's usage shows them. */
    static String usageGroups() {
        StringBuilder b = new StringBuilder();
        for (CmdGroup g : Commands.GROUPS) {
            b.append(' ').append(g.name()).append(" (help keyword '").append(g.keyword()).append("')\n");
            for (CmdDef c : g.commands()) {
                b.append("    ").append(Numbers.padRight(c.name(), 30)).append(' ').append(c.help()).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** {@code help COMMAND}, as virsh's {@code vshCmddefHelp}. */
    static String commandHelp(CmdDef def) {
        StringBuilder b = new StringBuilder();
        b.append("  NAME\n    ").append(def.name()).append(" - ").append(def.help()).append('\n');
        b.append("\n  SYNOPSIS\n    ").append(def.name());
        boolean shortopt = false;
        for (OptDef o : def.opts()) {
            String n = o.name();
            switch (o.type()) {
                case BOOL:
                    b.append(" [--").append(n).append(']');
                    break;
                case INT:
                    b.append(o.required() ? " <" + n + ">" : " [--" + n + " <number>]");
                    if (!o.namedOnly()) {
                        shortopt = true;
                    }
                    break;
                case STRING:
                    b.append(" [--").append(n).append(" <string>]");
                    break;
                case DATA:
                    b.append(o.required() ? " <" + n + ">" : " [<" + n + ">]");
                    if (!o.namedOnly()) {
                        shortopt = true;
                    }
                    break;
                case ARGV:
                    if (shortopt) {
                        b.append(o.required() ? " {[--" + n + "] <string>}..." : " [[--" + n + "] <string>]...");
                    } else {
                        b.append(o.required() ? " <" + n + ">..." : " [<" + n + ">]...");
                    }
                    break;
                default:
                    break;
            }
        }
        b.append('\n');
        if (!def.desc().isEmpty()) {
            b.append("\n  DESCRIPTION\n    ").append(def.desc()).append('\n');
        }
        boolean any = false;
        for (OptDef o : def.opts()) {
            if (o.type() != OptDef.Type.ALIAS) {
                any = true;
            }
        }
        if (any) {
            b.append("\n  OPTIONS\n");
            for (OptDef o : def.opts()) {
                String n = o.name();
                String label;
                switch (o.type()) {
                    case BOOL:
                        label = "--" + n;
                        break;
                    case INT:
                        label = o.required() ? "[--" + n + "] <number>" : "--" + n + " <number>";
                        break;
                    case STRING:
                        label = "--" + n + " <string>";
                        break;
                    case DATA:
                        label = "[--" + n + "] <string>";
                        break;
                    case ARGV:
                        label = shortopt ? "[--" + n + "] <string>" : "<" + n + ">";
                        break;
                    default:
                        continue;
                }
                b.append("    ").append(Numbers.padRight(label, 15)).append("  ").append(o.help()).append('\n');
            }
        }
        b.append('\n');
        return b.toString();
    }
}
