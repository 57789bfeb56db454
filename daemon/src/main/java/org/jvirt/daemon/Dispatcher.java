package org.jvirt.daemon;

import java.util.HashMap;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.QemuProgram;
import org.jvirt.rpc.RemoteError;
import org.jvirt.rpc.RemoteProgram;
import org.jvirt.rpc.Struct;
import org.jvirt.rpc.StructType;
import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatch generic over the procedure tables: finds the procedure by program and number, decodes
 * its arguments by the table's layout, applies libvirtd's connection state machine (auth, then
 * CONNECT_OPEN, then anything) and the read-only rule, calls the procedure's handler and encodes its
 * result by the table's layout. Handlers ({@link Handlers}) only map onto the {@code api}
 * interfaces. Immutable after construction; thread-safe.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** A procedure's implementation: arguments in, result field values out ({@code null} for void). */
    @FunctionalInterface
    interface Handler {
        Object[] call(Client c, Struct args);
    }

    /**
     * A registered procedure.
     *
     * @param proc the procedure
     * @param handler its handler
     * @param mutatingApi for a state-changing procedure, libvirt's API name (refused on read-only clients)
     * @param error set instead when the program or procedure is unknown
     */
    record Target(Procedure proc, Handler handler, String mutatingApi, RemoteError error) {
    }

    private final Map<Long, Target> targets = new HashMap<>();

    Dispatcher() {
        Handlers.register(this);
    }

    void register(Procedure p, Handler h) {
        put(new Target(p, h, null, null));
    }

    void registerMutating(Procedure p, String api, Handler h) {
        put(new Target(p, h, api, null));
    }

    private void put(Target t) {
        if (targets.put(key(t.proc.program().number(), t.proc.number()), t) != null) {
            throw new IllegalStateException("two handlers for " + t.proc);
        }
    }

    private static long key(int prog, int proc) {
        return ((long) prog << 32) | (proc & 0xffffffffL);
    }

    /** The target for a call, or one carrying libvirtd's error for an unknown program or procedure. */
    Target target(int prog, int vers, int proc) {
        boolean known = (prog == Program.REMOTE.number() && vers == Program.REMOTE.version())
                || (prog == Program.QEMU.number() && vers == Program.QEMU.version());
        if (!known) {
            return new Target(null, null, null, rpcError("Cannot find program " + Integer.toUnsignedString(prog)
                    + " version " + Integer.toUnsignedString(vers)));
        }
        Target t = targets.get(key(prog, proc));
        if (t == null) {
            return new Target(null, null, null, RemoteError.unknownProcedure(proc));
        }
        return t;
    }

    /** Whether the table knows this procedure (for tests). */
    boolean has(Procedure p) {
        return targets.containsKey(key(p.program().number(), p.number()));
    }

    /** Runs one call on a worker and writes its reply. */
    void call(Client c, Header h, Target t, byte[] msg) {
        Procedure p = t.proc;
        Struct args;
        try {
            // libvirtd ignores bytes after the arguments, so no "fully consumed" check.
            args = p.args().decode(new XdrReader(msg, 24, msg.length - 24));
        } catch (RuntimeException e) {
            LOG.debug("client {}: {} args: {}", c.id, p, e.toString());
            c.sendError(h, rpcError("Unable to decode message payload"));
            return;
        }
        boolean closeAfter = false;
        byte[] reply;
        try {
            check(c, p, t);
            Object[] ret = t.handler.call(c, args);
            XdrWriter w = Packet.start(h.with(MessageType.REPLY, MessageStatus.OK));
            StructType rt = p.ret();
            if (!rt.isVoid()) {
                rt.encode(w, rt.of(ret));
            }
            reply = Packet.finish(w);
            closeAfter = p == RemoteProgram.CONNECT_CLOSE;
        } catch (VirtException e) {
            reply = errorReply(h, toRemote(e));
        } catch (RuntimeException e) {
            LOG.warn("client {}: {} failed", c.id, p, e);
            reply = errorReply(h, new RemoteError(ErrorCode.INTERNAL_ERROR.number(), ErrorDomain.RPC.number(),
                    "internal error: " + e, RemoteError.LEVEL_ERROR, "internal error: %s", String.valueOf(e), null,
                    -1, -1));
        }
        if (reply.length > Packet.MAX_LENGTH) {
            reply = errorReply(h, rpcError("reply too large"));
        }
        c.send(reply);
        if (closeAfter) {
            c.close();
        }
    }

    private static void check(Client c, Procedure p, Target t) {
        boolean authProc = p.program() == Program.REMOTE && p.number() >= 66 && p.number() <= 70;
        if (!c.isAuthenticated() && !authProc) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, "authentication required");
        }
        if (c.hv() == null && !authProc && p != RemoteProgram.CONNECT_OPEN
                && p != RemoteProgram.CONNECT_SUPPORTS_FEATURE) {
            throw notOpen();
        }
        if (t.mutatingApi != null && c.isReadOnly()) {
            throw denied(p, "read only access prevents " + t.mutatingApi);
        }
    }

    static VirtException notOpen() {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                ErrorCode.INTERNAL_ERROR.format("hypervisor connection not open"));
    }

    /** OPERATION_DENIED in the error domain of the procedure's object, as libvirt's public API raises it. */
    static VirtException denied(Procedure p, String what) {
        String n = p.name();
        ErrorDomain d = n.startsWith("DOMAIN_") ? ErrorDomain.DOMAIN
                : n.startsWith("STORAGE_") ? ErrorDomain.STORAGE
                : n.startsWith("NETWORK_") ? ErrorDomain.NETWORK : ErrorDomain.NONE;
        return new VirtException(ErrorCode.OPERATION_DENIED, d, ErrorCode.OPERATION_DENIED.format(what));
    }

    private static byte[] errorReply(Header h, RemoteError err) {
        XdrWriter w = Packet.start(h.with(MessageType.REPLY, MessageStatus.ERROR));
        err.encode(w);
        return Packet.finish(w);
    }

    /** An RPC-domain error shaped as libvirtd sends it (message without a prefix). */
    static RemoteError rpcError(String msg) {
        return new RemoteError(ErrorCode.RPC.number(), ErrorDomain.RPC.number(), msg, RemoteError.LEVEL_ERROR, "%s",
                msg, null, -1, -1);
    }

    /**
     * The wire error for an exception. jvirt's "not supported" messages name the driver after
     * libvirt's text; on the wire the text is libvirt's alone, so clients print what libvirtd makes them print.
     */
    static RemoteError toRemote(VirtException e) {
        String msg = e.getMessage();
        if (e.code() == ErrorCode.NO_SUPPORT && msg != null) {
            int i = msg.lastIndexOf(" (driver '");
            if (i > 0 && msg.endsWith("')")) {
                msg = msg.substring(0, i);
            }
        }
        if (e.code() == ErrorCode.RPC && msg != null && msg.startsWith("RPC error: ")) {
            msg = msg.substring("RPC error: ".length());
        }
        if (msg == null) {
            msg = e.code().format(null);
        }
        // libvirt sends the code's format in str1 and the detail in str2 ("internal error: %s", "...").
        String str1 = "%s";
        String str2 = msg;
        if (e.code() != ErrorCode.RPC && msg.equals(e.code().format(null))) {
            str1 = msg; // libvirt's bare form ("Domain not found"): the format alone, no argument
            str2 = null;
        } else if (e.code() != ErrorCode.RPC) {
            String tmpl = e.code().format("\u0000");
            int at = tmpl.indexOf('\u0000');
            if (at >= 0) {
                String prefix = tmpl.substring(0, at);
                String suffix = tmpl.substring(at + 1);
                if (msg.length() >= prefix.length() + suffix.length() && msg.startsWith(prefix) && msg.endsWith(suffix)
                        && !prefix.isEmpty()) {
                    str1 = prefix + "%s" + suffix;
                    str2 = msg.substring(prefix.length(), msg.length() - suffix.length());
                }
            }
        }
        return new RemoteError(e.code().number(), e.domain().number(), msg, RemoteError.LEVEL_ERROR, str1, str2, null,
                -1, -1);
    }

    /** The QEMU program's table, referenced so the program is known to the dispatcher. */
    static final Object QEMU_TABLE = QemuProgram.TABLE;
}
