package org.jvirt.api;

/**
 * A domain's security label, as {@code virDomainGetSecurityLabel} returns it.
 *
 * @param label the label text
 * @param enforcing whether the label is enforced
 */
public record SecurityLabel(String label, boolean enforcing) {
}
