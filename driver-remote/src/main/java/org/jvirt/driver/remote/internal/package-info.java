/** The remote driver's implementation: URI to transport, handshake, and the API objects over RPC. */
package org.jvirt.driver.remote.internal;
