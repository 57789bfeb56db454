/**
 * Implementation of driver discovery and plugin isolation; not exported from {@code org.jvirt.core}.
 */
package org.jvirt.core.internal;
