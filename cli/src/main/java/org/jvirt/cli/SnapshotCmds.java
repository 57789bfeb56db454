package org.jvirt.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.SnapshotCreateFlag;
import org.jvirt.api.SnapshotDeleteFlag;
import org.jvirt.api.SnapshotListFlag;
import org.jvirt.api.SnapshotRevertFlag;
import org.jvirt.api.VirtException;

/** Snapshot commands (virsh-snapshot.c). */
final class SnapshotCmds {
    private SnapshotCmds() {
    }

    static boolean createAs(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        Set<SnapshotCreateFlag> flags = EnumSet.noneOf(SnapshotCreateFlag.class);
        String[][] map = {
            {"no-metadata", "NO_METADATA"}, {"halt", "HALT"}, {"disk-only", "DISK_ONLY"},
            {"reuse-external", "REUSE_EXT"}, {"quiesce", "QUIESCE"}, {"atomic", "ATOMIC"}, {"live", "LIVE"},
            {"validate", "VALIDATE"},
        };
        for (String[] m : map) {
            if (cmd.has(m[0])) {
                flags.add(SnapshotCreateFlag.valueOf(m[1]));
            }
        }
        StringBuilder b = new StringBuilder("<domainsnapshot>\n");
        if (cmd.has("name")) {
            b.append("  <name>").append(Xml.escape(cmd.get("name"))).append("</name>\n");
        }
        if (cmd.has("description")) {
            b.append("  <description>").append(Xml.escape(cmd.get("description"))).append("</description>\n");
        }
        if (cmd.has("memspec")) {
            if (!memspec(sh, b, cmd.get("memspec"))) {
                return false;
            }
        }
        List<String> disks = cmd.all("diskspec");
        if (!disks.isEmpty()) {
            b.append("  <disks>\n");
            for (String d : disks) {
                if (!diskspec(sh, b, d)) {
                    return false;
                }
            }
            b.append("  </disks>\n");
        }
        b.append("</domainsnapshot>\n");
        if (cmd.has("print-xml")) {
            sh.print(b + "\n");
            return true;
        }
        DomainSnapshot snap = dom.createSnapshot(b.toString(), flags);
        sh.printExtra("Domain snapshot " + snap.getName() + " created");
        return true;
    }

