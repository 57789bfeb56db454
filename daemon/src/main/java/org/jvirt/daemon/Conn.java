package org.jvirt.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * One accepted connection's byte streams: a UNIX socket channel, or a TCP/TLS socket. The reader
 * thread reads, writers serialise on the {@link Client}; nothing here shares a lock between
 * reading and writing (the JDK's channel streams would).
 */
abstract class Conn {
    abstract InputStream in();

    /** Writes the whole array. */
    abstract void write(byte[] b) throws IOException;

    abstract void close();

    /** The peer's uid on a UNIX socket, else -1. */
    int peerUid() {
        return -1;
    }

    abstract String describe();

    /** Sets a read timeout (0 = none), where the transport supports it. */
    void setReadTimeout(int millis) throws IOException {
    }

    /** A UNIX socket. */
    static final class Unix extends Conn {
        private final SocketChannel ch;
        private final InputStream in;

        Unix(SocketChannel ch) {
            this.ch = ch;
            this.in = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] b = new byte[1];
                    return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return ch.read(ByteBuffer.wrap(b, off, len));
                }
            };
        }

        @Override
        InputStream in() {
            return in;
        }

        @Override
        void write(byte[] b) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }

        @Override
        void close() {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        int peerUid() {
            try {
                UnixDomainPrincipal p = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
                String name = p.user().getName();
                if (name.equals("root")) {
                    return 0;
                }
                try {
                    return Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    return Integer.MAX_VALUE;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return -1;
            }
        }

        @Override
        String describe() {
            return "unix";
        }
    }

    /** A TCP or TLS socket. */
    static final class Sock extends Conn {
        private final Socket s;
        private final InputStream in;
        private final OutputStream out;

        Sock(Socket s) throws IOException {
            this.s = s;
            s.setTcpNoDelay(true);
            this.in = s.getInputStream();
            this.out = s.getOutputStream();
        }

        @Override
        InputStream in() {
            return in;
        }

        @Override
        void write(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        @Override
        void close() {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        void setReadTimeout(int millis) throws IOException {
            s.setSoTimeout(millis);
        }

        @Override
        String describe() {
            return (s instanceof javax.net.ssl.SSLSocket ? "tls:" : "tcp:") + s.getRemoteSocketAddress();
        }
    }
}
