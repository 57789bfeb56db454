package org.jvirt.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ListNetworksFlag;
import org.jvirt.api.ListPoolsFlag;
import org.jvirt.api.Network;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolInfo;
import org.jvirt.api.StoragePoolState;
import org.jvirt.api.StorageVol;
import org.jvirt.api.StorageVolInfo;
import org.jvirt.api.VirtException;

/** Network, storage pool and volume commands (virsh-network.c, virsh-pool.c, virsh-volume.c). */
final class ObjectCmds {
    private ObjectCmds() {
    }

    private static final String[] POOL_TYPES = {
        "dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog",
        "gluster", "zfs", "vstorage",
    };

    private static String field(String label, String value) {
        return Numbers.padRight(label, 15) + " " + value + "\n";
    }

    // ---- networks ----

    static boolean netInfo(Shell sh, Cmd cmd) {
        Network net = sh.network(cmd);
        if (net == null) {
            return false;
        }
        StringBuilder b = new StringBuilder();
        b.append(field("Name:", net.getName()));
        b.append(field("UUID:", net.getUUID().toString()));
        try {
            b.append(field("Active:", net.isActive() ? "yes" : "no"));
        } catch (VirtException e) {
            sh.setLastError(e);
        }
        try {
            b.append(field("Persistent:", net.isPersistent() ? "yes" : "no"));
        } catch (VirtException e) {
            b.append(field("Persistent:", "unknown"));
        }
        try {
            b.append(field("Autostart:", net.getAutostart() ? "yes" : "no"));
        } catch (VirtException e) {
            b.append(field("Autostart:", "no autostart"));
        }
        try {
            String bridge = net.getBridgeName();
            if (bridge != null) {
                b.append(field("Bridge:", bridge));
            }
        } catch (VirtException e) {
            sh.setLastError(e);
        }
        sh.print(b.toString());
        return true;
    }

    private static final Comparator<Network> NET_ORDER = new Comparator<>() {
        @Override
        public int compare(Network a, Network b) {
            return a.getName().compareToIgnoreCase(b.getName());
        }
    };

    static boolean netList(Shell sh, Cmd cmd) {
        boolean optTable = cmd.has("table");
        boolean optUuid = cmd.has("uuid");
        boolean optName = cmd.has("name");
        Set<ListNetworksFlag> flags = EnumSet.of(ListNetworksFlag.ACTIVE);
        if (cmd.has("inactive")) {
            flags = EnumSet.of(ListNetworksFlag.INACTIVE);
        }
        if (cmd.has("all")) {
            flags = EnumSet.of(ListNetworksFlag.ACTIVE, ListNetworksFlag.INACTIVE);
        }
        if (cmd.has("persistent")) {
            flags.add(ListNetworksFlag.PERSISTENT);
        }
        if (cmd.has("transient")) {
            flags.add(ListNetworksFlag.TRANSIENT);
        }
        if (cmd.has("autostart")) {
            flags.add(ListNetworksFlag.AUTOSTART);
        }
        if (cmd.has("no-autostart")) {
            flags.add(ListNetworksFlag.NO_AUTOSTART);
        }
        if ((optTable ? 1 : 0) + (optName ? 1 : 0) + (optUuid ? 1 : 0) > 1) {
            sh.error("Only one argument from --table, --name and --uuid may be specified.");
            return false;
        }
        if (!optUuid && !optName) {
            optTable = true;
        }
        List<Network> nets = new ArrayList<>(sh.conn.listAllNetworks(flags));
        nets.sort(NET_ORDER);
        if (optTable) {
            Table t = new Table("Name", "State", "Autostart", "Persistent");
            for (Network n : nets) {
                String autostart;
                try {
                    autostart = n.getAutostart() ? "yes" : "no";
                } catch (VirtException e) {
                    autostart = "no autostart";
                }
                t.add(n.getName(), n.isActive() ? "active" : "inactive", autostart, n.isPersistent() ? "yes" : "no");
            }
            sh.print(t.format(!sh.quiet));
            return true;
        }
        StringBuilder b = new StringBuilder();
        for (Network n : nets) {
            if (optUuid) {
                b.append(n.getUUID()).append('\n');
            } else {
                b.append(n.getName()).append('\n');
            }
        }
        sh.print(b.toString());
        return true;
    }

