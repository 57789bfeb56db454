package org.jvirt.driver.qemu;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;

/**
 * The first driver process of {@link ReconnectTest}: starts guests on an embed root, prints
 * {@code GUEST name pid} per guest and {@code READY}, then waits to be killed with SIGKILL.
 * Args: root, number of guests. The last guest is started paused, the first one is transient.
 */
public final class ReconnectChild {
    private ReconnectChild() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Connect c = QemuTestSupport.open(root);
        for (int i = 0; i < n; i++) {
            String name = "rc" + i;
            String xml = QemuTestSupport.firmwareXml(name, UUID.randomUUID());
            Domain d;
            if (i == 0) {
                d = c.createDomain(xml, EnumSet.noneOf(DomainCreateFlag.class));
            } else {
                d = c.defineDomain(xml);
                d.create(i == n - 1 ? EnumSet.of(DomainCreateFlag.PAUSED) : EnumSet.noneOf(DomainCreateFlag.class));
            }
            System.out.println("GUEST " + name + " " + c.unwrap(QemuFeatures.class).qemuPid(d) + " " + d.getID());
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