    /** Splits on commas, {@code ,,} standing for a literal comma ({@code vshStringToArray}). */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',') {
                if (i + 1 < s.length() && s.charAt(i + 1) == ',') {
                    cur.append(',');
                    i++;
                    continue;
                }
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static boolean memspec(Shell sh, StringBuilder b, String spec) {
        String snapshot = null;
        String file = null;
        for (String part : split(spec)) {
            if (part.startsWith("snapshot=") && snapshot == null) {
                snapshot = part.substring(9);
            } else if (part.startsWith("file=") && file == null) {
                file = part.substring(5);
            } else if (file == null && part.indexOf('=') < 0) {
                file = part;
            } else {
                sh.error("unable to parse memspec: " + spec);
                return false;
            }
        }
        b.append("  <memory");
        if (snapshot != null) {
            b.append(" snapshot='").append(Xml.escape(snapshot)).append('\'');
        }
        if (file != null) {
            b.append(" file='").append(Xml.escape(file)).append('\'');
        }
        b.append("/>\n");
        return true;
    }

    private static boolean diskspec(Shell sh, StringBuilder b, String spec) {
        List<String> parts = split(spec);
        String name = parts.get(0);
        String snapshot = null;
        String driver = null;
        String stype = null;
        String file = null;
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i);
            if (p.startsWith("snapshot=") && snapshot == null) {
                snapshot = p.substring(9);
            } else if (p.startsWith("driver=") && driver == null) {
                driver = p.substring(7);
            } else if (p.startsWith("stype=") && stype == null) {
                stype = p.substring(6);
            } else if (p.startsWith("file=") && file == null) {
                file = p.substring(5);
            } else {
                sh.error("unable to parse diskspec: " + spec);
                return false;
            }
        }
        boolean block = "block".equals(stype);
        b.append("    <disk name='").append(Xml.escape(name)).append('\'');
        if (snapshot != null) {
            b.append(" snapshot='").append(Xml.escape(snapshot)).append('\'');
        }
        if (stype != null) {
            if (!block && !"file".equals(stype)) {
                sh.error("Unknown storage type: '" + stype + "'");
                return false;
            }
            b.append(" type='").append(stype).append('\'');
        }
        if (driver != null || file != null) {
            b.append(">\n");
            if (driver != null) {
                b.append("      <driver type='").append(Xml.escape(driver)).append("'/>\n");
            }
            if (file != null) {
                b.append("      <source ").append(block ? "dev" : "file").append("='")
                        .append(Xml.escape(file)).append("'/>\n");
            }
            b.append("    </disk>\n");
        } else {
            b.append("/>\n");
        }
        return true;
    }

    /** {@code virshLookupSnapshot}: by name, or the current one with --current. */
    private static DomainSnapshot lookup(Shell sh, Cmd cmd, boolean exclusive, Domain dom) {
        boolean current = cmd.has("current");
        String name = cmd.get("snapshotname");
        if (exclusive && current && name != null) {
            sh.error("--snapshotname and --current are mutually exclusive");
            return null;
        }
        try {
            if (name != null) {
                return dom.lookupSnapshot(name);
            } else if (current) {
                DomainSnapshot s = dom.currentSnapshot().orElse(null);
                if (s == null) {
                    sh.setLastError("Domain snapshot not found: the domain does not have a current snapshot");
                    sh.reportError();
                }
                return s;
            }
        } catch (VirtException e) {
            sh.setLastError(e);
            sh.reportError();
            return null;
        }
        sh.error("--snapshotname or --current is required");
        return null;
    }

    static boolean revert(Shell sh, Cmd cmd) {
        Set<SnapshotRevertFlag> flags = EnumSet.noneOf(SnapshotRevertFlag.class);
        if (cmd.has("running")) {
            flags.add(SnapshotRevertFlag.RUNNING);
        }
        if (cmd.has("paused")) {
            flags.add(SnapshotRevertFlag.PAUSED);
        }
        if (cmd.has("reset-nvram")) {
            flags.add(SnapshotRevertFlag.RESET_NVRAM);
        }
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        DomainSnapshot snap = lookup(sh, cmd, false, dom);
        if (snap == null) {
            return false;
        }
        try {
            snap.revert(flags);
        } catch (VirtException e) {
            if (!cmd.has("force") || e.code() != org.jvirt.api.ErrorCode.SNAPSHOT_REVERT_RISKY) {
                throw e;
            }
            flags.add(SnapshotRevertFlag.FORCE);
            snap.revert(flags);
        }
        sh.printExtra("Domain snapshot " + snap.getName() + " reverted\n");
        return true;
    }

    static boolean delete(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        DomainSnapshot snap = lookup(sh, cmd, true, dom);
        if (snap == null) {
            return false;
        }
        String name = snap.getName();
        Set<SnapshotDeleteFlag> flags = EnumSet.noneOf(SnapshotDeleteFlag.class);
        if (cmd.has("children")) {
            flags.add(SnapshotDeleteFlag.CHILDREN);
        }
        if (cmd.has("children-only")) {
            flags.add(SnapshotDeleteFlag.CHILDREN_ONLY);
        }
        if (cmd.has("metadata")) {
            flags.add(SnapshotDeleteFlag.METADATA_ONLY);
        }
        try {
            snap.delete(flags);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to delete snapshot " + name);
        }
        sh.printExtra(flags.contains(SnapshotDeleteFlag.CHILDREN_ONLY)
                ? "Domain snapshot " + name + " children deleted\n"
                : "Domain snapshot " + name + " deleted\n");
        return true;
    }

    private static final Comparator<DomainSnapshot> ORDER = new Comparator<>() {
        @Override
        public int compare(DomainSnapshot a, DomainSnapshot b) {
            return a.getName().compareToIgnoreCase(b.getName());
        }
    };

    private static String parentName(DomainSnapshot s) {
        DomainSnapshot p = parent(s);
        return p == null ? null : p.getName();
    }

    /** The parent, or {@code null} for a root. */
    private static DomainSnapshot parent(DomainSnapshot s) {
        return s.getParent().orElse(null);
    }

    static boolean list(Shell sh, Cmd cmd) {
        boolean tree = cmd.has("tree");
        boolean name = cmd.has("name");
        boolean parent = cmd.has("parent");
        boolean roots = cmd.has("roots");
        boolean current = cmd.has("current");
        boolean descendants = cmd.has("descendants");
        String from = cmd.get("from");
        if (!sh.exclusive(tree, "tree", name, "name") || !sh.exclusive(parent, "parent", roots, "roots")
                || !sh.exclusive(parent, "parent", tree, "tree") || !sh.exclusive(roots, "roots", tree, "tree")
                || !sh.exclusive(roots, "roots", from != null, "from")
                || !sh.exclusive(roots, "roots", current, "current")) {
            return false;
        }
        Set<SnapshotListFlag> flags = EnumSet.noneOf(SnapshotListFlag.class);
        String[][] map = {
            {"leaves", "LEAVES"}, {"no-leaves", "NO_LEAVES"}, {"metadata", "METADATA"},
            {"no-metadata", "NO_METADATA"}, {"inactive", "INACTIVE"}, {"active", "ACTIVE"},
            {"disk-only", "DISK_ONLY"}, {"internal", "INTERNAL"}, {"external", "EXTERNAL"},
        };
        for (String[] m : map) {
            if (cmd.has(m[0])) {
                flags.add(SnapshotListFlag.valueOf(m[1]));
            }
        }
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        DomainSnapshot start = null;
        if (from != null || current) {
            if (from != null && current) {
                sh.error("--from and --current are mutually exclusive");
                return false;
            }
            try {
                start = from != null ? dom.lookupSnapshot(from) : dom.currentSnapshot().orElse(null);
            } catch (VirtException e) {
                sh.setLastError(e);
                return false;
            }
            if (start == null) {
                sh.setLastError("Domain snapshot not found: the domain does not have a current snapshot");
                return false;
            }
        }
        List<DomainSnapshot> all = dom.listAllSnapshots(flags);
        List<DomainSnapshot> snaps = new ArrayList<>();
        for (DomainSnapshot s : all) {
            String p = parentName(s);
            if (roots && p != null) {
                continue;
            }
            if (start != null && !below(s, start.getName(), descendants || tree)) {
                continue;
            }
            snaps.add(s);
        }
        if (start != null && tree) {
            snaps.add(0, start);
        }
        snaps.sort(ORDER);
        if (tree) {
            int n = snaps.size();
            String[] names = new String[n];
            String[] parents = new String[n];
            for (int i = 0; i < n; i++) {
                names[i] = snaps.get(i).getName();
                parents[i] = parentName(snaps.get(i));
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                boolean root = start != null ? names[i].equals(start.getName()) : parents[i] == null || !contains(names, parents[i]);
                if (root) {
                    treePrint(b, names, parents, i, i, true, new StringBuilder());
                }
            }
            sh.print(b.toString());
            return true;
        }
        if (name) {
            StringBuilder b = new StringBuilder();
            for (DomainSnapshot s : snaps) {
                b.append(s.getName()).append('\n');
            }
            sh.print(b.toString());
            return true;
        }
        Table t = parent ? new Table("Name", "Creation Time", "State", "Parent")
                : new Table("Name", "Creation Time", "State");
        for (DomainSnapshot s : snaps) {
            String xml;
            try {
                xml = s.getXMLDesc(EnumSet.noneOf(DomainXmlFlag.class));
            } catch (VirtException e) {
                continue;
            }
            String state = Xml.text(xml, "state", 0);
            String created = Xml.text(xml, "creationTime", 0);
            if (state == null || created == null) {
                continue;
            }
            String time;
            try {
                time = strftime(Long.parseLong(created.strip()));
            } catch (NumberFormatException e) {
                continue;
            }
            if (parent) {
                String p = parentName(s);
                t.add(s.getName(), time, state, p == null ? "" : p);
            } else {
                t.add(s.getName(), time, state);
            }
        }
        sh.print(t.format(!sh.quiet));
        return true;
    }

    private static boolean contains(String[] names, String n) {
        for (String s : names) {
            if (s.equals(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean below(DomainSnapshot s, String ancestor, boolean deep) {
        DomainSnapshot p = parent(s);
        while (p != null) {
            if (p.getName().equals(ancestor)) {
                return true;
            }
            if (!deep) {
                return false;
            }
            p = parent(p);
        }
        return false;
    }

    /** {@code "%Y-%m-%d %H:%M:%S %z"} in the local time zone. */
    static String strftime(long epochSeconds) {
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneId.systemDefault());
        int off = t.getOffset().getTotalSeconds() / 60;
        char sign = off < 0 ? '-' : '+';
        off = Math.abs(off);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d %c%02d%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), sign, off / 60, off % 60);
    }

    /** virsh's {@code vshTreePrintInternal}. */
    private static void treePrint(StringBuilder out, String[] names, String[] parents, int devid, int lastdev,
            boolean root, StringBuilder indent) {
        String dev = names[devid];
        out.append(indent).append(root ? "" : "+- ").append(dev).append('\n');
        if (!root) {
            indent.append(devid == lastdev ? ' ' : '|').append(' ');
        }
        int nextlast = -1;
        for (int i = 0; i < names.length; i++) {
            if (dev.equals(parents[i])) {
                nextlast = i;
            }
        }
        if (nextlast != -1) {
            out.append(indent).append("  |\n");
        }
        indent.append("  ");
        for (int i = 0; i < names.length; i++) {
            if (dev.equals(parents[i])) {
                treePrint(out, names, parents, i, nextlast, false, indent);
            }
        }
        indent.setLength(indent.length() - 2);
        if (nextlast == -1 && devid == lastdev) {
            out.append(indent).append('\n');
        }
        if (!root) {
            indent.setLength(indent.length() - 2);
        }
    }
}
