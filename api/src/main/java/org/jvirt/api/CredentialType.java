package org.jvirt.api;

/** Kinds of credential an authentication callback may be asked for: libvirt's {@code virConnectCredentialType}. */
public enum CredentialType {
    /** Identity to act as. */
    USERNAME(1),
    /** Identity to authorize as. */
    AUTHNAME(2),
    /** RFC 1766 language, e.g. en-US. */
    LANGUAGE(3),
    /** Client-supplied nonce. */
    CNONCE(4),
    /** Passphrase secret. */
    PASSPHRASE(5),
    /** Challenge response, echoed. */
    ECHOPROMPT(6),
    /** Challenge response, not echoed. */
    NOECHOPROMPT(7),
    /** Authentication realm. */
    REALM(8),
    /** Externally managed credential. */
    EXTERNAL(9);

    private final int number;

    CredentialType(int number) {
        this.number = number;
    }

    /** libvirt's number of this type. */
    public int number() {
        return number;
    }
}
