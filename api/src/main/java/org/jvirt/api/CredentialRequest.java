package org.jvirt.api;

/**
 * One credential asked of an {@link AuthCallback}.
 *
 * @param type what is asked for
 * @param prompt text to show the user
 * @param challenge additional challenge information, may be {@code null}
 * @param defaultResult a suggested answer, may be {@code null}
 */
public record CredentialRequest(CredentialType type, String prompt, String challenge, String defaultResult) {
}
