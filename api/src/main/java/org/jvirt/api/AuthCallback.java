package org.jvirt.api;

import java.util.List;
import java.util.Set;

/**
 * Supplies credentials when a connection needs them (libvirt's {@code virConnectAuth}).
 */
public interface AuthCallback {
    /** The credential types this callback can answer. */
    Set<CredentialType> supportedTypes();

    /**
     * Answers credential requests.
     *
     * @param requests what is asked, all of supported types
     * @return one answer per request in the same order; {@code null} elements mean "no answer"
     * @throws VirtException with {@link ErrorCode#AUTH_CANCELLED} if the user declines
     */
    List<String> answer(List<CredentialRequest> requests);
}
