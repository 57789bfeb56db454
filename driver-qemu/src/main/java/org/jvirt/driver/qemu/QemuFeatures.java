package org.jvirt.driver.qemu;

import org.jvirt.api.Domain;

/**
 * QEMU-specific features of a {@code qemu:} connection, reached with
 * {@code conn.unwrap(QemuFeatures.class)} (libvirt's {@code libvirt-qemu} library).
 */
public interface QemuFeatures {
    /**
     * Sends a raw QMP command to a running guest's monitor ({@code virDomainQemuMonitorCommand}).
     *
     * @param domain a running domain of this connection
     * @param json a QMP command, e.g. {@code {"execute":"query-status"}}
     * @return QEMU's reply as JSON, {@code {"return": ...}} or {@code {"error": ...}}
     */
    String qemuMonitorCommand(Domain domain, String json);

    /**
     * The pid of a running guest's QEMU process.
     *
     * @param domain a running domain of this connection
     * @return its pid
     */
    long qemuPid(Domain domain);
}
