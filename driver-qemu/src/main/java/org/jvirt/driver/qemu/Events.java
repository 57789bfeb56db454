package org.jvirt.driver.qemu;

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
 * Lifecycle event dispatch of one driver instance: events are queued in the order of the state
 * changes (emitted under the domain's lock) and delivered on one daemon thread, never while a lock
 * is held, so a listener may call back into the API.
 */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    /** A listener of one connection; {@code handles} makes that connection's domain handle. */
    record Sub(DomainEventListener listener, Function<DomainObj, Domain> handles) {
    }

    private final List<Sub> subs = new CopyOnWriteArrayList<>();
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jvirt-qemu-events");
        t.setDaemon(true);
        return t;
    });

    void add(Sub s) {
        subs.add(s);
    }

    void remove(Sub s) {
        subs.remove(s);
    }

    /** Queues an event. */
    void emit(DomainObj dom, DomainEventType type, int detail) {
        LOG.debug("event {} {} detail {}", dom.name, type, detail);
        if (subs.isEmpty()) {
            return;
        }
        List<Sub> snapshot = List.copyOf(subs);
        exec.execute(() -> {
            for (Sub s : snapshot) {
                try {
                    s.listener().onEvent(new DomainEvent(s.handles().apply(dom), type, detail));
                } catch (RuntimeException e) {
                    LOG.warn("domain event listener failed for {}", dom.name, e);
                }
            }
        });
    }

    void shutdown() {
        exec.shutdown();
    }
}
