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

    /**
     * The filter of net-list and pool-list: active only unless --inactive or --all, narrowed by
     * --persistent, --transient, --autostart, --no-autostart. {@code ListNetworksFlag} and
     * {@code ListPoolsFlag} name these flags alike, so one parser serves both.
     */
    private static <F extends Enum<F>> Set<F> listFlags(Cmd cmd, Class<F> type) {
        Set<F> flags = EnumSet.of(Enum.valueOf(type, "ACTIVE"));
        if (cmd.has("inactive")) {
            flags = EnumSet.of(Enum.valueOf(type, "INACTIVE"));
        }
        if (cmd.has("all")) {
            flags = EnumSet.of(Enum.valueOf(type, "ACTIVE"), Enum.valueOf(type, "INACTIVE"));
        }
        String[][] filters = {
            {"persistent", "PERSISTENT"}, {"transient", "TRANSIENT"}, {"autostart", "AUTOSTART"},
            {"no-autostart", "NO_AUTOSTART"},
        };
        for (String[] f : filters) {
            if (cmd.has(f[0])) {
                flags.add(Enum.valueOf(type, f[1]));
            }
        }
        return flags;
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

    private static final Comparator<Network> NET_ORDER =
            Comparator.comparing(Network::getName, String.CASE_INSENSITIVE_ORDER);

    static boolean netList(Shell sh, Cmd cmd) {
        boolean optTable = cmd.has("table");
        boolean optUuid = cmd.has("uuid");
        boolean optName = cmd.has("name");
        Set<ListNetworksFlag> flags = listFlags(cmd, ListNetworksFlag.class);
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
        // --validate: the schema check of valid documents changes nothing (not done here)
        return ManagedObject.NETWORK.fromFile(sh, cmd, "define", "defined", xml -> sh.conn.defineNetwork(xml));
    }

    static boolean netCreate(Shell sh, Cmd cmd) {
        return ManagedObject.NETWORK.fromFile(sh, cmd, "create", "created", xml -> sh.conn.createNetwork(xml));
    }

    static boolean netDumpxml(Shell sh, Cmd cmd) {
        return ManagedObject.NETWORK.dumpxml(sh, cmd);
    }

    static boolean netStart(Shell sh, Cmd cmd) {
        return ManagedObject.NETWORK.lookupAndAct(sh, cmd, "start", "started", Network::create);
    }

    static boolean netDestroy(Shell sh, Cmd cmd) {
        return ManagedObject.NETWORK.lookupAndAct(sh, cmd, "destroy", "destroyed", Network::destroy);
    }

    static boolean netUndefine(Shell sh, Cmd cmd) {
        return ManagedObject.NETWORK.lookupAndAct(sh, cmd, "undefine", "has been undefined", Network::undefine);
    }

    static boolean netAutostart(Shell sh, Cmd cmd) {
        return ManagedObject.NETWORK.autostart(sh, cmd);
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

    private static final Comparator<StoragePool> POOL_ORDER =
            Comparator.comparing(StoragePool::getName, String.CASE_INSENSITIVE_ORDER);

    static boolean poolList(Shell sh, Cmd cmd) {
        boolean details = cmd.has("details");
        boolean optUuid = cmd.has("uuid");
        boolean optName = cmd.has("name");
        Set<ListPoolsFlag> flags = listFlags(cmd, ListPoolsFlag.class);
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
        // --validate: the schema check of valid documents changes nothing (not done here)
        return ManagedObject.POOL.fromFile(sh, cmd, "define", "defined", xml -> sh.conn.defineStoragePool(xml));
    }

    static boolean poolCreate(Shell sh, Cmd cmd) {
        if (!sh.exclusive(cmd, "overwrite", "no-overwrite")) {
            return false;
        }
        return ManagedObject.POOL.fromFile(sh, cmd, "create", "created", xml -> {
            if (buildFlags(cmd)) {
                throw sh.noSupport("virStoragePoolCreateXML with build flags");
            }
            return sh.conn.createStoragePool(xml);
        });
    }

    static boolean poolDumpxml(Shell sh, Cmd cmd) {
        return ManagedObject.POOL.dumpxml(sh, cmd);
    }

    static boolean poolStart(Shell sh, Cmd cmd) {
        // virsh looks the pool up before it checks the options
        StoragePool pool = ManagedObject.POOL.lookup(sh, cmd);
        if (pool == null || !sh.exclusive(cmd, "overwrite", "no-overwrite")) {
            return false;
        }
        return ManagedObject.POOL.act(sh, cmd, pool, "start", "started", p -> {
            if (buildFlags(cmd)) {
                throw sh.noSupport("virStoragePoolCreate with build flags");
            }
            p.create();
        });
    }

    static boolean poolDestroy(Shell sh, Cmd cmd) {
        return ManagedObject.POOL.lookupAndAct(sh, cmd, "destroy", "destroyed", StoragePool::destroy);
    }

    static boolean poolUndefine(Shell sh, Cmd cmd) {
        return ManagedObject.POOL.lookupAndAct(sh, cmd, "undefine", "has been undefined", StoragePool::undefine);
    }

    static boolean poolAutostart(Shell sh, Cmd cmd) {
        return ManagedObject.POOL.autostart(sh, cmd);
    }

    // ---- volumes ----

    private static final Comparator<StorageVol> VOL_ORDER =
            Comparator.comparing(StorageVol::getName, String.CASE_INSENSITIVE_ORDER);

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
