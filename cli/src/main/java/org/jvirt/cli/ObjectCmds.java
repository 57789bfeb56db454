package org.jvirt.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
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

    static boolean netDefine(Shell sh, Cmd cmd) {
        String file = cmd.get("file");
        String xml = DomainCmds.readFile(sh, file);
        if (xml == null) {
            return false;
        }
        Network net;
        try {
            // --validate: the schema check of valid documents changes nothing (not done here)
            net = sh.conn.defineNetwork(xml);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to define network from " + file);
        }
        sh.printExtra("Network " + net.getName() + " defined from " + file + "\n");
        return true;
    }

    static boolean netCreate(Shell sh, Cmd cmd) {
        String file = cmd.get("file");
        String xml = DomainCmds.readFile(sh, file);
        if (xml == null) {
            return false;
        }
        Network net;
        try {
            net = sh.conn.createNetwork(xml);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to create network from " + file);
        }
        sh.printExtra("Network " + net.getName() + " created from " + file + "\n");
        return true;
    }

    static boolean netDumpxml(Shell sh, Cmd cmd) {
        Network net = sh.network(cmd);
        if (net == null) {
            return false;
        }
        if (cmd.has("xpath")) {
            throw sh.noSupport("net-dumpxml --xpath");
        }
        sh.print(net.getXMLDesc(cmd.has("inactive")));
        return true;
    }

    static boolean netStart(Shell sh, Cmd cmd) {
        Network net = sh.network(cmd);
        if (net == null) {
            return false;
        }
        String name = cmd.get("network");
        try {
            net.create();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to start network " + name);
        }
        sh.printExtra("Network " + name + " started\n");
        return true;
    }

    static boolean netDestroy(Shell sh, Cmd cmd) {
        Network net = sh.network(cmd);
        if (net == null) {
            return false;
        }
        String name = cmd.get("network");
        try {
            net.destroy();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to destroy network " + name);
        }
        sh.printExtra("Network " + name + " destroyed\n");
        return true;
    }

    static boolean netUndefine(Shell sh, Cmd cmd) {
        Network net = sh.network(cmd);
        if (net == null) {
            return false;
        }
        String name = cmd.get("network");
        try {
            net.undefine();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to undefine network " + name);
        }
        sh.printExtra("Network " + name + " has been undefined\n");
        return true;
    }

    static boolean netAutostart(Shell sh, Cmd cmd) {
        Network net = sh.network(cmd);
        if (net == null) {
            return false;
        }
        String name = cmd.get("network");
        boolean on = !cmd.has("disable");
        try {
            net.setAutostart(on);
        } catch (VirtException e) {
            return sh.fail(e, (on ? "failed to mark network " : "failed to unmark network ") + name
                    + " as autostarted");
        }
        sh.printExtra("Network " + name + (on ? " marked as autostarted\n" : " unmarked as autostarted\n"));
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

    /** Whether pool-start or pool-create got a build option (jvirt's API takes no build flags). */
    private static boolean buildFlags(Cmd cmd) {
        return cmd.has("build") || cmd.has("overwrite") || cmd.has("no-overwrite");
    }

    static boolean poolDefine(Shell sh, Cmd cmd) {
        String file = cmd.get("file");
        String xml = DomainCmds.readFile(sh, file);
        if (xml == null) {
            return false;
        }
        StoragePool pool;
        try {
            // --validate: the schema check of valid documents changes nothing (not done here)
            pool = sh.conn.defineStoragePool(xml);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to define pool from " + file);
        }
        sh.printExtra("Pool " + pool.getName() + " defined from " + file + "\n");
        return true;
    }

    static boolean poolCreate(Shell sh, Cmd cmd) {
        if (!sh.exclusive(cmd, "overwrite", "no-overwrite")) {
            return false;
        }
        String file = cmd.get("file");
        String xml = DomainCmds.readFile(sh, file);
        if (xml == null) {
            return false;
        }
        StoragePool pool;
        try {
            if (buildFlags(cmd)) {
                throw sh.noSupport("virStoragePoolCreateXML with build flags");
            }
            pool = sh.conn.createStoragePool(xml);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to create pool from " + file);
        }
        sh.printExtra("Pool " + pool.getName() + " created from " + file + "\n");
        return true;
    }

    static boolean poolDumpxml(Shell sh, Cmd cmd) {
        StoragePool pool = sh.pool(cmd);
        if (pool == null) {
            return false;
        }
        if (cmd.has("xpath")) {
            throw sh.noSupport("pool-dumpxml --xpath");
        }
        sh.print(pool.getXMLDesc(cmd.has("inactive")));
        return true;
    }

    static boolean poolStart(Shell sh, Cmd cmd) {
        StoragePool pool = sh.pool(cmd);
        if (pool == null) {
            return false;
        }
        if (!sh.exclusive(cmd, "overwrite", "no-overwrite")) {
            return false;
        }
        String name = cmd.get("pool");
        try {
            if (buildFlags(cmd)) {
                throw sh.noSupport("virStoragePoolCreate with build flags");
            }
            pool.create();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to start pool " + name);
        }
        sh.printExtra("Pool " + name + " started\n");
        return true;
    }

    static boolean poolDestroy(Shell sh, Cmd cmd) {
        StoragePool pool = sh.pool(cmd);
        if (pool == null) {
            return false;
        }
        String name = cmd.get("pool");
        try {
            pool.destroy();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to destroy pool " + name);
        }
        sh.printExtra("Pool " + name + " destroyed\n");
        return true;
    }

    static boolean poolUndefine(Shell sh, Cmd cmd) {
        StoragePool pool = sh.pool(cmd);
        if (pool == null) {
            return false;
        }
        String name = cmd.get("pool");
        try {
            pool.undefine();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to undefine pool " + name);
        }
        sh.printExtra("Pool " + name + " has been undefined\n");
        return true;
    }

    static boolean poolAutostart(Shell sh, Cmd cmd) {
        StoragePool pool = sh.pool(cmd);
        if (pool == null) {
            return false;
        }
        String name = cmd.get("pool");
        boolean on = !cmd.has("disable");
        try {
            pool.setAutostart(on);
        } catch (VirtException e) {
            return sh.fail(e, (on ? "failed to mark pool " : "failed to unmark pool ") + name + " as autostarted");
        }
        sh.printExtra("Pool " + name + (on ? " marked as autostarted\n" : " unmarked as autostarted\n"));
        return true;
    }

    // ---- volumes ----

    private static final Comparator<StorageVol> VOL_ORDER = new Comparator<>() {
        @Override
        public int compare(StorageVol a, StorageVol b) {
            return a.getName().compareToIgnoreCase(b.getName());
        }
    };

    static boolean volCreate(Shell sh, Cmd cmd) {
        StoragePool pool = sh.pool(cmd);
        if (pool == null) {
            return false;
        }
        String file = cmd.get("file");
        String xml = DomainCmds.readFile(sh, file);
        if (xml == null) {
            return false;
        }
        StorageVol vol;
        try {
            if (cmd.has("prealloc-metadata") || cmd.has("validate")) {
                throw sh.noSupport("virStorageVolCreateXML with flags");
            }
            vol = pool.createVolume(xml);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to create vol from " + file);
        }
        sh.printExtra("Vol " + vol.getName() + " created from " + file + "\n");
        return true;
    }

    static boolean volDelete(Shell sh, Cmd cmd) {
        StorageVol vol = sh.vol(cmd);
        if (vol == null) {
            return false;
        }
        String name = cmd.get("vol");
        try {
            if (cmd.has("delete-snapshots")) {
                throw sh.noSupport("virStorageVolDelete with flags");
            }
            vol.delete();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to delete vol " + name);
        }
        sh.printExtra("Vol " + name + " deleted\n");
        return true;
    }

    static boolean volDumpxml(Shell sh, Cmd cmd) {
        StorageVol vol = sh.vol(cmd);
        if (vol == null) {
            return false;
        }
        if (cmd.has("xpath")) {
            throw sh.noSupport("vol-dumpxml --xpath");
        }
        sh.print(vol.getXMLDesc());
        return true;
    }

    static boolean volInfo(Shell sh, Cmd cmd) {
        StorageVol vol = sh.vol(cmd);
        if (vol == null) {
            return false;
        }
        boolean bytes = cmd.has("bytes");
        sh.print(field("Name:", vol.getName()));
        if (cmd.has("physical")) {
            // jvirt's API has no virStorageVolGetInfoFlags: libvirt's error for a driver without it
            sh.setLastError(new VirtException(ErrorCode.NO_SUPPORT, ErrorDomain.NONE,
                    ErrorCode.NO_SUPPORT.format("virStorageVolGetInfoFlags")));
            return false;
        }
        StorageVolInfo info;
        try {
            info = vol.getInfo();
        } catch (VirtException e) {
            sh.setLastError(e);
            return false;
        }
        StringBuilder b = new StringBuilder();
        b.append(field("Type:", info.type().name().toLowerCase(java.util.Locale.ROOT)));
        if (bytes) {
            b.append(field("Capacity:", Long.toUnsignedString(info.capacity()) + " bytes"));
            b.append(field("Allocation:", Long.toUnsignedString(info.allocation()) + " bytes"));
        } else {
            b.append(field("Capacity:", Numbers.prettyCapacity(info.capacity())));
            b.append(field("Allocation:", Numbers.prettyCapacity(info.allocation())));
        }
        sh.print(b.toString());
        return true;
    }

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
