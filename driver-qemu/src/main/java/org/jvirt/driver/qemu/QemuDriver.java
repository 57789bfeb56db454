package org.jvirt.driver.qemu;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.core.Environment;
import org.jvirt.spi.Driver;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/**
 * The QEMU/KVM driver: {@code qemu:///system} (root only), {@code qemu:///session} and
 * {@code qemu:///embed?root=DIR} (everything under DIR, as libvirt's embedded driver). Local only.
 *
 * <p>Connections to the same layout share one {@link QemuHost} for the life of the JVM, as
 * connections to one libvirtd share its driver state. The first open of a layout loads its
 * definitions and reconnects to guests left running by an earlier process.
 */
public final class QemuDriver implements Driver {
    private static final Map<String, QemuHost> HOSTS = new HashMap<>();

    /** For ServiceLoader. */
    public QemuDriver() {
    }

    @Override
    public DriverDescriptor descriptor() {
        return new DriverDescriptor("QEMU", Set.of("qemu"), "0.1.0", DriverDescriptor.Locality.LOCAL, 0);
    }

    @Override
    public OpenResult open(OpenRequest request) {
        QemuPaths paths = QemuPaths.forUri(request.uri(), Environment.system());
        if (paths.privileged() && !Environment.system().isPrivileged()) {
            throw VirtException.of(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "qemu:///system needs root; use qemu:///session or qemu:///embed?root=DIR");
        }
        return OpenResult.accepted(new QemuConnect(host(paths), request.readOnly()));
    }

    /**
     * Ends a driver instance without stopping its guests (monitors closed), as if its process
     * ended; the next open of the URI starts a new instance that reconnects to them. For tests of
     * reconnect and autostart within one JVM.
     *
     * @param uri the instance's canonical URI
     */
    static void restartInstance(String uri) {
        QemuHost h;
        synchronized (HOSTS) {
            h = HOSTS.remove(uri);
        }
        if (h != null) {
            h.detach();
        }
    }

    private static QemuHost host(QemuPaths paths) {
        synchronized (HOSTS) {
            return HOSTS.computeIfAbsent(paths.uri(), k -> new QemuHost(paths));
        }
    }
}
