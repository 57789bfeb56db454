package org.jvirt.rpc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.RemoteError;
import org.jvirt.rpc.xdr.XdrLimits;

/**
 * A data stream opened by a stream procedure (volume upload/download, console, screenshot):
 * STREAM packets with the opening call's serial. Data goes in raw chunks of at most
 * {@link XdrLimits#LEGACY_PAYLOAD_MAX} bytes with status CONTINUE; the sender ends with an empty
 * OK packet and the receiver confirms with one; either side aborts with ERROR. One thread reads
 * or writes a stream at a time.
 */
public final class RpcStream implements AutoCloseable {
    private static final Object EOF = new Object();

    private final RpcClient client;
    private final Procedure procedure;
    private final int serial;
    private final BlockingQueue<Object> incoming = new LinkedBlockingQueue<>();
    private volatile boolean done;
    private boolean eof;
    private boolean peerFinished;

    RpcStream(RpcClient client, Procedure procedure, int serial) {
        this.client = client;
        this.procedure = procedure;
        this.serial = serial;
    }

    /** The procedure that opened it. */
    public Procedure procedure() {
        return procedure;
    }

    void deliver(Packet p) {
        incoming.add(p);
    }

    void fail(VirtException why) {
        incoming.add(why);
    }

    private Header header(MessageStatus status) {
        return Header.of(procedure.program(), procedure.number(), MessageType.STREAM, serial, status);
    }

    /**
     * Sends data, split into chunks of at most {@link XdrLimits#LEGACY_PAYLOAD_MAX} bytes. Fails
     * with the server's error if it aborted the stream meanwhile.
     *
     * @param b the bytes
     * @param off where they start
     * @param len how many
     */
    public void write(byte[] b, int off, int len) {
        checkPeerError();
        while (len > 0) {
            int n = Math.min(len, XdrLimits.LEGACY_PAYLOAD_MAX);
            client.send(Packet.frame(header(MessageStatus.CONTINUE), b, off, n));
            off += n;
            len -= n;
        }
    }

    private void checkPeerError() {
        Object o = incoming.peek();
        if (o instanceof VirtException v) {
            done = true;
            throw new VirtException(v.code(), v.domain(), v.getMessage(), v);
        }
        if (o instanceof Packet p && p.header().status() == MessageStatus.ERROR) {
            incoming.poll();
            done = true;
            client.streamDone(serial);
            throw RemoteError.decode(p.reader()).toException();
        }
    }

    /**
     * Receives the next chunk of data.
     *
     * @return the bytes, or {@code null} at the end of the stream
     */
    public byte[] read() {
        if (eof) {
            return null;
        }
        while (true) {
            Object o = take();
            Packet p = (Packet) o;
            MessageStatus st = p.header().status();
            if (st == MessageStatus.CONTINUE && p.header().type() == MessageType.STREAM) {
                if (p.payload().length == 0) {
                    eof = true;
                    return null;
                }
                return p.payload();
            }
            if (p.header().type() == MessageType.STREAM_HOLE) {
                continue; // sparse streams are not requested; skip holes defensively
            }
            if (st == MessageStatus.OK) {
                eof = true;
                peerFinished = true;
                return null;
            }
            done = true;
            client.streamDone(serial);
            throw RemoteError.decode(p.reader()).toException();
        }
    }

    private Object take() {
        Object o;
        try {
            o = incoming.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.STREAMS,
                    ErrorCode.OPERATION_ABORTED.format("interrupted stream"), e);
        }
        if (o instanceof VirtException v) {
            done = true;
            incoming.add(v);
            throw new VirtException(v.code(), v.domain(), v.getMessage(), v);
        }
        return o;
    }

    /**
     * Finishes the stream: sends the empty OK packet and waits for the server's confirmation
     * (or its error, thrown).
     */
    public void finish() {
        if (done) {
            return;
        }
        try {
            client.send(Packet.frame(header(MessageStatus.OK), new byte[0], 0, 0));
            while (!peerFinished) {
                Packet p = (Packet) take();
                MessageStatus st = p.header().status();
                if (st == MessageStatus.OK) {
                    peerFinished = true;
                } else if (st == MessageStatus.ERROR) {
                    throw RemoteError.decode(p.reader()).toException();
                }
                // CONTINUE data after our finish is dropped.
            }
        } finally {
            done = true;
            client.streamDone(serial);
        }
    }

    /** Aborts the stream (sends ERROR, does not wait). Idempotent. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        client.streamDone(serial);
        try {
            client.send(Packet.frame(header(MessageStatus.ERROR), new byte[0], 0, 0));
        } catch (VirtException ignored) {
            // connection already gone
        }
    }

    /** Aborts unless finished. */
    @Override
    public void close() {
        abort();
    }

    /**
     * Copies everything from an input stream to this stream, then finishes it.
     *
     * @param in the data
     * @return the number of bytes sent
     * @throws IOException if reading {@code in} fails (the stream is aborted)
     */
    public long sendAll(InputStream in) throws IOException {
        byte[] buf = new byte[XdrLimits.LEGACY_PAYLOAD_MAX];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                write(buf, 0, n);
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        finish();
        return total;
    }

    /**
     * Copies everything this stream delivers to an output stream, then finishes it.
     *
     * @param out where the data goes
     * @return the number of bytes received
     * @throws IOException if writing {@code out} fails (the stream is aborted)
     */
    public long receiveAll(OutputStream out) throws IOException {
        long total = 0;
        try {
            byte[] b;
            while ((b = read()) != null) {
                out.write(b);
                total += b.length;
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        finish();
        return total;
    }
}
