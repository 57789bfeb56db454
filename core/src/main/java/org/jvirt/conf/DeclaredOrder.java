package org.jvirt.conf;

/**
 * Marker for bound classes whose attributes are declared in libvirt's output order: the canonical
 * writer keeps their order as JAXB writes it (declaration order, superclass first) instead of
 * sorting by its generic table, which exists for verbatim ({@link Generic}) elements.
 */
interface DeclaredOrder {
}