    // ---- pools ----

    static String poolStateName(StoragePoolState s) {
        switch (s) {
            case INACTIVE: return "inactive";
            case BUILDING: return "building";
            case RUNNING: return "running";
            case DEGRADED: return "degraded";
            case INACCESSIBLE: return "inaccessible";
            default: return "unknown";
        }
    }

    static boolean poolInfo(Shell sh, Cmd cmd) {
        StoragePool pool = sh.pool(cmd);
        if (pool == null) {
            return false;
        }
        boolean bytes = cmd.has("bytes");
        StringBuilder b = new StringBuilder();
        b.append(field("Name:", pool.getName()));
        b.append(field("UUID:", pool.getUUID().toString()));
        boolean ret = true;
        try {
            StoragePoolInfo info = pool.getInfo();
            b.append(field("State:", poolStateName(info.state())));
            try {
                b.append(field("Persistent:", pool.isPersistent() ? "yes" : "no"));
            } catch (VirtException e) {
                b.append(field("Persistent:", "unknown"));
            }
            try {
                b.append(field("Autostart:", pool.getAutostart() ? "yes" : "no"));
            } catch (VirtException e) {
                b.append(field("Autostart:", "no autostart"));
            }
            if (info.state() == StoragePoolState.RUNNING || info.state() == StoragePoolState.DEGRADED) {
                if (bytes) {
                    b.append(field("Capacity:", Long.toUnsignedString(info.capacity())));
                    b.append(field("Allocation:", Long.toUnsignedString(info.allocation())));
                    b.append(field("Available:", Long.toUnsignedString(info.available())));
                } else {
                    b.append(field("Capacity:", Numbers.prettyCapacity(info.capacity())));
                    b.append(field("Allocation:", Numbers.prettyCapacity(info.allocation())));
                    b.append(field("Available:", Numbers.prettyCapacity(info.available())));
                }
            }
        } catch (VirtException e) {
            sh.setLastError(e);
            ret = false;
        }
        sh.print(b.toString());
        return ret;
    }

    private static final Comparator<StoragePool> POOL_ORDER = new Comparator<>() {
        @Override
        public int compare(StoragePool a, StoragePool b) {
            return a.getName().compareToIgnoreCase(b.getName());
        }
    };

