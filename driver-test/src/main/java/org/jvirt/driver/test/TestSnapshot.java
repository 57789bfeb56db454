package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainEventType;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainStateReason;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.SnapshotDeleteFlag;
import org.jvirt.api.SnapshotRevertFlag;
import org.jvirt.api.VirtException;
import org.jvirt.conf.SnapshotDef;
import org.jvirt.conf.SnapshotXml;

/** A snapshot handle; state lives in the domain's {@link DomObj}. */
final class TestSnapshot implements DomainSnapshot {
    private final TestDomain dom;
    private final String name;

    TestSnapshot(TestDomain dom, String name) {
        this.dom = dom;
        this.name = name;
    }

    private SnapshotDef snap(DomObj o) {
        SnapshotDef s = o.snapshots.get(name);
        if (s == null) {
            throw VirtException.of(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.TEST,
                    "no domain snapshot with matching name '" + name + "'");
        }
        return s;
    }

    @Override
    public Domain getDomain() {
        return dom;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getXMLDesc(Set<DomainXmlFlag> flags) {
        dom.conn.checkOpen("virDomainSnapshotGetXMLDesc", ErrorDomain.DOMAIN_SNAPSHOT);
        if (flags.contains(DomainXmlFlag.SECURE) && dom.conn.isReadOnly()) {
            throw VirtException.of(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN_SNAPSHOT,
                    "virDomainSnapshotGetXMLDesc with secure flag");
        }
        return dom.withObj(o -> SnapshotXml.format(snap(o), flags.contains(DomainXmlFlag.SECURE)));
    }

    @Override
    public Optional<DomainSnapshot> getParent() {
        dom.conn.checkOpen("virDomainSnapshotGetParent", ErrorDomain.DOMAIN_SNAPSHOT);
        // libvirt answers a root with VIR_ERR_NO_DOMAIN_SNAPSHOT ("does not have a parent");
        // the API says that with an empty Optional, as the remote driver does
        return dom.withObj(o -> Optional.ofNullable(snap(o).parent()).map(p -> new TestSnapshot(dom, p)));
    }

    @Override
    public boolean isCurrent() {
        dom.conn.checkOpen("virDomainSnapshotIsCurrent", ErrorDomain.DOMAIN_SNAPSHOT);
        return dom.withObj(o -> {
            snap(o);
            return name.equals(o.currentSnapshot);
        });
    }

    @Override
    public boolean hasMetadata() {
        dom.conn.checkOpen("virDomainSnapshotHasMetadata", ErrorDomain.DOMAIN_SNAPSHOT);
        return dom.withObj(o -> snap(o) != null);
    }

    @Override
    public void revert(Set<SnapshotRevertFlag> flags) {
        dom.conn.checkWritable("virDomainRevertToSnapshot", ErrorDomain.DOMAIN_SNAPSHOT);
        boolean running = flags.contains(SnapshotRevertFlag.RUNNING);
        boolean paused = flags.contains(SnapshotRevertFlag.PAUSED);
        if (running && paused) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING' and 'VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED' are "
                            + "mutually exclusive");
        }
        dom.withObj(o -> {
            SnapshotDef s = snap(o);
            Host host = dom.conn.host;
            String st = s.state();
            boolean wasActive = o.active();
            if (wasActive) {
                host.halt(o, DomainStateReason.SHUTOFF_FROM_SNAPSHOT);
                dom.emitEvent(o, DomainEventType.STOPPED, 6);
            }
            if (o.persistent || wasActive) {
                o.def = s.domain().copy();
            }
            boolean start = "running".equals(st) || "paused".equals(st) || running || paused;
            if (start) {
                host.start(o, DomainStateReason.RUNNING_FROM_SNAPSHOT);
                dom.emitEvent(o, DomainEventType.STARTED, 3);
                if (!running && ("paused".equals(st) || paused)) {
                    o.reason = DomainStateReason.PAUSED_FROM_SNAPSHOT;
                    dom.emitEvent(o, DomainEventType.SUSPENDED, 5);
                }
            } else if (!o.persistent) {
                host.unindex(o);
            }
            o.currentSnapshot = name;
            return null;
        });
    }

    @Override
    public void delete(Set<SnapshotDeleteFlag> flags) {
        dom.conn.checkWritable("virDomainSnapshotDelete", ErrorDomain.DOMAIN_SNAPSHOT);
        dom.withObj(o -> {
            SnapshotDef s = snap(o);
            List<String> doomed = new ArrayList<>();
            if (flags.contains(SnapshotDeleteFlag.CHILDREN) || flags.contains(SnapshotDeleteFlag.CHILDREN_ONLY)) {
                collect(o, name, doomed);
            }
            if (!flags.contains(SnapshotDeleteFlag.CHILDREN_ONLY)) {
                doomed.add(name);
                for (SnapshotDef c : o.snapshots.values()) {
                    if (name.equals(c.parent())) {
                        c.parent(s.parent());
                    }
                }
            }
            for (String d : doomed) {
                o.snapshots.remove(d);
                if (d.equals(o.currentSnapshot)) {
                    o.currentSnapshot = flags.contains(SnapshotDeleteFlag.CHILDREN_ONLY) ? name : s.parent();
                }
            }
            return null;
        });
    }

    private static void collect(DomObj o, String parent, List<String> out) {
        for (SnapshotDef c : List.copyOf(o.snapshots.values())) {
            if (parent.equals(c.parent())) {
                collect(o, c.name(), out);
                out.add(c.name());
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestSnapshot t && t.name.equals(name) && t.dom.equals(dom);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
