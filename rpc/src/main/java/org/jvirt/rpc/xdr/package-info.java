/** XDR encoding and decoding as libvirt's protocol uses it, with libvirt's limits. */
package org.jvirt.rpc.xdr;
