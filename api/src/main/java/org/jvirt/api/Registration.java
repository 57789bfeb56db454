package org.jvirt.api;

/** A handle for a registered listener; closing it unregisters the listener. Idempotent. */
public interface Registration extends AutoCloseable {
    /** Unregisters the listener. */
    @Override
    void close();
}
