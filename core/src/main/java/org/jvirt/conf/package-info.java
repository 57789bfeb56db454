/**
 * The XML model: libvirt's domain, storage pool/volume, network and capabilities XML, bound with
 * JAXB; parse, format and validate live here and nowhere else.
 */
package org.jvirt.conf;
