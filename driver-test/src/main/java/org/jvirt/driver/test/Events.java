package org.jvirt.driver.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainEvent;
import org.jvirt.api.DomainEventListener;
import org.jvirt.api.DomainEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle event dispatch of one host: events are queued in order (under the host lock, which
 * fixes their order) and delivered on one daemon thread, never while a lock is held.
 */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    /** A listener of one connection; {@code handles} makes that connection's domain handle. */
    record Sub(DomainEventListener listener, Function<DomObj, Domain> handles) {
    }

    private final List<Sub> subs = new CopyOnWriteArrayList<>();
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jvirt-test-events");
        t.setDaemon(true);
        return t;
    });

    void add(Sub s) {
        subs.add(s);
    }

    void remove(Sub s) {
        subs.remove(s);
    }

    /** Queues an event; call under the host lock so that events keep the order of the changes. */
    void emit(DomObj dom, DomainEventType type, int detail) {
        if (subs.isEmpty()) {
            return;
        }
        List<Sub> snapshot = List.copyOf(subs);
        String name = dom.name;
        java.util.UUID uuid = dom.uuid;
        DomObj ref = dom;
        exec.execute(() -> {
            for (Sub s : snapshot) {
                try {
                    s.listener().onEvent(new DomainEvent(s.handles().apply(ref), type, detail));
                } catch (RuntimeException e) {
                    LOG.warn("domain event listener failed for {} {}", name, uuid, e);
                }
            }
        });
    }

    void shutdown() {
        exec.shutdown();
    }
}
