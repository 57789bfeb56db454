package org.jvirt.rpc;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrWriter;

/**
 * libvirt's {@code remote_error} ({@code virNetMessageError}): the payload of a failed reply,
 * and its mapping to and from {@link VirtException} with code and domain numbers 1:1 and the
 * message as libvirt sent it.
 *
 * @param code a {@code virErrorNumber}
 * @param domain a {@code virErrorDomain}
 * @param message the text, may be {@code null}
 * @param level 0 none, 1 warning, 2 error
 * @param str1 the message format (libvirtd puts e.g. {@code "%s"} here), may be {@code null}
 * @param str2 usually the message's argument, may be {@code null}
 * @param str3 usually {@code null}
 * @param int1 usually -1
 * @param int2 usually -1
 */
public record RemoteError(int code, int domain, String message, int level, String str1, String str2, String str3,
                          int int1, int int2) {

    /** {@code VIR_ERR_ERROR}, the level libvirtd sends. */
    public static final int LEVEL_ERROR = 2;

    private static final StructType TYPE = Types.struct("error");

    /** Decodes one from a failed reply's payload. */
    public static RemoteError decode(XdrReader r) {
        Struct s = TYPE.decode(r);
        return new RemoteError(s.i32("code"), s.i32("domain"), s.str("message"), s.i32("level"), s.str("str1"),
                s.str("str2"), s.str("str3"), s.i32("int1"), s.i32("int2"));
    }

    /** Encodes it (the {@code dom} and {@code net} fields are always NULL, as libvirtd sends them). */
    public void encode(XdrWriter w) {
        TYPE.encode(w, TYPE.of(code, domain, message, level, null, str1, str2, str3, int1, int2, null));
    }

    /**
     * The error a server sends for an exception: code, domain and message as they are, with the
     * shape libvirtd gives them ({@code str1 = "%s"}, {@code str2} = the message, ints -1).
     *
     * @param e the exception
     * @return the error
     */
    public static RemoteError of(VirtException e) {
        String msg = e.getMessage() == null ? e.code().format(null) : e.getMessage();
        return new RemoteError(e.code().number(), e.domain().number(), msg, LEVEL_ERROR, "%s", msg, null, -1, -1);
    }

    /**
     * libvirtd's "unknown procedure" error, which libvirt's client turns into NO_SUPPORT.
     *
     * @param proc the procedure number
     * @return the error
     */
    public static RemoteError unknownProcedure(int proc) {
        String msg = "unknown procedure: " + proc;
        return new RemoteError(ErrorCode.RPC.number(), ErrorDomain.RPC.number(), msg, LEVEL_ERROR, "%s", msg, null,
                -1, -1);
    }

    /**
     * The exception for this error. As libvirt's client does, an "unknown procedure" RPC error
     * from the RPC or remote domain becomes {@link ErrorCode#NO_SUPPORT}.
     *
     * @return the exception
     */
    public VirtException toException() {
        ErrorCode c = ErrorCode.fromNumber(code);
        ErrorDomain d = ErrorDomain.fromNumber(domain);
        String msg = message != null ? message : c.format(null);
        if (code == ErrorCode.RPC.number() && level == LEVEL_ERROR
                && (domain == ErrorDomain.RPC.number() || domain == ErrorDomain.REMOTE.number())
                && message != null && message.startsWith("unknown procedure")) {
            c = ErrorCode.NO_SUPPORT;
        }
        return new VirtException(c, d, msg);
    }
}
