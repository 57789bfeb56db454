/**
 * jvirt's stable public API: {@link org.jvirt.api.Connect} and the objects reached through it.
 * Depends on the JDK only. Connections are opened by {@code org.jvirt.core.Virt}.
 */
package org.jvirt.api;
