package org.jvirt.rpc.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the transports libvirt's client knows: UNIX socket, TCP, TLS and a command's stdio (ssh). */
public final class Transports {
    private static final Logger LOG = LoggerFactory.getLogger(Transports.class);

    private Transports() {
    }

    /**
     * Connects to a UNIX socket.
     *
     * @param path the socket
     * @return the transport
     * @throws VirtException {@link ErrorCode#SYSTEM_ERROR} (domain RPC) if it cannot connect, with libvirt's wording
     */
    public static Transport unix(Path path) {
        try {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(path));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            return channelTransport(ch, "unix:" + path);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "Failed to connect socket to '" + path + "': " + e.getMessage(), e);
        }
    }

    /**
     * Connects over TCP.
     *
     * @param host the host
     * @param port the port
     * @param timeoutMillis the connect timeout
     * @return the transport
     */
    public static Transport tcp(String host, int port, int timeoutMillis) {
        return socketTransport(connect(host, port, timeoutMillis), "tcp:" + host + ":" + port, false);
    }

    private static Socket connect(String host, int port, int timeoutMillis) {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            return s;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "unable to connect to server at '" + host + ":" + port + "': " + e.getMessage(), e);
        }
    }

    /**
     * Connects with TLS and checks libvirt's post-handshake byte (0x01 means the server accepted us).
     *
     * @param host the host
     * @param port the port
     * @param context the TLS context (trust and key material)
     * @param verifyHost whether to check the server certificate's name against {@code host}
     * @param timeoutMillis the connect timeout
     * @return the transport
     */
    public static Transport tls(String host, int port, SSLContext context, boolean verifyHost, int timeoutMillis) {
        Socket plain = connect(host, port, timeoutMillis);
        try {
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            s.setUseClientMode(true);
            if (verifyHost) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
            }
            s.setSoTimeout(timeoutMillis);
            s.startHandshake();
            int b = s.getInputStream().read();
            s.setSoTimeout(0);
            if (b != 1) {
                s.close();
                throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, ErrorCode.RPC.format(
                        "server verification (of our certificate or IP address) failed"));
            }
            return socketTransport(s, "tls:" + host + ":" + port, true);
        } catch (IOException e) {
            try {
                plain.close();
            } catch (IOException ignored) {
                // nothing to do
            }
            throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC,
                    "TLS handshake with " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a command (e.g. {@code ssh ... nc -U socket}) and speaks the protocol over its stdin/stdout.
     *
     * @param command the command line
     * @param encrypted whether the command's channel is encrypted (ssh is)
     * @return the transport
     */
    public static Transport command(List<String> command, boolean encrypted) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            return new ProcessTransport(p, String.join(" ", command), encrypted);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                    "cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** A UNIX socket channel, read and written without the channel streams' shared lock. */
    private static Transport channelTransport(SocketChannel ch, String name) {
        // Channels.newInputStream/newOutputStream share the channel's blocking lock, so a blocked
        // read would stall every write; these adapters call read/write directly.
        InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] b = new byte[1];
                return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = ch.read(ByteBuffer.wrap(b, off, len));
                return n;
            }
        };
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        };
        return new StreamTransport(ch, name, in, out, false, true);
    }

    /** A TCP or TLS socket. */
    private static Transport socketTransport(Socket s, String name, boolean encrypted) {
        try {
            return new StreamTransport(s, name, s.getInputStream(), s.getOutputStream(), encrypted, false);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC, name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The streams of one connection (a UNIX socket channel, a TCP or TLS socket); closing the
     * transport closes the connection, and a failure to close is only logged since the peer is
     * gone either way.
     */
    private static final class StreamTransport implements Transport {
        private final Closeable connection;
        private final String name;
        private final InputStream in;
        private final OutputStream out;
        private final boolean encrypted;
        private final boolean local;

        StreamTransport(Closeable connection, String name, InputStream in, OutputStream out, boolean encrypted,
                boolean local) {
            this.connection = connection;
            this.name = name;
            this.in = in;
            this.out = out;
            this.encrypted = encrypted;
            this.local = local;
        }

        @Override
        public InputStream input() {
            return in;
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public boolean isEncrypted() {
            return encrypted;
        }

        @Override
        public boolean isLocal() {
            return local;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", name, e.toString());
            }
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** A child process's stdio. */
    private static final class ProcessTransport implements Transport {
        private final Process p;
        private final String name;
        private final boolean encrypted;

        ProcessTransport(Process p, String name, boolean encrypted) {
            this.p = p;
            this.name = name;
            this.encrypted = encrypted;
        }

        @Override
        public InputStream input() {
            return p.getInputStream();
        }

        @Override
        public OutputStream output() {
            return p.getOutputStream();
        }

        @Override
        public boolean isEncrypted() {
            return encrypted;
        }

        @Override
        public boolean isLocal() {
            return false;
        }

        @Override
        public void close() {
            try {
                p.getOutputStream().close();
            } catch (IOException ignored) {
                // already gone
            }
            p.destroy();
            try {
                p.getInputStream().close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        @Override
        public String describe() {
            return name;
        }
    }
}
