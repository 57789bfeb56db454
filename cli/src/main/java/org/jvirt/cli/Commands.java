package org.jvirt.cli;

import static org.jvirt.cli.OptDef.alias;
import static org.jvirt.cli.OptDef.argv;
import static org.jvirt.cli.OptDef.bool;
import static org.jvirt.cli.OptDef.data;
import static org.jvirt.cli.OptDef.namedString;
import static org.jvirt.cli.OptDef.reqInt;
import static org.jvirt.cli.OptDef.string;

import java.util.List;

/**
 * The command table: every command's definition (names, options and help texts as virsh 9.0
 * has them), the help groups in virsh's order, and the dispatch from a parsed command to its
 * handler.
 */
final class Commands {
    private Commands() {
    }

    private static final String DOM = "domain name, id or uuid";
    private static final String NET = "network name or uuid";
    private static final String POOL = "pool name or uuid";
    private static final String VOL = "vol name, key or path";

    private static CmdDef cmd(String name, String help, String desc, OptDef... opts) {
        return new CmdDef(name, help, desc, List.of(opts), false);
    }

    private static CmdDef local(String name, String help, String desc, OptDef... opts) {
        return new CmdDef(name, help, desc, List.of(opts), true);
    }

    static final List<CmdGroup> GROUPS = List.of(
        new CmdGroup("Domain Management", "domain", List.of(
            cmd("autostart", "autostart a domain", "Configure a domain to be automatically started at boot.",
                data("domain", DOM), bool("disable", "disable autostarting")),
            cmd("create", "create a domain from an XML file", "Create a domain.",
                data("file", "file containing an XML domain description"),
                bool("console", "attach to console after creation"),
                bool("paused", "leave the guest paused after creation"),
                bool("autodestroy", "automatically destroy the guest when virsh disconnects"),
                string("pass-fds", "pass file descriptors N,M,... to the guest"),
                bool("validate", "validate the XML against the schema"),
                bool("reset-nvram", "re-initialize NVRAM from its pristine template")),
            cmd("define", "define (but don't start) a domain from an XML file", "Define a domain.",
                data("file", "file containing an XML domain description"),
                bool("validate", "validate the XML against the schema")),
            cmd("destroy", "destroy (stop) a domain", "Forcefully stop a given domain, but leave its resources intact.",
                data("domain", DOM), bool("graceful", "terminate gracefully"),
                bool("remove-logs", "remove domain logs")),
            cmd("domid", "convert a domain name or UUID to domain id", "", data("domain", "domain name or uuid")),
            cmd("domname", "convert a domain id or UUID to domain name", "", data("domain", "domain id or uuid")),
            cmd("domuuid", "convert a domain name or id to domain UUID", "", data("domain", "domain id or name")),
            cmd("domxml-to-native", "Convert domain XML to native config",
                "Convert domain XML config to a native guest configuration format.",
                data("format", "target config data type format"),
                string("xml", "xml data file to export from"),
                string("domain", "domain name, id or uuid")),
            cmd("dumpxml", "domain information in XML", "Output the domain information as an XML dump to stdout.",
                data("domain", DOM),
                bool("inactive", "show inactive defined XML"),
                bool("security-info", "include security sensitive information in XML dump"),
                bool("update-cpu", "update guest CPU according to host CPU"),
                bool("migratable", "provide XML suitable for migrations"),
                namedString("xpath", "xpath expression to filter the XML document"),
                bool("wrap", "wrap xpath results in an common root element")),
            cmd("managedsave", "managed save of a domain state",
                "Save and destroy a running domain, so it can be restarted from\n"
                + "    the same state at a later time.  When the virsh 'start'\n"
                + "    command is next run for the domain, it will automatically\n"
                + "    be started from this saved state.",
                data("domain", DOM),
                bool("bypass-cache", "avoid file system cache when saving"),
                bool("running", "set domain to be running on next start"),
                bool("paused", "set domain to be paused on next start"),
                bool("verbose", "display the progress of save")),
            cmd("reboot", "reboot a domain", "Run a reboot command in the target domain.",
                data("domain", DOM), string("mode", "shutdown mode: acpi|agent|initctl|signal|paravirt")),
            cmd("restore", "restore a domain from a saved state in a file", "Restore a domain.",
                data("file", "the state to restore"),
                bool("bypass-cache", "avoid file system cache when restoring"),
                string("xml", "filename containing updated XML for the target"),
                bool("running", "restore domain into running state"),
                bool("paused", "restore domain into paused state"),
                bool("reset-nvram", "re-initialize NVRAM from its pristine template")),
            cmd("resume", "resume a domain", "Resume a previously suspended domain.", data("domain", DOM)),
            cmd("save", "save a domain state to a file", "Save the RAM state of a running domain.",
                data("domain", DOM), data("file", "where to save the data"),
                bool("bypass-cache", "avoid file system cache when saving"),
                string("xml", "filename containing updated XML for the target"),
                bool("running", "set domain to be running on restore"),
                bool("paused", "set domain to be paused on restore"),
                bool("verbose", "display the progress of save")),
            cmd("setmaxmem", "change maximum memory limit", "Change the maximum memory allocation limit in the guest domain.",
                data("domain", DOM), alias("kilobytes", "size"),
                reqInt("size", "new maximum memory size, as scaled integer (default KiB)"),
                bool("config", "affect next boot"), bool("live", "affect running domain"),
                bool("current", "affect current domain")),
            cmd("setmem", "change memory allocation", "Change the current memory allocation in the guest domain.",
                data("domain", DOM), alias("kilobytes", "size"),
                reqInt("size", "new memory size, as scaled integer (default KiB)"),
                bool("config", "affect next boot"), bool("live", "affect running domain"),
                bool("current", "affect current domain")),
            cmd("setvcpus", "change number of virtual CPUs", "Change the number of virtual CPUs in the guest domain.",
                data("domain", DOM), reqInt("count", "number of virtual CPUs"),
                bool("maximum", "set maximum limit on next boot"),
                bool("config", "affect next boot"), bool("live", "affect running domain"),
                bool("current", "affect current domain"),
                bool("guest", "modify cpu state in the guest"),
                bool("hotpluggable", "make added vcpus hot(un)pluggable")),
            cmd("shutdown", "gracefully shutdown a domain", "Run shutdown in the target domain.",
                data("domain", DOM), string("mode", "shutdown mode: acpi|agent|initctl|signal|paravirt")),
            cmd("start", "start a (previously defined) inactive domain",
                "Start a domain, either from the last managedsave\n"
                + "    state, or via a fresh boot if no managedsave state\n"
                + "    is present.",
                data("domain", "name of the inactive domain"),
                bool("console", "attach to console after creation"),
                bool("paused", "leave the guest paused after creation"),
                bool("autodestroy", "automatically destroy the guest when virsh disconnects"),
                bool("bypass-cache", "avoid file system cache when loading"),
                bool("force-boot", "force fresh boot by discarding any managed save"),
                string("pass-fds", "pass file descriptors N,M,... to the guest"),
                bool("reset-nvram", "re-initialize NVRAM from its pristine template")),
            cmd("suspend", "suspend a domain", "Suspend a running domain.", data("domain", DOM)),
            cmd("undefine", "undefine a domain", "Undefine an inactive domain, or convert persistent to transient.",
                data("domain", DOM),
                bool("managed-save", "remove domain managed state file"),
                string("storage", "remove associated storage volumes (comma separated list of targets "
                        + "or source paths) (see domblklist)"),
                bool("remove-all-storage", "remove all associated storage volumes (use with caution)"),
                alias("delete-snapshots", "delete-storage-volume-snapshots"),
                bool("delete-storage-volume-snapshots", "delete snapshots associated with volume(s), requires "
                        + "--remove-all-storage (must be supported by storage driver)"),
                bool("wipe-storage", "wipe data on the removed volumes"),
                bool("snapshots-metadata", "remove all domain snapshot metadata (vm must be inactive)"),
                bool("checkpoints-metadata", "remove all domain checkpoint metadata (vm must be inactive)"),
                bool("nvram", "remove nvram file"),
                bool("keep-nvram", "keep nvram file"),
                bool("tpm", "remove TPM state"),
                bool("keep-tpm", "keep TPM state")))),
        new CmdGroup("Domain Monitoring", "monitor", List.of(
            cmd("dominfo", "domain information", "Returns basic information about the domain.", data("domain", DOM)),
            cmd("domstate", "domain state", "Returns state about a domain.",
                data("domain", DOM), bool("reason", "also print reason for the state")),
            cmd("list", "list domains", "Returns list of domains.",
                bool("inactive", "list inactive domains"),
                bool("all", "list inactive & active domains"),
                bool("transient", "list transient domains"),
                bool("persistent", "list persistent domains"),
                bool("with-snapshot", "list domains with existing snapshot"),
                bool("without-snapshot", "list domains without a snapshot"),
                bool("with-checkpoint", "list domains with existing checkpoint"),
                bool("without-checkpoint", "list domains without a checkpoint"),
                bool("state-running", "list domains in running state"),
                bool("state-paused", "list domains in paused state"),
                bool("state-shutoff", "list domains in shutoff state"),
                bool("state-other", "list domains in other states"),
                bool("autostart", "list domains with autostart enabled"),
                bool("no-autostart", "list domains with autostart disabled"),
                bool("with-managed-save", "list domains with managed save state"),
                bool("without-managed-save", "list domains without managed save"),
                bool("uuid", "list uuid's only"),
                bool("name", "list domain names only"),
                bool("id", "list domain IDs only"),
                bool("table", "list table (default)"),
                bool("managed-save", "mark inactive domains with managed save state"),
                bool("title", "show domain title")))),
        new CmdGroup("Host and Hypervisor", "host", List.of(
            cmd("capabilities", "capabilities", "Returns capabilities of hypervisor/driver."),
            cmd("hostname", "print the hypervisor hostname", ""),
            cmd("nodeinfo", "node information", "Returns basic information about the node."),
            cmd("uri", "print the hypervisor canonical URI", ""),
            cmd("version", "show version", "Display the system version information.",
                bool("daemon", "report daemon version too")))),
        new CmdGroup("Networking", "network", List.of(
            cmd("net-autostart", "autostart a network", "Configure a network to be automatically started at boot.",
                data("network", NET), bool("disable", "disable autostarting")),
            cmd("net-create", "create a network from an XML file", "Create a network.",
                data("file", "file containing an XML network description"),
                bool("validate", "validate the XML against the schema")),
            cmd("net-define", "define an inactive persistent virtual network or modify an existing persistent one "
                    + "from an XML file", "Define or modify a persistent virtual network.",
                data("file", "file containing an XML network description"),
                bool("validate", "validate the XML against the schema")),
            cmd("net-destroy", "destroy (stop) a network", "Forcefully stop a given network.", data("network", NET)),
            cmd("net-dumpxml", "network information in XML", "Output the network information as an XML dump to stdout.",
                data("network", NET),
                bool("inactive", "show inactive defined XML"),
                namedString("xpath", "xpath expression to filter the XML document"),
                bool("wrap", "wrap xpath results in an common root element")),
            cmd("net-info", "network information", "Returns basic information about the network",
                data("network", "network name or uuid")),
            cmd("net-list", "list networks", "Returns list of networks.",
                bool("inactive", "list inactive networks"),
                bool("all", "list inactive & active networks"),
                bool("persistent", "list persistent networks"),
                bool("transient", "list transient networks"),
                bool("autostart", "list networks with autostart enabled"),
                bool("no-autostart", "list networks with autostart disabled"),
                bool("uuid", "list uuid's only"),
                bool("name", "list network names only"),
                bool("table", "list table (default)")),
            cmd("net-start", "start a (previously defined) inactive network", "Start a network.", data("network", NET)),
            cmd("net-undefine", "undefine a persistent network", "Undefine the configuration for a persistent network.",
                data("network", NET)))),
        new CmdGroup("Snapshot", "snapshot", List.of(
            cmd("snapshot-create-as", "Create a snapshot from a set of args", "Create a snapshot (disk and RAM) from arguments",
                data("domain", DOM),
                string("name", "name of snapshot"),
                string("description", "description of snapshot"),
                bool("print-xml", "print XML document rather than create"),
                bool("no-metadata", "take snapshot but create no metadata"),
                bool("halt", "halt domain after snapshot is created"),
                bool("disk-only", "capture disk state but not vm state"),
                bool("reuse-external", "reuse any existing external files"),
                bool("quiesce", "quiesce guest's file systems"),
                bool("atomic", "require atomic operation"),
                bool("live", "take a live snapshot"),
                bool("validate", "validate the XML against the schema"),
                namedString("memspec", "memory attributes: [file=]name[,snapshot=type]"),
                argv("diskspec", "disk attributes: disk[,snapshot=type][,driver=type][,stype=type][,file=name]")),
            cmd("snapshot-delete", "Delete a domain snapshot", "Snapshot Delete",
                data("domain", DOM),
                string("snapshotname", "snapshot name"),
                bool("current", "delete current snapshot"),
                bool("children", "delete snapshot and all children"),
                bool("children-only", "delete children but not snapshot"),
                bool("metadata", "delete only libvirt metadata, leaving snapshot contents behind")),
            cmd("snapshot-list", "List snapshots for a domain", "Snapshot List",
                data("domain", DOM),
                bool("parent", "add a column showing parent snapshot"),
                bool("roots", "list only snapshots without parents"),
                bool("leaves", "list only snapshots without children"),
                bool("no-leaves", "list only snapshots that are not leaves (with children)"),
                bool("metadata", "list only snapshots that have metadata that would prevent undefine"),
                bool("no-metadata", "list only snapshots that have no metadata managed by libvirt"),
                bool("inactive", "filter by snapshots taken while inactive"),
                bool("active", "filter by snapshots taken while active (full system snapshots)"),
                bool("disk-only", "filter by disk-only snapshots"),
                bool("internal", "filter by internal snapshots"),
                bool("external", "filter by external snapshots"),
                bool("tree", "list snapshots in a tree"),
                string("from", "limit list to children of given snapshot"),
                bool("current", "limit list to children of current snapshot"),
                bool("descendants", "with --from, list all descendants"),
                bool("name", "list snapshot names only"),
                bool("topological", "sort list topologically rather than by name")),
            cmd("snapshot-revert", "Revert a domain to a snapshot", "Revert domain to snapshot",
                data("domain", DOM),
                string("snapshotname", "snapshot name"),
                bool("current", "revert to current snapshot"),
                bool("running", "after reverting, change state to running"),
                bool("paused", "after reverting, change state to paused"),
                bool("force", "try harder on risky reverts"),
                bool("reset-nvram", "re-initialize NVRAM from its pristine template")))),
        new CmdGroup("Storage Pool", "pool", List.of(
            cmd("pool-autostart", "autostart a pool", "Configure a pool to be automatically started at boot.",
                data("pool", POOL), bool("disable", "disable autostarting")),
            cmd("pool-create", "create a pool from an XML file", "Create a pool.",
                data("file", "file containing an XML pool description"),
                bool("build", "build the pool as normal"),
                bool("no-overwrite", "do not overwrite any existing data"),
                bool("overwrite", "overwrite any existing data")),
            cmd("pool-define", "define an inactive persistent storage pool or modify an existing persistent one "
                    + "from an XML file", "Define or modify a persistent storage pool.",
                data("file", "file containing an XML pool description"),
                bool("validate", "validate the XML against the schema")),
            cmd("pool-destroy", "destroy (stop) a pool", "Forcefully stop a given pool. Raw data in the pool is untouched",
                data("pool", POOL)),
            cmd("pool-dumpxml", "pool information in XML", "Output the pool information as an XML dump to stdout.",
                data("pool", POOL),
                bool("inactive", "show inactive defined XML"),
                namedString("xpath", "xpath expression to filter the XML document"),
                bool("wrap", "wrap xpath results in an common root element")),
            cmd("pool-info", "storage pool information", "Returns basic information about the storage pool.",
                data("pool", "pool name or uuid"), bool("bytes", "Return pool info in bytes")),
            cmd("pool-list", "list pools", "Returns list of pools.",
                bool("inactive", "list inactive pools"),
                bool("all", "list inactive & active pools"),
                bool("transient", "list transient pools"),
                bool("persistent", "list persistent pools"),
                bool("autostart", "list pools with autostart enabled"),
                bool("no-autostart", "list pools with autostart disabled"),
                string("type", "only list pool of specified type(s) (if supported)"),
                bool("details", "display extended details for pools"),
                bool("uuid", "list UUID of active pools only"),
                bool("name", "list name of active pools only")),
            cmd("pool-start", "start a (previously defined) inactive pool", "Start a pool.",
                data("pool", POOL),
                bool("build", "build the pool as normal"),
                bool("no-overwrite", "do not overwrite any existing data"),
                bool("overwrite", "overwrite any existing data")),
            cmd("pool-undefine", "undefine an inactive pool", "Undefine the configuration for an inactive pool.",
                data("pool", POOL)))),
        new CmdGroup("Storage Volume", "volume", List.of(
            cmd("vol-create", "create a vol from an XML file", "Create a vol.",
                data("pool", "pool name"),
                data("file", "file containing an XML vol description"),
                bool("prealloc-metadata", "preallocate metadata (for qcow2 instead of full allocation)"),
                bool("validate", "validate the XML against the schema")),
            cmd("vol-delete", "delete a vol", "Delete a given vol.",
                data("vol", VOL), string("pool", POOL),
                bool("delete-snapshots", "delete snapshots associated with volume (must be supported by storage "
                        + "driver)")),
            cmd("vol-dumpxml", "vol information in XML", "Output the vol information as an XML dump to stdout.",
                data("vol", VOL), string("pool", POOL),
                namedString("xpath", "xpath expression to filter the XML document"),
                bool("wrap", "wrap xpath results in an common root element")),
            cmd("vol-info", "storage vol information", "Returns basic information about the storage vol.",
                data("vol", VOL), string("pool", POOL),
                bool("bytes", "sizes are represented in bytes rather than pretty units"),
                bool("physical", "return the physical size of the volume in allocation field")),
            cmd("vol-list", "list vols", "Returns list of vols by pool.",
                data("pool", "pool name or uuid"), bool("details", "display extended details for volumes")))),
        new CmdGroup("Virsh itself", "virsh", List.of(
            local("exit", "quit this interactive terminal", ""),
            local("help", "print help", "Prints global help, command specific help, or help for a\n"
                    + "    group of related commands",
                string("command", "Prints global help, command specific help, or help for a group of related commands")),
            local("quit", "quit this interactive terminal", ""),
            local("connect", "(re)connect to hypervisor",
                "Connect to local hypervisor. This is built-in command after shell start up.",
                string("name", "hypervisor connection URI"), bool("readonly", "read-only connection")),
            local("drivers", "list the jvirt drivers found at run time",
                "Lists every discovered driver: name, URI schemes, version, origin and location."))));

