package org.jvirt.driver.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.jvirt.api.Domain;
import org.jvirt.api.StorageVol;

/**
 * What a remote connection offers beyond {@link org.jvirt.api.Connect}; reach it with
 * {@code conn.unwrap(RemoteFeatures.class)}. Objects passed in must come from the same connection.
 */
public interface RemoteFeatures {
    /**
     * Writes data into a volume ({@code virStorageVolUpload} with a stream).
     *
     * @param vol the volume
     * @param offset where to start writing, in bytes
     * @param length how many bytes at most (0 = up to the end of the volume)
     * @param data the data, read to its end
     * @return the number of bytes sent
     * @throws IOException if reading {@code data} fails
     */
    long upload(StorageVol vol, long offset, long length, InputStream data) throws IOException;

    /**
     * Reads data from a volume ({@code virStorageVolDownload} with a stream).
     *
     * @param vol the volume
     * @param offset where to start reading, in bytes
     * @param length how many bytes at most (0 = up to the end of the volume)
     * @param out where the data goes
     * @return the number of bytes received
     * @throws IOException if writing {@code out} fails
     */
    long download(StorageVol vol, long offset, long length, OutputStream out) throws IOException;

    /**
     * Sends a command to a QEMU domain's monitor ({@code virDomainQemuMonitorCommand}, QEMU program).
     *
     * @param domain the domain
     * @param command a QMP command in JSON, or an HMP command when {@code hmp}
     * @param hmp whether the command is for the human monitor
     * @return the monitor's answer
     */
    String qemuMonitorCommand(Domain domain, String command, boolean hmp);

    /**
     * Changes keepalive ({@code virConnectSetKeepAlive}): a PING after {@code intervalSeconds} of
     * silence, the connection closed after {@code count} unanswered PINGs; an interval of 0 or less
     * turns it off.
     *
     * @param intervalSeconds seconds of silence before a PING
     * @param count unanswered PINGs tolerated
     * @return {@code false} if the server does not support keepalive
     */
    boolean setKeepAlive(int intervalSeconds, int count);

    /** A description of the transport, e.g. {@code unix:/run/libvirt/libvirt-sock}. */
    String transportDescription();
}
