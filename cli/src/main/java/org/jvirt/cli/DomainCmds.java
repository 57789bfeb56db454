package org.jvirt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainMemoryFlag;
import org.jvirt.api.DomainSaveFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainUndefineFlag;
import org.jvirt.api.DomainVcpuFlag;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.VirtException;

/** Domain commands, following virsh-domain.c and virsh-domain-monitor.c. */
final class DomainCmds {
    private DomainCmds() {
    }

    // ---- helpers ----

    /** virsh's words for a state ({@code virshDomainStateToString}). */
    static String stateName(DomainState s) {
        switch (s) {
            case RUNNING: return "running";
            case BLOCKED: return "idle";
            case PAUSED: return "paused";
            case SHUTDOWN: return "in shutdown";
            case SHUTOFF: return "shut off";
            case CRASHED: return "crashed";
            case PMSUSPENDED: return "pmsuspended";
            default: return "no state";
        }
    }

    /** virsh's words for a reason ({@code virshDomainStateReasonToString}). */
    static String reasonName(DomainStateReason r) {
        switch (r) {
            case RUNNING_BOOTED: return "booted";
            case RUNNING_MIGRATED: return "migrated";
            case RUNNING_RESTORED: return "restored";
            case RUNNING_FROM_SNAPSHOT: return "from snapshot";
            case RUNNING_UNPAUSED: return "unpaused";
            case RUNNING_MIGRATION_CANCELED: return "migration canceled";
            case RUNNING_SAVE_CANCELED: return "save canceled";
            case RUNNING_WAKEUP: return "event wakeup";
            case RUNNING_CRASHED: return "crashed";
            case RUNNING_POSTCOPY: return "post-copy";
            case RUNNING_POSTCOPY_FAILED: return "post-copy failed";
            case PAUSED_USER: return "user";
            case PAUSED_MIGRATION: return "migrating";
            case PAUSED_SAVE: return "saving";
            case PAUSED_DUMP: return "dumping";
            case PAUSED_IOERROR: return "I/O error";
            case PAUSED_WATCHDOG: return "watchdog";
            case PAUSED_FROM_SNAPSHOT: return "from snapshot";
            case PAUSED_SHUTTING_DOWN: return "shutting down";
            case PAUSED_SNAPSHOT: return "creating snapshot";
            case PAUSED_CRASHED: return "crashed";
            case PAUSED_STARTING_UP: return "starting up";
            case PAUSED_POSTCOPY: return "post-copy";
            case PAUSED_POSTCOPY_FAILED: return "post-copy failed";
            case SHUTDOWN_USER: return "user";
            case SHUTOFF_SHUTDOWN: return "shutdown";
            case SHUTOFF_DESTROYED: return "destroyed";
            case SHUTOFF_CRASHED: return "crashed";
            case SHUTOFF_MIGRATED: return "migrated";
            case SHUTOFF_SAVED: return "saved";
            case SHUTOFF_FAILED: return "failed";
            case SHUTOFF_FROM_SNAPSHOT: return "from snapshot";
            case SHUTOFF_DAEMON: return "daemon";
            case CRASHED_PANICKED: return "panicked";
            default: return "unknown";
        }
    }

    private static String field(String label, String value) {
        return Numbers.padRight(label, 15) + " " + value + "\n";
    }

