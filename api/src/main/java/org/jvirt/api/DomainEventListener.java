package org.jvirt.api;

/**
 * Receives domain lifecycle events. Called on a dispatch thread of the connection, one event at
 * a time and in order; a listener should return quickly.
 */
@FunctionalInterface
public interface DomainEventListener {
    /**
     * Called for each event.
     *
     * @param event the event
     */
    void onEvent(DomainEvent event);
}
