package org.jvirt.rpc.client;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte stream to a libvirt-protocol peer: a UNIX or TCP socket, TLS over TCP, or the standard
 * input and output of an ssh process. One thread reads while others write. Implementations come
 * from {@link Transports}.
 */
public interface Transport extends Closeable {
    /** The stream of bytes from the peer; read by one thread only. */
    InputStream input();

    /** The stream of bytes to the peer; writers serialise on their own. */
    OutputStream output();

    /** Whether the bytes are encrypted (TLS, ssh). */
    boolean isEncrypted();

    /** Whether the peer is on this host (a UNIX socket). */
    boolean isLocal();

    /** Closes the stream; a blocked read or write fails. Idempotent. */
    @Override
    void close();

    /** A description for messages, e.g. {@code unix:/run/libvirt/libvirt-sock}. */
    String describe();
}