    /** Reads an XML file as virsh's {@code virFileReadAll}; {@code null} after recording the error. */
    static String readFile(Shell sh, String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            sh.setLastError("Failed to open file '" + file + "': No such file or directory");
        } catch (AccessDeniedException e) {
            sh.setLastError("Failed to open file '" + file + "': Permission denied");
        } catch (IOException | RuntimeException e) {
            String why = Files.isDirectory(Path.of(file)) ? "Is a directory" : String.valueOf(e.getMessage());
            sh.setLastError("Failed to read file '" + file + "': " + why);
        }
        return null;
    }

    private static boolean isActive(Domain d) {
        return d.getID() != -1;
    }

    // ---- lifecycle ----

    static boolean start(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd, Shell.BY_NAME | Shell.BY_UUID);
        if (dom == null) {
            return false;
        }
        if (isActive(dom)) {
            sh.error("Domain is already active");
            return false;
        }
        if (cmd.has("pass-fds")) {
            throw sh.noSupport("virDomainCreateWithFiles");
        }
        Set<DomainCreateFlag> flags = EnumSet.noneOf(DomainCreateFlag.class);
        if (cmd.has("paused")) {
            flags.add(DomainCreateFlag.PAUSED);
        }
        if (cmd.has("autodestroy")) {
            flags.add(DomainCreateFlag.AUTODESTROY);
        }
        if (cmd.has("bypass-cache")) {
            flags.add(DomainCreateFlag.BYPASS_CACHE);
        }
        if (cmd.has("force-boot")) {
            flags.add(DomainCreateFlag.FORCE_BOOT);
        }
        if (cmd.has("reset-nvram")) {
            flags.add(DomainCreateFlag.RESET_NVRAM);
        }
        try {
            if (flags.isEmpty()) {
                dom.create();
            } else {
                dom.create(flags);
            }
        } catch (VirtException e) {
            return sh.fail(e, "Failed to start domain '" + dom.getName() + "'");
        }
        sh.printExtra("Domain '" + dom.getName() + "' started\n");
        return true;
    }

    static boolean destroy(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        try {
            if (cmd.has("graceful") || cmd.has("remove-logs")) {
                throw sh.noSupport("virDomainDestroyFlags");
            }
            dom.destroy();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to destroy domain '" + name + "'");
        }
        sh.printExtra("Domain '" + name + "' destroyed\n");
        return true;
    }

    private static boolean checkMode(Shell sh, Cmd cmd, String function) {
        String mode = cmd.get("mode");
        if (mode == null) {
            return true;
        }
        for (String m : mode.split(",", -1)) {
            if (!(m.equals("acpi") || m.equals("agent") || m.equals("initctl") || m.equals("signal")
                    || m.equals("paravirt"))) {
                sh.error("Unknown mode " + m + " value, expecting 'acpi', 'agent', 'initctl', 'signal', or 'paravirt'");
                return false;
            }
        }
        throw sh.noSupport(function);
    }

    static boolean shutdown(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        try {
            if (!checkMode(sh, cmd, "virDomainShutdownFlags")) {
                return false;
            }
            dom.shutdown();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to shutdown domain '" + name + "'");
        }
        sh.printExtra("Domain '" + name + "' is being shutdown\n");
        return true;
    }

    static boolean reboot(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        try {
            if (!checkMode(sh, cmd, "virDomainReboot")) {
                return false;
            }
            dom.reboot();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to reboot domain '" + name + "'");
        }
        sh.printExtra("Domain '" + name + "' is being rebooted\n");
        return true;
    }

    static boolean suspend(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        try {
            dom.suspend();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to suspend domain '" + name + "'");
        }
        sh.printExtra("Domain '" + name + "' suspended\n");
        return true;
    }

    static boolean resume(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        try {
            dom.resume();
        } catch (VirtException e) {
            return sh.fail(e, "Failed to resume domain '" + name + "'");
        }
        sh.printExtra("Domain '" + name + "' resumed\n");
        return true;
    }

    static boolean define(Shell sh, Cmd cmd) {
        String file = cmd.get("file");
        String xml = readFile(sh, file);
        if (xml == null) {
            return false;
        }
        Domain dom;
        try {
            dom = cmd.has("validate") ? sh.conn.defineDomain(xml, EnumSet.of(DomainDefineFlag.VALIDATE))
                    : sh.conn.defineDomain(xml);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to define domain from " + file);
        }
        sh.printExtra("Domain '" + dom.getName() + "' defined from " + file + "\n");
        return true;
    }

    static boolean create(Shell sh, Cmd cmd) {
        String file = cmd.get("file");
        String xml = readFile(sh, file);
        if (xml == null) {
            return false;
        }
        if (cmd.has("pass-fds")) {
            throw sh.noSupport("virDomainCreateXMLWithFiles");
        }
        Set<DomainCreateFlag> flags = EnumSet.noneOf(DomainCreateFlag.class);
        if (cmd.has("paused")) {
            flags.add(DomainCreateFlag.PAUSED);
        }
        if (cmd.has("autodestroy")) {
            flags.add(DomainCreateFlag.AUTODESTROY);
        }
        if (cmd.has("validate")) {
            flags.add(DomainCreateFlag.VALIDATE);
        }
        if (cmd.has("reset-nvram")) {
            flags.add(DomainCreateFlag.RESET_NVRAM);
        }
        Domain dom;
        try {
            dom = sh.conn.createDomain(xml, flags);
        } catch (VirtException e) {
            return sh.fail(e, "Failed to create domain from " + file);
        }
        sh.printExtra("Domain '" + dom.getName() + "' created from " + file + "\n");
        return true;
    }

    static boolean undefine(Shell sh, Cmd cmd) {
        boolean managedSave = cmd.has("managed-save");
        boolean snapshotsMetadata = cmd.has("snapshots-metadata");
        if (!sh.exclusive(cmd, "nvram", "keep-nvram") || !sh.exclusive(cmd, "tpm", "keep-tpm")) {
            return false;
        }
        if (cmd.has("delete-storage-volume-snapshots") && !cmd.has("remove-all-storage")) {
            sh.error("Option --remove-all-storage is required by option --delete-storage-volume-snapshots");
            return false;
        }
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        if (cmd.has("storage") || cmd.has("remove-all-storage")) {
            if (isActive(dom)) {
                sh.error("Storage volume deletion is supported only on stopped domains");
                return false;
            }
            throw sh.noSupport("virDomainUndefine with storage removal");
        }
        Set<DomainUndefineFlag> flags = EnumSet.noneOf(DomainUndefineFlag.class);
        if (managedSave) {
            flags.add(DomainUndefineFlag.MANAGED_SAVE);
        }
        if (snapshotsMetadata) {
            flags.add(DomainUndefineFlag.SNAPSHOTS_METADATA);
        }
        if (cmd.has("checkpoints-metadata")) {
            flags.add(DomainUndefineFlag.CHECKPOINTS_METADATA);
        }
        if (cmd.has("nvram")) {
            flags.add(DomainUndefineFlag.NVRAM);
        }
        if (cmd.has("keep-nvram")) {
            flags.add(DomainUndefineFlag.KEEP_NVRAM);
        }
        if (cmd.has("tpm")) {
            flags.add(DomainUndefineFlag.TPM);
        }
        if (cmd.has("keep-tpm")) {
            flags.add(DomainUndefineFlag.KEEP_TPM);
        }
        if (!managedSave) {
            boolean hasManagedSave;
            try {
                hasManagedSave = dom.hasManagedSaveImage();
            } catch (VirtException e) {
                if (e.code() != ErrorCode.NO_SUPPORT) {
                    throw e;
                }
                hasManagedSave = false;
            }
            if (hasManagedSave) {
                // virsh falls back to doing things piecewise and refuses here
                sh.error("Refusing to undefine while domain managed save image exists");
                return false;
            }
        }
        try {
            if (flags.isEmpty()) {
                dom.undefine();
            } else {
                dom.undefine(flags);
            }
        } catch (VirtException e) {
            return sh.fail(e, "Failed to undefine domain '" + name + "'");
        }
        sh.printExtra("Domain '" + name + "' has been undefined\n");
        return true;
    }

    static boolean autostart(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        boolean on = !cmd.has("disable");
        try {
            dom.setAutostart(on);
        } catch (VirtException e) {
            return sh.fail(e, (on ? "Failed to mark domain '" : "Failed to unmark domain '") + name
                    + "' as autostarted");
        }
        sh.printExtra("Domain '" + name + (on ? "' marked as autostarted\n" : "' unmarked as autostarted\n"));
        return true;
    }

    // ---- save / restore ----

    private static Set<DomainSaveFlag> saveFlags(Cmd cmd) {
        Set<DomainSaveFlag> flags = EnumSet.noneOf(DomainSaveFlag.class);
        if (cmd.has("bypass-cache")) {
            flags.add(DomainSaveFlag.BYPASS_CACHE);
        }
        if (cmd.has("running")) {
            flags.add(DomainSaveFlag.RUNNING);
        }
        if (cmd.has("paused")) {
            flags.add(DomainSaveFlag.PAUSED);
        }
        if (cmd.has("reset-nvram")) {
            flags.add(DomainSaveFlag.RESET_NVRAM);
        }
        return flags;
    }

    static boolean save(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        String to = cmd.get("file");
        if (cmd.has("xml")) {
            if (readFile(sh, cmd.get("xml")) == null) {
                return false;
            }
            throw sh.noSupport("virDomainSaveFlags with --xml");
        }
        try {
            dom.save(to, saveFlags(cmd));
        } catch (VirtException e) {
            return sh.fail(e, "Failed to save domain '" + name + "' to " + to);
        }
        sh.printExtra("\nDomain '" + name + "' saved to " + to + "\n");
        return true;
    }

    static boolean restore(Shell sh, Cmd cmd) {
        String from = cmd.get("file");
        if (cmd.has("xml")) {
            if (readFile(sh, cmd.get("xml")) == null) {
                return false;
            }
            throw sh.noSupport("virDomainRestoreFlags with --xml");
        }
        try {
            sh.conn.restoreDomain(from, saveFlags(cmd));
        } catch (VirtException e) {
            return sh.fail(e, "Failed to restore domain from " + from);
        }
        sh.printExtra("Domain restored from " + from + "\n");
        return true;
    }

    static boolean managedsave(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        String name = dom.getName();
        try {
            dom.managedSave(saveFlags(cmd));
        } catch (VirtException e) {
            return sh.fail(e, "Failed to save domain '" + name + "' state");
        }
        sh.printExtra("\nDomain '" + name + "' state saved by libvirt\n");
        return true;
    }

    // ---- resources ----

    static boolean setmem(Shell sh, Cmd cmd) {
        return memory(sh, cmd, false);
    }

    static boolean setmaxmem(Shell sh, Cmd cmd) {
        return memory(sh, cmd, true);
    }

    private static boolean memory(Shell sh, Cmd cmd, boolean max) {
        boolean config = cmd.has("config");
        boolean live = cmd.has("live");
        boolean current = cmd.has("current");
        if (!sh.exclusive(current, "current", live, "live") || !sh.exclusive(current, "current", config, "config")) {
            return false;
        }
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        Long bytes = sh.optScaled(cmd, "size", 1024);
        if (bytes == null) {
            return false;
        }
        long kib = bytes / 1024 + (bytes % 1024 != 0 ? 1 : 0);
        Set<DomainMemoryFlag> flags = EnumSet.noneOf(DomainMemoryFlag.class);
        if (config) {
            flags.add(DomainMemoryFlag.CONFIG);
        }
        if (live) {
            flags.add(DomainMemoryFlag.LIVE);
        }
        boolean none = !current && !live && !config;
        try {
            if (max) {
                if (none) {
                    dom.setMaxMemory(kib);
                } else {
                    flags.add(DomainMemoryFlag.MAXIMUM);
                    dom.setMemory(kib, flags);
                }
            } else {
                // virDomainSetMemory means "the running domain"
                dom.setMemory(kib, none ? EnumSet.of(DomainMemoryFlag.LIVE) : flags);
            }
        } catch (VirtException e) {
            if (max) {
                return sh.fail(e, "Unable to change MaxMemorySize");
            }
            throw e;
        }
        return true;
    }

    static boolean setvcpus(Shell sh, Cmd cmd) {
        boolean maximum = cmd.has("maximum");
        boolean config = cmd.has("config");
        boolean live = cmd.has("live");
        boolean current = cmd.has("current");
        boolean guest = cmd.has("guest");
        boolean hotpluggable = cmd.has("hotpluggable");
        if (!sh.exclusive(current, "current", live, "live") || !sh.exclusive(current, "current", config, "config")
                || !sh.exclusive(guest, "guest", config, "config")
                || !sh.exclusive(hotpluggable, "hotpluggable", guest, "guest")
                || !sh.requires(maximum, "maximum", config, "config")) {
            return false;
        }
        Set<DomainVcpuFlag> flags = EnumSet.noneOf(DomainVcpuFlag.class);
        if (config) {
            flags.add(DomainVcpuFlag.CONFIG);
        }
        if (live) {
            flags.add(DomainVcpuFlag.LIVE);
        }
        if (guest) {
            flags.add(DomainVcpuFlag.GUEST);
        }
        if (maximum) {
            flags.add(DomainVcpuFlag.MAXIMUM);
        }
        if (hotpluggable) {
            flags.add(DomainVcpuFlag.HOTPLUGGABLE);
        }
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        Integer count = sh.optUInt(cmd, "count");
        if (count == null) {
            return false;
        }
        if (count == 0) {
            // virsh's own check, made before any API call (even on a read-only connection)
            sh.error("Can't set 0 processors for a VM");
            return false;
        }
        // virDomainSetVcpus means "the running domain"
        dom.setVcpus(count, !current && flags.isEmpty() ? EnumSet.of(DomainVcpuFlag.LIVE) : flags);
        return true;
    }

    // ---- information ----

    static boolean domid(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd, Shell.BY_NAME | Shell.BY_UUID);
        if (dom == null) {
            return false;
        }
        int id = dom.getID();
        sh.print((id == -1 ? "-" : Integer.toString(id)) + "\n");
        return true;
    }

    static boolean domname(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd, Shell.BY_ID | Shell.BY_UUID);
        if (dom == null) {
            return false;
        }
        sh.print(dom.getName() + "\n");
        return true;
    }

    static boolean domuuid(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd, Shell.BY_ID | Shell.BY_NAME);
        if (dom == null) {
            return false;
        }
        sh.print(dom.getUUID() + "\n");
        return true;
    }

    /** {@code domxml-to-native FORMAT [--xml] FILE | --domain DOM}: the hypervisor's native form of domain XML. */
    static boolean domxmlToNative(Shell sh, Cmd cmd) {
        String format = cmd.get("format");
        String xml;
        if (cmd.has("domain")) {
            if (cmd.has("xml")) {
                sh.error("Options --domain and --xml are mutually exclusive");
                return false;
            }
            Domain dom = sh.domain(cmd);
            if (dom == null) {
                return false;
            }
            xml = dom.getXMLDesc(EnumSet.noneOf(DomainXmlFlag.class));
        } else if (cmd.has("xml")) {
            xml = readFile(sh, cmd.get("xml"));
            if (xml == null) {
                return false;
            }
        } else {
            sh.error("Exactly one of --domain or --xml is required");
            return false;
        }
        String nativeConfig;
        try {
            nativeConfig = sh.conn.domainXmlToNative(format, xml);
        } catch (VirtException e) {
            sh.setLastError(e);
            return false;
        }
        sh.print(nativeConfig.endsWith("\n") ? nativeConfig : nativeConfig + "\n");
        return true;
    }

    static boolean dumpxml(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        if (cmd.has("xpath")) {
            throw sh.noSupport("dumpxml --xpath");
        }
        Set<DomainXmlFlag> flags = EnumSet.noneOf(DomainXmlFlag.class);
        if (cmd.has("inactive")) {
            flags.add(DomainXmlFlag.INACTIVE);
        }
        if (cmd.has("security-info")) {
            flags.add(DomainXmlFlag.SECURE);
        }
        if (cmd.has("update-cpu")) {
            flags.add(DomainXmlFlag.UPDATE_CPU);
        }
        if (cmd.has("migratable")) {
            flags.add(DomainXmlFlag.MIGRATABLE);
        }
        sh.print(dom.getXMLDesc(flags));
        return true;
    }

    static boolean domstate(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        DomainStateInfo st = dom.getState();
        if (cmd.has("reason")) {
            sh.print(stateName(st.state()) + " (" + reasonName(st.reason()) + ")\n");
        } else {
            sh.print(stateName(st.state()) + "\n");
        }
        return true;
    }

    static boolean dominfo(Shell sh, Cmd cmd) {
        Domain dom = sh.domain(cmd);
        if (dom == null) {
            return false;
        }
        boolean ret = true;
        StringBuilder b = new StringBuilder();
        int id = dom.getID();
        b.append(field("Id:", id == -1 ? "-" : Integer.toString(id)));
        b.append(field("Name:", dom.getName()));
        b.append(field("UUID:", dom.getUUID().toString()));
        try {
            b.append(field("OS Type:", dom.getOSType()));
        } catch (VirtException e) {
            sh.setLastError(e);
        }
        try {
            DomainInfo info = dom.getInfo();
            b.append(field("State:", stateName(info.state())));
            b.append(field("CPU(s):", Integer.toString(info.vcpus())));
            if (info.cpuTimeNanos() != 0) {
                double used = info.cpuTimeNanos() / 1000000000.0;
                b.append(field("CPU time:", Numbers.fixed(used, 1) + "s"));
            }
            b.append(field("Max memory:", info.maxMemoryKiB() == 0xFFFFFFFFL ? "no limit"
                    : Long.toUnsignedString(info.maxMemoryKiB()) + " KiB"));
            b.append(field("Used memory:", Long.toUnsignedString(info.memoryKiB()) + " KiB"));
        } catch (VirtException e) {
            sh.setLastError(e);
            ret = false;
        }
        try {
            b.append(field("Persistent:", dom.isPersistent() ? "yes" : "no"));
        } catch (VirtException e) {
            b.append(field("Persistent:", "unknown"));
        }
        try {
            b.append(field("Autostart:", dom.getAutostart() ? "enable" : "disable"));
        } catch (VirtException e) {
            sh.setLastError(e);
        }
        try {
            b.append(field("Managed save:", dom.hasManagedSaveImage() ? "yes" : "no"));
        } catch (VirtException e) {
            b.append(field("Managed save:", "unknown"));
        }
        SecurityModel model = null;
        try {
            model = sh.conn.getSecurityModel();
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                sh.print(b.toString());
                throw e;
            }
        }
        if (model != null && model.model() != null && !model.model().isEmpty()) {
            b.append(field("Security model:", model.model()));
            b.append(field("Security DOI:", model.doi() == null ? "" : model.doi()));
            // security labels are only valid for active domains
            SecurityLabel label = null;
            if (id != -1) {
                try {
                    label = dom.getSecurityLabel();
                } catch (VirtException e) {
                    sh.print(b.toString());
                    throw e;
                }
            }
            if (label != null && label.label() != null && !label.label().isEmpty()) {
                b.append(Numbers.padRight("Security label:", 15)).append(' ').append(label.label())
                        .append(label.enforcing() ? " (enforcing)\n" : " (permissive)\n");
            }
        }
        sh.print(b.toString());
        return ret;
    }

    // ---- list ----

    /** virsh's order: running domains by id, then inactive ones by name ignoring case. */
    static final Comparator<Domain> ORDER = new Comparator<>() {
        @Override
        public int compare(Domain a, Domain b) {
            int ia = a.getID();
            int ib = b.getID();
            if (ia == -1 && ib == -1) {
                return a.getName().compareToIgnoreCase(b.getName());
            }
            if (ia != -1 && ib != -1) {
                return Integer.compare(ia, ib);
            }
            return ia != -1 ? -1 : 1;
        }
    };

    static boolean list(Shell sh, Cmd cmd) {
        boolean managed = cmd.has("managed-save");
        boolean title = cmd.has("title");
        boolean table = cmd.has("table");
        boolean optUuid = cmd.has("uuid");
        boolean optName = cmd.has("name");
        boolean optId = cmd.has("id");
        Set<ListDomainsFlag> flags = EnumSet.of(ListDomainsFlag.ACTIVE);
        if (cmd.has("inactive") || cmd.has("state-shutoff")) {
            flags = EnumSet.of(ListDomainsFlag.INACTIVE);
        }
        if (cmd.has("all")) {
            flags = EnumSet.of(ListDomainsFlag.ACTIVE, ListDomainsFlag.INACTIVE);
        }
        String[][] filters = {
            {"persistent", "PERSISTENT"}, {"transient", "TRANSIENT"},
            {"with-managed-save", "MANAGEDSAVE"}, {"without-managed-save", "NO_MANAGEDSAVE"},
            {"autostart", "AUTOSTART"}, {"no-autostart", "NO_AUTOSTART"},
            {"with-snapshot", "HAS_SNAPSHOT"}, {"without-snapshot", "NO_SNAPSHOT"},
            {"with-checkpoint", "HAS_CHECKPOINT"}, {"without-checkpoint", "NO_CHECKPOINT"},
            {"state-running", "RUNNING"}, {"state-paused", "PAUSED"},
            {"state-shutoff", "SHUTOFF"}, {"state-other", "OTHER"},
        };
        for (String[] f : filters) {
            if (cmd.has(f[0])) {
                flags.add(ListDomainsFlag.valueOf(f[1]));
            }
        }
        if (!sh.exclusive(cmd, "table", "name") || !sh.exclusive(cmd, "table", "uuid")
                || !sh.exclusive(cmd, "table", "id")) {
            return false;
        }
        if (!optUuid && !optName && !optId) {
            table = true;
        }
        List<Domain> doms = new ArrayList<>(sh.conn.listAllDomains(flags));
        doms.sort(ORDER);
        Table t = null;
        if (table) {
            t = title ? new Table("Id", "Name", "State", "Title") : new Table("Id", "Name", "State");
        }
        StringBuilder b = new StringBuilder();
        for (Domain d : doms) {
            int id = d.getID();
            String idStr = id == -1 ? "-" : Integer.toString(id);
            if (table) {
                DomainState st;
                try {
                    st = d.getState().state();
                } catch (VirtException e) {
                    continue;
                }
                boolean saved = false;
                if (managed && st == DomainState.SHUTOFF) {
                    try {
                        saved = d.hasManagedSaveImage();
                    } catch (VirtException e) {
                        saved = false;
                    }
                }
                String state = saved ? "saved" : stateName(st);
                if (title) {
                    t.add(idStr, d.getName(), state, titleOf(d));
                } else {
                    t.add(idStr, d.getName(), state);
                }
            } else {
                String sep = "";
                if (optUuid) {
                    b.append(d.getUUID());
                    sep = " ";
                }
                if (optId) {
                    if (id == -1 && !optUuid && !optName) {
                        continue;
                    }
                    b.append(sep).append(idStr);
                    sep = " ";
                }
                if (optName) {
                    b.append(sep).append(d.getName());
                }
                b.append('\n');
            }
        }
        sh.print(table ? t.format(!sh.quiet) : b.toString());
        return true;
    }

    /** The domain's title, from its XML (first line only, as virsh shows it). */
    private static String titleOf(Domain d) {
        String xml = d.getXMLDesc(EnumSet.noneOf(DomainXmlFlag.class));
        int s = xml.indexOf("<title>");
        int e = xml.indexOf("</title>");
        if (s < 0 || e < s) {
            return "";
        }
        String t = Xml.unescape(xml.substring(s + 7, e));
        int nl = t.indexOf('\n');
        return nl >= 0 ? t.substring(0, nl) + "..." : t;
    }
}
