package org.jvirt.plugin.example;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.api.Version;
import org.jvirt.api.VirtException;

/**
 * A connection to the demo host: two domains, {@code demo-web} (running) and {@code demo-db}
 * (shut off), kept in memory. It implements the connection basics and the domain lookups; every
 * other operation falls to the API's default methods, which answer {@link ErrorCode#NO_SUPPORT}.
 * Thread-safe.
 */
public final class DemoConnect implements Connect, DemoFeatures {
    private final boolean readOnly;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<String, DemoDomain> domains = new ConcurrentHashMap<>();

    DemoConnect(boolean readOnly) {
        this.readOnly = readOnly;
        DemoDomain web = new DemoDomain(this, "demo-web", UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f"),
                1024 * 1024, 2);
        web.start(nextId.getAndIncrement());
        domains.put(web.getName(), web);
        DemoDomain db = new DemoDomain(this, "demo-db", UUID.fromString("4dea22b3-1d52-d8f3-2516-782e98ab3fa0"),
                2 * 1024 * 1024, 4);
        domains.put(db.getName(), db);
    }

    int allocateId() {
        return nextId.getAndIncrement();
    }

    void checkOpen() {
        if (!open.get()) {
            throw new VirtException(ErrorCode.INVALID_CONN, ErrorDomain.NONE, "invalid connection: it is closed");
        }
    }

    void checkWritable(String function) {
        checkOpen();
        if (readOnly) {
            throw VirtException.of(ErrorCode.OPERATION_DENIED, ErrorDomain.NONE,
                    function + " is not allowed on a read-only connection");
        }
    }

    @Override
    public String getType() {
        return "DEMO";
    }

    @Override
    public String getURI() {
        return "demo:///";
    }

    @Override
    public String getHostname() {
        checkOpen();
        return "demo.example.com";
    }

    @Override
    public Version getVersion() {
        return new Version(1, 0, 0);
    }

    @Override
    public boolean isAlive() {
        return open.get();
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void close() {
        open.set(false);
    }

    @Override
    public List<Domain> listAllDomains(Set<ListDomainsFlag> filters) {
        checkOpen();
        List<DemoDomain> all = new ArrayList<>(domains.values());
        all.removeIf(d -> !matches(d, filters));
        all.sort(Comparator.comparing((DemoDomain d) -> !d.isActive())
                .thenComparingInt(DemoDomain::getID)
                .thenComparing(DemoDomain::getName));
        return List.copyOf(all);
    }

    private static boolean matches(DemoDomain d, Set<ListDomainsFlag> f) {
        boolean active = d.isActive();
        if (f.contains(ListDomainsFlag.ACTIVE) != f.contains(ListDomainsFlag.INACTIVE)
                && f.contains(ListDomainsFlag.ACTIVE) != active) {
            return false;
        }
        if (f.contains(ListDomainsFlag.TRANSIENT) && !f.contains(ListDomainsFlag.PERSISTENT)) {
            return false; // demo domains are all persistent
        }
        return true;
    }

    @Override
    public Optional<Domain> findDomainByName(String name) {
        checkOpen();
        return Optional.ofNullable(domains.get(name));
    }

    @Override
    public Optional<Domain> findDomainByUUID(UUID uuid) {
        checkOpen();
        return domains.values().stream().filter(d -> d.getUUID().equals(uuid)).map(Domain.class::cast).findFirst();
    }

    @Override
    public Optional<Domain> findDomainById(int id) {
        checkOpen();
        return domains.values().stream().filter(d -> d.isActive() && d.getID() == id).map(Domain.class::cast)
                .findFirst();
    }

    @Override
    public boolean contextClassLoaderIsPlugin() {
        return Thread.currentThread().getContextClassLoader() == DemoConnect.class.getClassLoader();
    }

    @Override
    public String toString() {
        return "DemoConnect[demo:///]";
    }
}
