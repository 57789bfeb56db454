package org.jvirt.driver.remote.internal;

import java.util.Optional;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainXmlFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.SnapshotDeleteFlag;
import org.jvirt.api.SnapshotRevertFlag;
import org.jvirt.api.VirtFlag;
import org.jvirt.rpc.RemoteProgram;

/** A snapshot handle of a remote domain. */
final class RemoteSnapshot implements DomainSnapshot {
    private final RemoteDomain dom;
    private final String name;

    RemoteSnapshot(RemoteDomain dom, String name) {
        this.dom = dom;
        this.name = name;
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
        return dom.conn().call(RemoteProgram.DOMAIN_SNAPSHOT_GET_XML_DESC, dom.snapRef(name), VirtFlag.toBits(flags))
                .str("xml");
    }

    @Override
    public Optional<DomainSnapshot> getParent() {
        return RemoteConnect.find(ErrorCode.NO_DOMAIN_SNAPSHOT, () -> dom.snapshot(dom.conn().call(
                RemoteProgram.DOMAIN_SNAPSHOT_GET_PARENT, dom.snapRef(name), 0).struct("snap")));
    }

    @Override
    public boolean isCurrent() {
        return dom.conn().call(RemoteProgram.DOMAIN_SNAPSHOT_IS_CURRENT, dom.snapRef(name), 0).i32("current") != 0;
    }

    @Override
    public boolean hasMetadata() {
        return dom.conn().call(RemoteProgram.DOMAIN_SNAPSHOT_HAS_METADATA, dom.snapRef(name), 0).i32("metadata") != 0;
    }

    @Override
    public void revert(Set<SnapshotRevertFlag> flags) {
        dom.conn().call(RemoteProgram.DOMAIN_REVERT_TO_SNAPSHOT, dom.snapRef(name), VirtFlag.toBits(flags));
    }

    @Override
    public void delete(Set<SnapshotDeleteFlag> flags) {
        dom.conn().call(RemoteProgram.DOMAIN_SNAPSHOT_DELETE, dom.snapRef(name), VirtFlag.toBits(flags));
    }

    @Override
    public String toString() {
        return "DomainSnapshot[" + dom.getName() + "/" + name + "]";
    }
}
