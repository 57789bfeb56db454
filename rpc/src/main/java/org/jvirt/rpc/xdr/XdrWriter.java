package org.jvirt.rpc.xdr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * Encodes XDR (RFC 4506) as libvirt uses it: big-endian 4-byte units, zero padding. The buffer
 * grows by doubling from {@link XdrLimits#INITIAL} and refuses to grow past its limit
 * (by default {@link XdrLimits#MESSAGE_MAX} plus the length word), so an oversize message fails
 * cleanly with {@link ErrorCode#RPC} instead of reaching the peer. Not thread-safe.
 */
public final class XdrWriter {
    private byte[] buf;
    private int pos;
    private final int limit;

    /** A writer limited to one whole message (length word, header and payload). */
    public XdrWriter() {
        this(XdrLimits.LEN_MAX + XdrLimits.MESSAGE_MAX);
    }

    /**
     * A writer with its own limit.
     *
     * @param limit the most bytes it will hold
     */
    public XdrWriter(int limit) {
        this.limit = limit;
        this.buf = new byte[Math.min(XdrLimits.INITIAL, limit)];
    }

    private void ensure(int more) {
        long need = (long) pos + more;
        if (need > limit) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                    "message length " + need + " exceeds maximum " + limit));
        }
        if (need > buf.length) {
            long size = buf.length;
            while (size < need) {
                size *= 2;
            }
            buf = Arrays.copyOf(buf, (int) Math.min(size, limit));
        }
    }

    /** Writes an {@code int} (also {@code unsigned int}, enums, bools and widened chars/shorts). */
    public XdrWriter writeInt(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    /** Writes a {@code hyper} or {@code unsigned hyper}. */
    public XdrWriter writeLong(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    /** Writes a {@code double}. */
    public XdrWriter writeDouble(double v) {
        return writeLong(Double.doubleToRawLongBits(v));
    }

    /** Writes a {@code bool}. */
    public XdrWriter writeBoolean(boolean v) {
        return writeInt(v ? 1 : 0);
    }

    /**
     * Writes a {@code string<max>}: length, UTF-8 bytes, zero padding.
     *
     * @param s the string, not {@code null}
     * @param max the declared maximum in bytes
     */
    public XdrWriter writeString(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > max) {
            throw tooLong("string", b.length, max);
        }
        return writeVarOpaque(b, max);
    }

    /** Writes a {@code remote_nonnull_string} (at most {@link XdrLimits#STRING_MAX} bytes). */
    public XdrWriter writeString(String s) {
        return writeString(s, XdrLimits.STRING_MAX);
    }

    /** Writes the flag of an optional ({@code T *}) value: 1 when present. */
    public XdrWriter writePresent(boolean present) {
        return writeInt(present ? 1 : 0);
    }

    /** Writes a {@code remote_string}: an optional string. */
    public XdrWriter writeOptionalString(String s) {
        writePresent(s != null);
        return s == null ? this : writeString(s);
    }

    /**
     * Writes an {@code opaque x[n]}: exactly {@code b.length} bytes, padded.
     *
     * @param b the bytes
     */
    public XdrWriter writeFixedOpaque(byte[] b) {
        int padded = (b.length + 3) & ~3;
        ensure(padded);
        System.arraycopy(b, 0, buf, pos, b.length);
        Arrays.fill(buf, pos + b.length, pos + padded, (byte) 0);
        pos += padded;
        return this;
    }

    /**
     * Writes an {@code opaque x<max>}: length, bytes, padding.
     *
     * @param b the bytes
     * @param max the declared maximum
     */
    public XdrWriter writeVarOpaque(byte[] b, int max) {
        if (b.length > max) {
            throw tooLong("opaque", b.length, max);
        }
        writeInt(b.length);
        return writeFixedOpaque(b);
    }

    /** Writes a {@code remote_uuid}: 16 raw bytes. */
    public XdrWriter writeUuid(UUID uuid) {
        ensure(16);
        long hi = uuid.getMostSignificantBits();
        long lo = uuid.getLeastSignificantBits();
        writeLong(hi);
        return writeLong(lo);
    }

    /**
     * Writes a {@code char x<max>}: count, then one byte per 4-byte word (libvirt's XDR of chars).
     *
     * @param b the bytes
     * @param max the declared maximum
     */
    public XdrWriter writeCharArray(byte[] b, int max) {
        if (b.length > max) {
            throw tooLong("char array", b.length, max);
        }
        writeInt(b.length);
        return writeFixedCharArray(b, b.length);
    }

    /**
     * Writes a {@code char x[n]}: {@code n} words, one byte each, zero-filled after {@code b}.
     *
     * @param b the bytes, at most {@code n}
     * @param n the declared size
     */
    public XdrWriter writeFixedCharArray(byte[] b, int n) {
        if (b.length > n) {
            throw tooLong("char array", b.length, n);
        }
        for (int i = 0; i < n; i++) {
            writeInt(i < b.length ? b[i] : 0);
        }
        return this;
    }

    /** Checks a list count against its declared maximum and writes it. */
    public XdrWriter writeCount(int count, int max) {
        if (count > max) {
            throw tooLong("array", count, max);
        }
        return writeInt(count);
    }

    /** The number of bytes written. */
    public int position() {
        return pos;
    }

    /** Overwrites a 4-byte word written earlier (e.g. the length word). */
    public void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    /** Appends raw bytes without padding (stream data). */
    public XdrWriter writeRaw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** The internal buffer; valid up to {@link #position()}. */
    public byte[] buffer() {
        return buf;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private static VirtException tooLong(String what, long n, long max) {
        return new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                what + " length " + n + " exceeds maximum " + max));
    }
}
