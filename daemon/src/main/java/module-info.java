/**
 * jvirtd: serves every installed driver over libvirt's RPC protocol (program REMOTE and keepalive)
 * on the UNIX read-write and read-only sockets, TCP and TLS, so that real {@code virsh}, the Python
 * bindings and jvirt's remote driver can use it like libvirtd. Drivers are found only through
 * {@code Virt.open}.
 */
module org.jvirt.daemon {
    requires org.jvirt.api;
    requires org.jvirt.core;
    requires org.jvirt.rpc;
    requires org.slf4j;
    requires jdk.net;

    exports org.jvirt.daemon;
}
