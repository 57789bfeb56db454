package org.jvirt.api;

/**
 * A domain lifecycle event, as libvirt's {@code VIR_DOMAIN_EVENT_ID_LIFECYCLE} delivers it.
 *
 * @param domain the domain the event is about
 * @param type what happened
 * @param detail libvirt's detail number for the type (e.g. {@code VIR_DOMAIN_EVENT_STARTED_BOOTED} = 0)
 */
public record DomainEvent(Domain domain, DomainEventType type, int detail) {
}
