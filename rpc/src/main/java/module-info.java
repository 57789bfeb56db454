/**
 * libvirt's RPC wire protocol: the XDR codec ({@code org.jvirt.rpc.xdr}), message framing and the
 * program/procedure tables ({@code org.jvirt.rpc}), and a client connection with its transports
 * ({@code org.jvirt.rpc.client}). Written so that a server ({@code jvirtd}) reuses the codec, the
 * framing, the tables and the error mapping unchanged.
 */
module org.jvirt.rpc {
    requires transitive org.jvirt.api;
    requires org.jvirt.core;
    requires org.slf4j;

    exports org.jvirt.rpc;
    exports org.jvirt.rpc.xdr;
    exports org.jvirt.rpc.client;
}
