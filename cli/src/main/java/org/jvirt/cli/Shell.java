package org.jvirt.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Network;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.core.Virt;

/**
 * The shell's state, as virsh's {@code vshControl}: output streams, quiet and interactive mode,
 * the connection and its URI, and the "last error" that virsh prints when a command fails. All
 * error output goes through {@link #error} so it reads {@code error: MESSAGE} as virsh's does.
 */
final class Shell {
    static final int BY_ID = 1;
    static final int BY_UUID = 2;
    static final int BY_NAME = 4;

    final PrintStream out;
    final PrintStream err;
    boolean quiet;
    boolean interactive;
    boolean readonly;
    /** Print the time each command took ({@code -t}). */
    boolean timing;
    /** The URI given with -c or the last successful connect; {@code null} for the default. */
    String connName;
    Connect conn;
    /** The libvirt error of the running command, printed once it fails. */
    private String lastError;

    Shell(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    // ---- output ----

    void print(String s) {
        out.print(s);
    }

    /** Output that quiet mode suppresses ({@code vshPrintExtra}). */
    void printExtra(String s) {
        if (!quiet) {
            out.print(s);
        }
    }

    /** An error line ({@code vshError}). */
    void error(String msg) {
        out.flush();
        err.print("error: " + msg + "\n");
        err.flush();
    }

    /** Records a library error, to be printed when the command fails. */
    void setLastError(VirtException e) {
        lastError = e.getMessage();
    }

    void setLastError(String message) {
        lastError = message;
    }

    void resetLastError() {
        lastError = null;
    }

    /** Prints the recorded library error, if any ({@code vshReportError}). */
    void reportError() {
        if (lastError != null) {
            error(lastError);
        }
        lastError = null;
    }

    /** Reports {@code msg}, records {@code e}, and returns {@code false} for the handler to return. */
    boolean fail(VirtException e, String msg) {
        error(msg);
        setLastError(e);
        return false;
    }

    // ---- connection ----

    /**
     * (Re)connects, as virsh's {@code virshReconnect}: closes the current connection first, so
     * that state of a driver that lives per connection is dropped.
     */
    boolean reconnect(String name, boolean ro, boolean force) {
        boolean connected = false;
        if (!ro && name == null) {
            ro = readonly;
        }
        if (conn != null) {
            connected = true;
            try {
                conn.close();
            } catch (RuntimeException e) {
                error("Failed to disconnect from the hypervisor");
            }
            conn = null;
        }
        String uri = name != null ? name : connName;
        try {
            conn = ro ? Virt.openReadOnly(uri) : Virt.open(uri);
        } catch (VirtException e) {
            setLastError(e);
        } catch (RuntimeException | java.util.ServiceConfigurationError e) {
            setLastError("internal error: " + e);
        }
        if (conn == null) {
            error("failed to connect to the hypervisor");
            return false;
        }
        if (name != null) {
            connName = name;
        }
        readonly = ro;
        if (connected && !force) {
            error("Reconnected to the hypervisor");
        }
        return true;
    }

    /** Closes the connection, if any. */
    void disconnect() {
        if (conn != null) {
            try {
                conn.close();
            } catch (RuntimeException e) {
                error("Failed to disconnect from the hypervisor");
            }
            conn = null;
        }
    }

    // ---- running commands ----

    /** Runs parsed commands in order ({@code vshCommandRun}); the result is the last command's. */
    boolean run(List<Cmd> cmds) {
        boolean ret = true;
        for (Cmd cmd : cmds) {
            long before = System.nanoTime();
            if (cmd.def.noConnect() || conn != null || reconnect(null, false, false)) {
                try {
                    ret = Commands.run(this, cmd);
                } catch (VirtException e) {
                    setLastError(e);
                    ret = false;
                } catch (RuntimeException e) {
                    setLastError("internal error: " + e);
                    ret = false;
                }
            } else {
                ret = false;
            }
            if (!ret) {
                reportError();
            }
            resetLastError();
            String n = cmd.def.name();
            if (n.equals("quit") || n.equals("exit")) {
                return ret;
            }
            if (timing) {
                print("\n(Time: " + Numbers.fixed((System.nanoTime() - before) / 1e6, 3) + " ms)\n\n");
            } else {
                printExtra("\n");
            }
        }
        return ret;
    }

    // ---- option helpers shared by commands ----

    /** The option's value or {@code null}. */
    static String opt(Cmd cmd, String name) {
        return cmd.get(name);
    }

    /** {@code VSH_EXCLUSIVE_OPTIONS}: reports and returns false when both are given. */
    boolean exclusive(Cmd cmd, String a, String b) {
        return exclusive(cmd.has(a), a, cmd.has(b), b);
    }

    boolean exclusive(boolean hasA, String a, boolean hasB, String b) {
        if (hasA && hasB) {
            error("Options --" + a + " and --" + b + " are mutually exclusive");
            return false;
        }
        return true;
    }

    /** {@code VSH_REQUIRE_OPTION}: reports and returns false when {@code a} is given without {@code b}. */
    boolean requires(boolean hasA, String a, boolean hasB, String b) {
        if (hasA && !hasB) {
            error("Option --" + b + " is required by option --" + a);
            return false;
        }
        return true;
    }

    /** An unsigned int option ({@code vshCommandOptUInt}); {@code null} after a reported error. */
    Integer optUInt(Cmd cmd, String name) {
        String s = cmd.get(name);
        Long v = Numbers.parseUnsigned(s);
        if (v == null || v > 0xFFFFFFFFL) {
            error("Numeric value '" + s + "' for <" + name + "> option is malformed or out of range");
            return null;
        }
        return (int) (long) v;
    }

    /**
     * A scaled size option in bytes ({@code vshCommandOptScaledInt}), with {@code scale} the unit of
     * a bare number; {@code null} after a reported error (the library's detail becomes the last error).
     */
    Long optScaled(Cmd cmd, String name, long scale) {
        String s = cmd.get(name);
        String[] detail = new String[1];
        Long v = Numbers.parseScaled(s, scale, detail);
        if (v == null) {
            error("Scaled numeric value '" + s + "' for <" + name + "> option is malformed or out of range");
            if (detail[0] != null) {
                setLastError(detail[0]);
            }
            return null;
        }
        return v;
    }

    // ---- lookups ----

    /** The domain named by the "domain" option, by id, UUID, then name ({@code virshCommandOptDomainBy}). */
    Domain domain(Cmd cmd, int by) {
        String n = cmd.get("domain");
        if (n == null) {
            return null;
        }
        Domain dom = null;
        try {
            if ((by & BY_ID) != 0) {
                Integer id = Numbers.parseInt(n);
                if (id != null && id >= 0) {
                    dom = conn.findDomainById(id).orElse(null);
                }
            }
        } catch (VirtException e) {
            dom = null;
        }
        try {
            if (dom == null && (by & BY_UUID) != 0 && n.length() == 36) {
                UUID u = parseUuid(n);
                if (u != null) {
                    dom = conn.findDomainByUUID(u).orElse(null);
                }
            }
        } catch (VirtException e) {
            dom = null;
        }
        try {
            if (dom == null && (by & BY_NAME) != 0) {
                dom = conn.findDomainByName(n).orElse(null);
            }
        } catch (VirtException e) {
            dom = null;
        }
        resetLastError();
        if (dom == null) {
            error("failed to get domain '" + n + "'");
        }
        return dom;
    }

    Domain domain(Cmd cmd) {
        return domain(cmd, BY_ID | BY_UUID | BY_NAME);
    }

    /** The pool named by the "pool" option, by UUID then name; the library's error stays the last error. */
    StoragePool pool(Cmd cmd) {
        return byUuidThenName(cmd, "pool", u -> conn.lookupStoragePoolByUUID(u), n -> conn.lookupStoragePoolByName(n));
    }

    /**
     * The volume named by the "vol" option ({@code virshCommandOptVolBy}): by name in the pool of
     * the "pool" option when given (which must be active), else by key or path on the host; a
     * volume found outside the given pool is refused.
     */
    StorageVol vol(Cmd cmd) {
        String n = cmd.get("vol");
        String p = cmd.get("pool");
        StoragePool pool = null;
        if (p != null) {
            pool = pool(cmd);
            if (pool == null) {
                return null;
            }
            if (!pool.isActive()) {
                error("pool '" + p + "' is not active");
                return null;
            }
        }
        StorageVol vol = null;
        VirtException last = null;
        if (pool != null) {
            try {
                vol = pool.lookupVolume(n);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (vol == null) {
            try {
                vol = conn.lookupStorageVolByPath(n);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (vol == null) {
            error(pool != null ? "failed to get vol '" + n + "'"
                    : "failed to get vol '" + n + "', specifying --pool might help");
            if (last != null) {
                setLastError(last);
            }
            return null;
        }
        resetLastError();
        if (pool != null && !vol.getPool().getName().equals(pool.getName())) {
            error("Requested volume '" + n + "' is not in pool '" + pool.getName() + "'");
            return null;
        }
        return vol;
    }

    /** The network named by the "network" option, by UUID then name. */
    Network network(Cmd cmd) {
        return byUuidThenName(cmd, "network", u -> conn.lookupNetworkByUUID(u), n -> conn.lookupNetworkByName(n));
    }

    /**
     * The object named by {@code option} ({@code virshCommandOptPool}, {@code virshCommandOptNetwork}):
     * a 36-character argument is tried as a UUID first, anything else (or a UUID that finds nothing)
     * as a name. On failure it reports "failed to get OPTION 'ARG'" and keeps the library's last error.
     */
    private <T> T byUuidThenName(Cmd cmd, String option, Function<UUID, T> byUuid, Function<String, T> byName) {
        String n = cmd.get(option);
        T found = null;
        VirtException last = null;
        try {
            if (n.length() == 36) {
                UUID u = parseUuid(n);
                if (u != null) {
                    found = byUuid.apply(u);
                }
            }
        } catch (VirtException e) {
            last = e;
        }
        if (found == null) {
            try {
                found = byName.apply(n);
            } catch (VirtException e) {
                last = e;
            }
        }
        if (found == null) {
            error("failed to get " + option + " '" + n + "'");
            if (last != null) {
                setLastError(last);
            }
        }
        return found;
    }

    /** libvirt's UUID syntax: 32 hex digits, dashes anywhere between byte pairs. */
    static UUID parseUuid(String s) {
        StringBuilder hex = new StringBuilder(32);
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '-') {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                return null;
            }
            hex.append(c);
        }
        if (hex.length() != 32) {
            return null;
        }
        String h = hex.toString().toLowerCase(Locale.ROOT);
        return new UUID(Long.parseUnsignedLong(h.substring(0, 16), 16), Long.parseUnsignedLong(h.substring(16), 16));
    }

    /** A library error for an operation jvirt's API does not offer. */
    VirtException noSupport(String function) {
        return VirtException.noSupport(conn.getType(), function);
    }

    static <T> T orNull(Optional<T> o) {
        return o.orElse(null);
    }

    static VirtException invalidArg(String msg) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, msg);
    }
}
