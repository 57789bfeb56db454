package org.jvirt.driver.remote.internal;

import java.util.UUID;

import org.jvirt.api.Connect;
import org.jvirt.rpc.Procedure;
import org.jvirt.rpc.Struct;

/**
 * What the named handles of a remote connection (domain, network, pool) share: the connection,
 * and the name and UUID the server handed out, which never change. Every call on the object sends
 * the wire struct {@link #ref()} builds first, so the subclasses only say how that struct looks
 * and which procedures they call.
 */
abstract class RemoteHandle {
    final RemoteConnect conn;
    private final String name;
    private final UUID uuid;

    RemoteHandle(RemoteConnect conn, String name, UUID uuid) {
        this.conn = conn;
        this.name = name;
        this.uuid = uuid;
    }

    /** The wire struct naming this object to the server, the first argument of its procedures. */
    abstract Struct ref();

    /** Calls {@code p} on this object: {@link #ref()} followed by {@code args}. */
    final Struct call(Procedure p, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = ref();
        System.arraycopy(args, 0, all, 1, args.length);
        return conn.call(p, all);
    }

    /** The boolean answer of {@code p} on this object (an int {@code field}, non-zero for true). */
    final boolean ask(Procedure p, String field) {
        return call(p).i32(field) != 0;
    }

    // Public, so that they implement getConnect/getName/getUUID of Domain, Network and StoragePool.

    public Connect getConnect() {
        return conn;
    }

    public String getName() {
        return name;
    }

    public UUID getUUID() {
        return uuid;
    }
}
