/**
 * The remote driver ({@code DRIVER+TRANSPORT://host/path}): {@link org.jvirt.driver.remote.RemoteDriver},
 * and {@link org.jvirt.driver.remote.RemoteFeatures} for streams, the QEMU monitor and keepalive.
 */
package org.jvirt.driver.remote;
