/**
 * libvirt's RPC protocol: message framing ({@link org.jvirt.rpc.Packet}, {@link org.jvirt.rpc.Header}),
 * the type notation and codecs ({@link org.jvirt.rpc.Types}, {@link org.jvirt.rpc.Struct}), the
 * procedure tables ({@link org.jvirt.rpc.RemoteProgram}, {@link org.jvirt.rpc.QemuProgram}) and the
 * error mapping ({@link org.jvirt.rpc.RemoteError}). Shared by client and server.
 */
package org.jvirt.rpc;
