package org.jvirt.api;

/**
 * The host's security model, as {@code virNodeGetSecurityModel} returns it.
 *
 * @param model the model name (e.g. {@code selinux}), empty when there is none
 * @param doi the domain of interpretation, may be empty
 */
public record SecurityModel(String model, String doi) {
}
