/** The driver manager ({@link org.jvirt.core.Virt}), URI aliases and driver discovery. */
package org.jvirt.core;
