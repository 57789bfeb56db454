package org.jvirt.rpc;

import java.util.Objects;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrWriter;

/**
 * One procedure of a program: its number, libvirt's name, and the layout of its arguments and
 * result. For an event message ({@link Kind#EVENT}) {@code args} is the message body and
 * {@code ret} is void. Immutable; shared by client and server.
 *
 * @param program the program it belongs to
 * @param number its number within the program
 * @param name libvirt's name without the {@code REMOTE_PROC_} prefix, e.g. {@code DOMAIN_LOOKUP_BY_NAME}
 * @param args the argument struct (void when none)
 * @param ret the result struct (void when none)
 * @param kind a plain call, a call that opens a stream, or an event message
 */
public record Procedure(Program program, int number, String name, StructType args, StructType ret, Kind kind) {

    /** What the procedure is. */
    public enum Kind {
        /** A call with a reply. */
        CALL,
        /** A call whose reply opens a stream the server writes and the client reads (download). */
        READ_STREAM,
        /** A call whose reply opens a stream the client writes and the server reads (upload). */
        WRITE_STREAM,
        /** A message the server sends unasked (an event). */
        EVENT
    }

    /** Checks arguments. */
    public Procedure {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(ret, "ret");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether this procedure opens a stream. */
    public boolean isStream() {
        return kind == Kind.READ_STREAM || kind == Kind.WRITE_STREAM;
    }

    /**
     * Encodes positional arguments after a header.
     *
     * @param w the writer
     * @param values one per argument field
     */
    public void encodeArgs(XdrWriter w, Object... values) {
        if (values.length != args.fields().size()) {
            throw new IllegalArgumentException(name + " takes " + args.fields().size() + " arguments " + args
                    + ", got " + values.length);
        }
        args.encodeValues(w, java.util.Arrays.asList(values));
    }

    /** Decodes the arguments (server side, or the body of an event). */
    public Struct decodeArgs(XdrReader r) {
        return decodeFully(args, r);
    }

    /** Decodes the result. */
    public Struct decodeRet(XdrReader r) {
        return decodeFully(ret, r);
    }

    private Struct decodeFully(StructType t, XdrReader r) {
        Struct s = t.decode(r);
        if (r.remaining() != 0) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                    "Unable to decode message payload: " + r.remaining() + " bytes left over after " + name));
        }
        return s;
    }

    @Override
    public String toString() {
        return program.name() + "." + name + "(" + number + ")";
    }
}
