package org.jvirt.core;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.jvirt.api.Connect;
import org.jvirt.spi.ConnectUri;
import org.jvirt.spi.Driver;
import org.jvirt.spi.DriverDescriptor;
import org.jvirt.spi.OpenRequest;
import org.jvirt.spi.OpenResult;

/** A small real driver for selection tests: its open behaviour is a function of the request. */
final class FixedDriver implements Driver {
    final DriverDescriptor descriptor;
    final Function<OpenRequest, OpenResult> behaviour;
    final AtomicInteger opens = new AtomicInteger();

    FixedDriver(String name, int priority, DriverDescriptor.Locality locality, Function<OpenRequest, OpenResult> b,
                String... schemes) {
        this.descriptor = new DriverDescriptor(name, Set.of(schemes), "1.0", locality, priority);
        this.behaviour = b;
    }

    static FixedDriver accepting(String name, int priority, String... schemes) {
        return new FixedDriver(name, priority, DriverDescriptor.Locality.LOCAL,
                r -> OpenResult.accepted(new SimpleConnect(name, r.uri(), r.readOnly())), schemes);
    }

    static FixedDriver declining(String name, String reason, String... schemes) {
        return new FixedDriver(name, 0, DriverDescriptor.Locality.LOCAL, r -> OpenResult.declined(reason), schemes);
    }

    @Override
    public DriverDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public OpenResult open(OpenRequest request) {
        opens.incrementAndGet();
        return behaviour.apply(request);
    }

    /** A minimal connection that remembers who opened it. */
    static final class SimpleConnect implements Connect {
        final String type;
        final ConnectUri uri;
        final boolean readOnly;
        volatile boolean open = true;

        SimpleConnect(String type, ConnectUri uri, boolean readOnly) {
            this.type = type;
            this.uri = uri;
            this.readOnly = readOnly;
        }

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getURI() {
            return uri.original();
        }

        @Override
        public boolean isAlive() {
            return open;
        }

        @Override
        public boolean isReadOnly() {
            return readOnly;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
