package org.jvirt.api;

import java.util.Optional;
import java.util.Set;

/** A snapshot of a domain: libvirt's {@code virDomainSnapshotPtr}. Thread-safe. */
public interface DomainSnapshot {
    /** The domain it belongs to. */
    Domain getDomain();

    /** Its name. */
    String getName();

    /** Its XML ({@code virDomainSnapshotGetXMLDesc}); SECURE is the only meaningful flag. */
    String getXMLDesc(Set<DomainXmlFlag> flags);

    /** Its parent, if any ({@code virDomainSnapshotGetParent}). */
    Optional<DomainSnapshot> getParent();

    /** Whether it is the domain's current snapshot ({@code virDomainSnapshotIsCurrent}). */
    boolean isCurrent();

    /** Whether libvirt keeps metadata for it ({@code virDomainSnapshotHasMetadata}). */
    boolean hasMetadata();

    /** Reverts the domain to it ({@code virDomainRevertToSnapshot}). */
    void revert(Set<SnapshotRevertFlag> flags);

    /** Deletes it ({@code virDomainSnapshotDelete}). */
    void delete(Set<SnapshotDeleteFlag> flags);
}
