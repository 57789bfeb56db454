package org.jvirt.rpc.xdr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Decodes XDR as libvirt sends it, from a byte range. Every length is checked against the bytes
 * left and the declared maximum before anything is allocated; a violation, or an optional flag
 * other than 0 or 1, fails with {@link ErrorCode#RPC} "Unable to decode message payload"-style
 * errors. Not thread-safe.
 */
public final class XdrReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    /**
     * A reader over part of an array.
     *
     * @param buf the bytes
     * @param off the first byte
     * @param len how many bytes
     */
    public XdrReader(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    /** A reader over a whole array. */
    public XdrReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    private void need(long n) {
        if (n < 0 || pos + n > end) {
            throw bad("need " + n + " bytes, " + (end - pos) + " left");
        }
    }

    /** Reads an {@code int}. */
    public int readInt() {
        need(4);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    /** Reads a {@code hyper}. */
    public long readLong() {
        long hi = readInt();
        long lo = readInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** Reads a {@code double}. */
    public double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** Reads a {@code bool}. */
    public boolean readBoolean() {
        int v = readInt();
        if (v != 0 && v != 1) {
            throw bad("boolean " + v);
        }
        return v == 1;
    }

    /** Reads the flag of an optional value; anything but 0 or 1 is an error. */
    public boolean readPresent() {
        int v = readInt();
        if (v != 0 && v != 1) {
            throw bad("optional-data flag " + v);
        }
        return v == 1;
    }

    /** Reads a {@code string<max>}. */
    public String readString(int max) {
        byte[] b = readVarOpaque(max);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Reads a {@code remote_nonnull_string}. */
    public String readString() {
        return readString(XdrLimits.STRING_MAX);
    }

    /** Reads a {@code remote_string}. */
    public String readOptionalString() {
        return readPresent() ? readString() : null;
    }

    /** Reads an {@code opaque x[n]}. */
    public byte[] readFixedOpaque(int n) {
        int padded = (n + 3) & ~3;
        need(padded);
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += padded;
        return b;
    }

    /** Reads an {@code opaque x<max>}. */
    public byte[] readVarOpaque(int max) {
        int n = readInt();
        if (n < 0 || (n & 0xffffffffL) > max) {
            throw bad("length " + (n & 0xffffffffL) + " exceeds maximum " + max);
        }
        return readFixedOpaque(n);
    }

    /** Reads a {@code remote_uuid}. */
    public UUID readUuid() {
        return new UUID(readLong(), readLong());
    }

    /** Reads a {@code char x<max>}: one byte per 4-byte word. */
    public byte[] readCharArray(int max) {
        int n = readCount(max);
        return readFixedCharArray(n);
    }

    /** Reads a {@code char x[n]}. */
    public byte[] readFixedCharArray(int n) {
        need(4L * n);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) readInt();
        }
        return b;
    }

    /** Reads a list count and checks it against its maximum and the bytes left (each element is at least 4 bytes). */
    public int readCount(int max) {
        int n = readInt();
        if (n < 0 || n > max) {
            throw bad("array length " + (n & 0xffffffffL) + " exceeds maximum " + max);
        }
        need(0);
        return n;
    }

    /** The bytes not read yet. */
    public int remaining() {
        return end - pos;
    }

    /** The current position in the array. */
    public int position() {
        return pos;
    }

    private static VirtException bad(String why) {
        return new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                "Unable to decode message payload: " + why));
    }
}
