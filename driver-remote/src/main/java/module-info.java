/**
 * The remote driver: every URI with a transport or a host ({@code qemu+ssh://host/system},
 * {@code test+unix:///default?socket=...}, {@code test+tcp://127.0.0.1:16509/default}, ...), and
 * libvirt-driver URIs with no local driver ({@code qemu:///system} through the local daemon's
 * socket). A client of any libvirt-protocol daemon: libvirtd, the modular daemons, jvirtd.
 */
module org.jvirt.driver.remote {
    requires org.jvirt.core;
    requires org.jvirt.rpc;
    requires org.slf4j;

    exports org.jvirt.driver.remote;

    provides org.jvirt.spi.Driver with org.jvirt.driver.remote.RemoteDriver,
            org.jvirt.driver.remote.LocalDaemonDriver;
}
