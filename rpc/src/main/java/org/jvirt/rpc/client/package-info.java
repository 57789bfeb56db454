/** The client side of libvirt's protocol: a connection ({@link org.jvirt.rpc.client.RpcClient}), streams and transports. */
package org.jvirt.rpc.client;
