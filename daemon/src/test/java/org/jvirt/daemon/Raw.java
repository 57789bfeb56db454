package org.jvirt.daemon;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jvirt.rpc.Header;
import org.jvirt.rpc.MessageStatus;
import org.jvirt.rpc.MessageType;
import org.jvirt.rpc.Packet;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Program;
import org.jvirt.rpc.xdr.XdrWriter;

/** A raw protocol client on a UNIX socket, for sending what no well-behaved client sends. */
final class Raw implements AutoCloseable {
    private final SocketChannel ch;
    private final DataInputStream in;

    Raw(Path socket) throws IOException {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        in = new DataInputStream(Channels.newInputStream(ch));
    }

    void send(byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    static byte[] call(Procedure p, int serial, Object... args) {
        XdrWriter w = Packet.start(Header.of(p.program(), p.number(), MessageType.CALL, serial, MessageStatus.OK));
        p.encodeArgs(w, args);
        return Packet.finish(w);
    }

    static byte[] header(int prog, int vers, int proc, int type, int serial, int status, byte[] payload) {
        XdrWriter w = new XdrWriter();
        w.writeInt(28 + payload.length).writeInt(prog).writeInt(vers).writeInt(proc).writeInt(type).writeInt(serial)
                .writeInt(status).writeRaw(payload, 0, payload.length);
        return w.toByteArray();
    }

    static byte[] ping() {
        return header(Program.KEEPALIVE.number(), 1, 1, 2, 0, 0, new byte[0]);
    }

    private static final byte[] EOF_MARK = new byte[0];
    private final java.util.concurrent.BlockingQueue<byte[]> inbox = new java.util.concurrent.LinkedBlockingQueue<>();
    private Thread reader;

    private synchronized void startReader() {
        if (reader != null) {
            return;
        }
        reader = new Thread(() -> {
            try {
                while (true) {
                    int len = in.readInt();
                    byte[] b = new byte[len];
                    ByteBuffer.wrap(b).putInt(len);
                    in.readFully(b, 4, len - 4);
                    inbox.add(b);
                }
            } catch (IOException | RuntimeException e) {
                inbox.add(EOF_MARK);
            }
        }, "raw-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next whole message (length word included); null at EOF; throws if none within the timeout. */
    byte[] read(long timeoutMillis) throws IOException {
        startReader();
        try {
            byte[] m = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new java.io.InterruptedIOException("no message within " + timeoutMillis + " ms");
            }
            if (m == EOF_MARK) {
                inbox.add(EOF_MARK);
                return null;
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }

    /** The next message that is not a keepalive PING. */
    byte[] reply(long timeoutMillis) throws IOException {
        while (true) {
            byte[] m = read(timeoutMillis);
            if (m == null || java.nio.ByteBuffer.wrap(m).getInt(4) != Program.KEEPALIVE.number()) {
                return m;
            }
        }
    }

    /** Whether the peer closes (EOF or reset) within the timeout, ignoring messages before. */
    boolean closedWithin(long millis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            try {
                if (read(left) == null) {
                    return true;
                }
            } catch (java.io.InterruptedIOException e) {
                return false;
            }
        }
    }

    InputStream input() {
        return in;
    }

    OutputStream output() {
        return Channels.newOutputStream(ch);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

}