    static boolean poolList(Shell sh, Cmd cmd) {
        boolean details = cmd.has("details");
        boolean optUuid = cmd.has("uuid");
        boolean optName = cmd.has("name");
        Set<ListPoolsFlag> flags = EnumSet.of(ListPoolsFlag.ACTIVE);
        if (cmd.has("inactive")) {
            flags = EnumSet.of(ListPoolsFlag.INACTIVE);
        }
        if (cmd.has("all")) {
            flags = EnumSet.of(ListPoolsFlag.ACTIVE, ListPoolsFlag.INACTIVE);
        }
        if (cmd.has("persistent")) {
            flags.add(ListPoolsFlag.PERSISTENT);
        }
        if (cmd.has("transient")) {
            flags.add(ListPoolsFlag.TRANSIENT);
        }
        if (cmd.has("autostart")) {
            flags.add(ListPoolsFlag.AUTOSTART);
        }
        if (cmd.has("no-autostart")) {
            flags.add(ListPoolsFlag.NO_AUTOSTART);
        }
        List<String> types = null;
        if (cmd.has("type")) {
            types = new ArrayList<>();
            for (String ty : cmd.get("type").split(",", -1)) {
                boolean known = false;
                for (String k : POOL_TYPES) {
                    known |= k.equals(ty);
                }
                if (!known) {
                    sh.error("Invalid pool type '" + ty + "'");
                    return false;
                }
                types.add(ty);
            }
        }
        if (!sh.exclusive(cmd, "details", "uuid") || !sh.exclusive(cmd, "details", "name")) {
            return false;
        }
        List<StoragePool> pools = new ArrayList<>();
        for (StoragePool p : sh.conn.listAllStoragePools(flags)) {
            if (types == null || types.contains(Xml.rootAttr(p.getXMLDesc(false), "type"))) {
                pools.add(p);
            }
        }
        pools.sort(POOL_ORDER);
        int n = pools.size();
        String[] state = new String[n];
        String[] autostart = new String[n];
        String[] persistent = new String[n];
        String[] capacity = new String[n];
        String[] allocation = new String[n];
        String[] available = new String[n];
        for (int i = 0; i < n; i++) {
            StoragePool p = pools.get(i);
            try {
                autostart[i] = p.getAutostart() ? "yes" : "no";
            } catch (VirtException e) {
                autostart[i] = "no autostart";
            }
            if (details) {
                try {
                    persistent[i] = p.isPersistent() ? "yes" : "no";
                } catch (VirtException e) {
                    persistent[i] = "unknown";
                }
            }
            StoragePoolInfo info;
            try {
                info = p.getInfo();
            } catch (VirtException e) {
                sh.error("Could not retrieve pool information");
                state[i] = "unknown";
                capacity[i] = allocation[i] = available[i] = "unknown";
                continue;
            }
            if (details) {
                state[i] = poolStateName(info.state());
                if (info.state() == StoragePoolState.RUNNING || info.state() == StoragePoolState.DEGRADED) {
                    capacity[i] = Numbers.prettyCapacity(info.capacity());
                    allocation[i] = Numbers.prettyCapacity(info.allocation());
                    available[i] = Numbers.prettyCapacity(info.available());
                } else {
                    capacity[i] = allocation[i] = available[i] = "-";
                }
            } else {
                state[i] = p.isActive() ? "active" : "inactive";
            }
        }
        if (!details) {
            if (optUuid || optName) {
                StringBuilder b = new StringBuilder();
                for (StoragePool p : pools) {
                    if (optUuid) {
                        b.append(Numbers.padRight(p.getUUID().toString(), 36)).append(optName ? ' ' : '\n');
                    }
                    if (optName) {
                        b.append(Numbers.padRight(p.getName(), 20)).append('\n');
                    }
                }
                sh.print(b.toString());
                return true;
            }
            Table t = new Table("Name", "State", "Autostart");
            for (int i = 0; i < n; i++) {
                t.add(pools.get(i).getName(), state[i], autostart[i]);
            }
            sh.print(t.format(!sh.quiet));
            return true;
        }
        Table t = new Table("Name", "State", "Autostart", "Persistent", "Capacity", "Allocation", "Available");
        for (int i = 0; i < n; i++) {
            t.add(pools.get(i).getName(), state[i], autostart[i], persistent[i], capacity[i], allocation[i],
                    available[i]);
        }
        sh.print(t.format(!sh.quiet));
        return true;
    }

    // ---- volumes ----

    private static final Comparator<StorageVol> VOL_ORDER = new Comparator<>() {
        @Override
        public int compare(StorageVol a, StorageVol b) {
            return a.getName().compareToIgnoreCase(b.getName());
        }
    };

    static boolean volList(Shell sh, Cmd cmd) {
        StoragePool pool = sh.pool(cmd);
        if (pool == null) {
            return false;
        }
        boolean details = cmd.has("details");
        List<StorageVol> vols;
        try {
            vols = new ArrayList<>(pool.listAllVolumes());
        } catch (VirtException e) {
            return sh.fail(e, "Failed to list storage volumes");
        }
        vols.sort(VOL_ORDER);
        Table t = details ? new Table("Name", "Path", "Type", "Capacity", "Allocation") : new Table("Name", "Path");
        for (StorageVol v : vols) {
            String path;
            try {
                path = v.getPath();
            } catch (VirtException e) {
                path = "";
            }
            if (!details) {
                t.add(v.getName(), path);
                continue;
            }
            try {
                StorageVolInfo info = v.getInfo();
                t.add(v.getName(), path, info.type().name().toLowerCase(java.util.Locale.ROOT),
                        Numbers.prettyCapacity(info.capacity()), Numbers.prettyCapacity(info.allocation()));
            } catch (VirtException e) {
                t.add(v.getName(), path, "unknown", "unknown", "unknown");
            }
        }
        sh.print(t.format(!sh.quiet));
        return true;
    }
}
