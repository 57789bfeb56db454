package org.jvirt.rpc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.xdr.XdrLimits;
import org.jvirt.rpc.xdr.XdrReader;
import org.jvirt.rpc.xdr.XdrWriter;

/**
 * One framed message: header plus payload bytes, and the framing itself: a 4-byte length word
 * counting itself, the 24-byte header, then the payload. {@link #read} refuses a length word
 * under 28 or over {@link XdrLimits#MESSAGE_MAX} + 4 before allocating anything.
 *
 * @param header the header
 * @param payload the payload (XDR, or raw stream data), never {@code null}
 */
public record Packet(Header header, byte[] payload) {
    /** Smallest legal length word: the length word and the header. */
    public static final int MIN_LENGTH = XdrLimits.LEN_MAX + XdrLimits.HEADER_MAX;
    /** Largest legal length word. */
    public static final int MAX_LENGTH = XdrLimits.LEN_MAX + XdrLimits.MESSAGE_MAX;

    /** Checks arguments. */
    public Packet {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
    }

    /** A reader over the payload. */
    public XdrReader reader() {
        return new XdrReader(payload);
    }

    /**
     * Frames a header and payload into the bytes to send in one write.
     *
     * @param header the header
     * @param payload the payload bytes
     * @param off where they start
     * @param len how many
     * @return the whole message, length word first
     * @throws VirtException {@link ErrorCode#RPC} if it would exceed the message limit
     */
    public static byte[] frame(Header header, byte[] payload, int off, int len) {
        long total = (long) MIN_LENGTH + len;
        if (total > MAX_LENGTH) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                    "message length " + total + " exceeds maximum " + MAX_LENGTH));
        }
        XdrWriter w = new XdrWriter((int) total);
        w.writeInt((int) total);
        writeHeader(w, header);
        w.writeRaw(payload, off, len);
        return w.buffer().length == total ? w.buffer() : w.toByteArray();
    }

    /** Frames this packet. */
    public byte[] frame() {
        return frame(header, payload, 0, payload.length);
    }

    /**
     * Starts a message in a writer: a placeholder length word and the header. Encode the payload
     * into the same writer, then call {@link #finish}.
     *
     * @param header the header
     * @return the writer
     */
    public static XdrWriter start(Header header) {
        XdrWriter w = new XdrWriter();
        w.writeInt(0);
        writeHeader(w, header);
        return w;
    }

    /**
     * Fills in the length word of a message begun with {@link #start}.
     *
     * @param w the writer
     * @return the whole message
     */
    public static byte[] finish(XdrWriter w) {
        w.putInt(0, w.position());
        return w.toByteArray();
    }

    private static void writeHeader(XdrWriter w, Header h) {
        w.writeInt(h.program());
        w.writeInt(h.version());
        w.writeInt(h.procedure());
        w.writeInt(h.type().number());
        w.writeInt(h.serial());
        w.writeInt(h.status().number());
    }

    /**
     * Parses a header.
     *
     * @param r a reader at the header
     * @return the header
     * @throws VirtException {@link ErrorCode#RPC} for an unknown type or status
     */
    public static Header readHeader(XdrReader r) {
        int prog = r.readInt();
        int vers = r.readInt();
        int proc = r.readInt();
        int type = r.readInt();
        int serial = r.readInt();
        int status = r.readInt();
        MessageType t = MessageType.fromNumber(type);
        MessageStatus s = MessageStatus.fromNumber(status);
        if (t == null) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format("Unexpected message type " + type));
        }
        if (s == null) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format("Unexpected message status " + status));
        }
        return new Header(prog, vers, proc, t, serial, s);
    }

    /**
     * Parses a whole framed message.
     *
     * @param message the bytes, length word first
     * @return the packet
     */
    public static Packet parse(byte[] message) {
        XdrReader r = new XdrReader(message);
        int len = r.readInt();
        checkLength(len);
        if (len != message.length) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                    "length word " + len + " does not match " + message.length + " bytes"));
        }
        Header h = readHeader(r);
        byte[] payload = java.util.Arrays.copyOfRange(message, MIN_LENGTH, message.length);
        return new Packet(h, payload);
    }

    /**
     * Reads one message from a stream.
     *
     * @param in the stream
     * @return the packet, or {@code null} at a clean end of stream (before its first byte)
     * @throws IOException on I/O failure or a stream that ends inside a message
     * @throws VirtException {@link ErrorCode#RPC} for a length word out of bounds, or a bad header
     */
    public static Packet read(InputStream in) throws IOException {
        byte[] lenBytes = new byte[4];
        int got = readFully(in, lenBytes, 0, 4);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            throw new EOFException("connection closed inside a message length word");
        }
        int len = ((lenBytes[0] & 0xff) << 24) | ((lenBytes[1] & 0xff) << 16) | ((lenBytes[2] & 0xff) << 8)
                | (lenBytes[3] & 0xff);
        checkLength(len);
        byte[] rest = new byte[len - 4];
        if (readFully(in, rest, 0, rest.length) < rest.length) {
            throw new EOFException("connection closed inside a message of " + len + " bytes");
        }
        XdrReader r = new XdrReader(rest);
        Header h = readHeader(r);
        byte[] payload = java.util.Arrays.copyOfRange(rest, XdrLimits.HEADER_MAX, rest.length);
        return new Packet(h, payload);
    }

    /**
     * Checks a length word.
     *
     * @param len the length word
     * @throws VirtException {@link ErrorCode#RPC} if it is under 28 or over 33554436
     */
    public static void checkLength(int len) {
        if (len < MIN_LENGTH || len > MAX_LENGTH) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                    "packet length " + (len & 0xffffffffL) + " is out of range " + MIN_LENGTH + ".." + MAX_LENGTH));
        }
    }

    private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = in.read(b, off + n, len - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    /**
     * Writes a framed message in one call.
     *
     * @param out the stream
     * @param message the bytes from {@link #frame} or {@link #finish}
     * @throws IOException on failure
     */
    public static void write(OutputStream out, byte[] message) throws IOException {
        out.write(message);
        out.flush();
    }

    @Override
    public String toString() {
        return header + " " + payload.length + " bytes";
    }
}
