/**
 * The service provider interface: what a driver implements ({@link org.jvirt.spi.Driver}) and
 * the facts it is given ({@link org.jvirt.spi.ConnectUri}, {@link org.jvirt.spi.OpenRequest}).
 */
package org.jvirt.spi;