    /** The command with this name, or {@code null}. */
    static CmdDef find(String name) {
        for (CmdGroup g : GROUPS) {
            for (CmdDef c : g.commands()) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Runs a parsed command's handler; {@code false} means failure (its error is reported by the caller). */
    static boolean run(Shell sh, Cmd cmd) {
        switch (cmd.def.name()) {
            case "autostart": return DomainCmds.autostart(sh, cmd);
            case "create": return DomainCmds.create(sh, cmd);
            case "define": return DomainCmds.define(sh, cmd);
            case "destroy": return DomainCmds.destroy(sh, cmd);
            case "domid": return DomainCmds.domid(sh, cmd);
            case "domname": return DomainCmds.domname(sh, cmd);
            case "domuuid": return DomainCmds.domuuid(sh, cmd);
            case "dumpxml": return DomainCmds.dumpxml(sh, cmd);
            case "domxml-to-native": return DomainCmds.domxmlToNative(sh, cmd);
            case "managedsave": return DomainCmds.managedsave(sh, cmd);
            case "reboot": return DomainCmds.reboot(sh, cmd);
            case "restore": return DomainCmds.restore(sh, cmd);
            case "resume": return DomainCmds.resume(sh, cmd);
            case "save": return DomainCmds.save(sh, cmd);
            case "setmaxmem": return DomainCmds.setmaxmem(sh, cmd);
            case "setmem": return DomainCmds.setmem(sh, cmd);
            case "setvcpus": return DomainCmds.setvcpus(sh, cmd);
            case "shutdown": return DomainCmds.shutdown(sh, cmd);
            case "start": return DomainCmds.start(sh, cmd);
            case "suspend": return DomainCmds.suspend(sh, cmd);
            case "undefine": return DomainCmds.undefine(sh, cmd);
            case "dominfo": return DomainCmds.dominfo(sh, cmd);
            case "domstate": return DomainCmds.domstate(sh, cmd);
            case "list": return DomainCmds.list(sh, cmd);
            case "capabilities": return HostCmds.capabilities(sh, cmd);
            case "hostname": return HostCmds.hostname(sh, cmd);
            case "nodeinfo": return HostCmds.nodeinfo(sh, cmd);
            case "uri": return HostCmds.uri(sh, cmd);
            case "version": return HostCmds.version(sh, cmd);
            case "net-info": return ObjectCmds.netInfo(sh, cmd);
            case "net-list": return ObjectCmds.netList(sh, cmd);
            case "pool-info": return ObjectCmds.poolInfo(sh, cmd);
            case "pool-list": return ObjectCmds.poolList(sh, cmd);
            case "net-autostart": return ObjectCmds.netAutostart(sh, cmd);
            case "net-create": return ObjectCmds.netCreate(sh, cmd);
            case "net-define": return ObjectCmds.netDefine(sh, cmd);
            case "net-destroy": return ObjectCmds.netDestroy(sh, cmd);
            case "net-dumpxml": return ObjectCmds.netDumpxml(sh, cmd);
            case "net-start": return ObjectCmds.netStart(sh, cmd);
            case "net-undefine": return ObjectCmds.netUndefine(sh, cmd);
            case "pool-autostart": return ObjectCmds.poolAutostart(sh, cmd);
            case "pool-create": return ObjectCmds.poolCreate(sh, cmd);
            case "pool-define": return ObjectCmds.poolDefine(sh, cmd);
            case "pool-destroy": return ObjectCmds.poolDestroy(sh, cmd);
            case "pool-dumpxml": return ObjectCmds.poolDumpxml(sh, cmd);
            case "pool-start": return ObjectCmds.poolStart(sh, cmd);
            case "pool-undefine": return ObjectCmds.poolUndefine(sh, cmd);
            case "vol-create": return ObjectCmds.volCreate(sh, cmd);
            case "vol-delete": return ObjectCmds.volDelete(sh, cmd);
            case "vol-dumpxml": return ObjectCmds.volDumpxml(sh, cmd);
            case "vol-info": return ObjectCmds.volInfo(sh, cmd);
            case "vol-list": return ObjectCmds.volList(sh, cmd);
            case "snapshot-create-as": return SnapshotCmds.createAs(sh, cmd);
            case "snapshot-delete": return SnapshotCmds.delete(sh, cmd);
            case "snapshot-list": return SnapshotCmds.list(sh, cmd);
            case "snapshot-revert": return SnapshotCmds.revert(sh, cmd);
            case "exit":
            case "quit":
                sh.interactive = false;
                return true;
            case "help": return HostCmds.help(sh, cmd);
            case "connect": return HostCmds.connect(sh, cmd);
            case "drivers": return HostCmds.drivers(sh, cmd);
            default:
                throw new IllegalStateException("no handler for " + cmd.def.name());
        }
    }
}
