package org.jvirt.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A domain (virtual machine or container), the Java rendering of libvirt's {@code virDomainPtr}.
 * A handle: it names a domain of its connection and reads live state on each call.
 * Thread-safe. Unimplemented operations throw {@link ErrorCode#NO_SUPPORT}.
 */
public interface Domain {

    /** The connection this domain belongs to. */
    Connect getConnect();

    /** The name. */
    String getName();

    /** The UUID. */
    UUID getUUID();

    /** The id while running, {@code -1} otherwise ({@code virDomainGetID}). */
    int getID();

    /** State, memory, vCPUs and CPU time ({@code virDomainGetInfo}). */
    DomainInfo getInfo();

    /** The state and its reason ({@code virDomainGetState}). */
    DomainStateInfo getState();

    /** The guest OS type, e.g. {@code hvm} ({@code virDomainGetOSType}). */
    default String getOSType() {
        throw unsupported("virDomainGetOSType");
    }

    /**
     * The domain XML ({@code virDomainGetXMLDesc}).
     *
     * @param flags {@link DomainXmlFlag#INACTIVE} for the persistent definition, ...
     * @return the XML
     */
    String getXMLDesc(Set<DomainXmlFlag> flags);

    /** The live (or, when shut off, persistent) domain XML. */
    default String getXMLDesc() {
        return getXMLDesc(EnumSet.noneOf(DomainXmlFlag.class));
    }

    /** Whether it runs ({@code virDomainIsActive}). */
    boolean isActive();

    /** Whether it has a persistent definition ({@code virDomainIsPersistent}). */
    boolean isPersistent();

    /** Whether the persistent definition differs from the live one ({@code virDomainIsUpdated}). */
    default boolean isUpdated() {
        throw unsupported("virDomainIsUpdated");
    }

    // ---- lifecycle ----

    /** Starts a defined domain ({@code virDomainCreateWithFlags}). */
    default void create(Set<DomainCreateFlag> flags) {
        throw unsupported("virDomainCreateWithFlags");
    }

    /** Starts a defined domain ({@code virDomainCreate}). */
    default void create() {
        create(EnumSet.noneOf(DomainCreateFlag.class));
    }

    /** Stops it at once ({@code virDomainDestroy}). */
    default void destroy() {
        throw unsupported("virDomainDestroy");
    }

    /** Asks the guest to shut down ({@code virDomainShutdown}). */
    default void shutdown() {
        throw unsupported("virDomainShutdown");
    }

    /** Asks the guest to reboot ({@code virDomainReboot}). */
    default void reboot() {
        throw unsupported("virDomainReboot");
    }

    /** Pauses its vCPUs ({@code virDomainSuspend}). */
    default void suspend() {
        throw unsupported("virDomainSuspend");
    }

    /** Resumes its vCPUs ({@code virDomainResume}). */
    default void resume() {
        throw unsupported("virDomainResume");
    }

    /** Removes the persistent definition ({@code virDomainUndefineFlags}); a running domain becomes transient. */
    default void undefine(Set<DomainUndefineFlag> flags) {
        throw unsupported("virDomainUndefineFlags");
    }

    /** Removes the persistent definition ({@code virDomainUndefine}). */
    default void undefine() {
        undefine(EnumSet.noneOf(DomainUndefineFlag.class));
    }

    /** Whether it starts with the host ({@code virDomainGetAutostart}). */
    default boolean getAutostart() {
        throw unsupported("virDomainGetAutostart");
    }

    /** Sets whether it starts with the host ({@code virDomainSetAutostart}). */
    default void setAutostart(boolean autostart) {
        throw unsupported("virDomainSetAutostart");
    }

    // ---- resources ----

    /** The maximum memory in KiB ({@code virDomainGetMaxMemory}). */
    default long getMaxMemory() {
        return getInfo().maxMemoryKiB();
    }

    /** Sets the current memory in KiB ({@code virDomainSetMemoryFlags}); with MAXIMUM, the maximum. */
    default void setMemory(long kib, Set<DomainMemoryFlag> flags) {
        throw unsupported("virDomainSetMemoryFlags");
    }

    /** Sets the maximum memory in KiB ({@code virDomainSetMaxMemory}). */
    default void setMaxMemory(long kib) {
        setMemory(kib, EnumSet.of(DomainMemoryFlag.MAXIMUM));
    }

    /** Sets the vCPU count ({@code virDomainSetVcpusFlags}); with MAXIMUM, the maximum. */
    default void setVcpus(int count, Set<DomainVcpuFlag> flags) {
        throw unsupported("virDomainSetVcpusFlags");
    }

    /** The vCPU count for the given flags ({@code virDomainGetVcpusFlags}). */
    default int getVcpus(Set<DomainVcpuFlag> flags) {
        throw unsupported("virDomainGetVcpusFlags");
    }

    /**
     * Sets how often the guest's balloon driver reports memory statistics
     * ({@code virDomainSetMemoryStatsPeriod}).
     *
     * @param seconds the period; 0 turns the statistics off
     * @param flags {@link DomainModificationFlag#LIVE} and/or {@link DomainModificationFlag#CONFIG};
     *        empty means the current state (live when running, else config)
     * @throws VirtException {@link ErrorCode#INVALID_ARG} for a negative period,
     *         {@link ErrorCode#OPERATION_INVALID} without a memory balloon
     */
    default void setMemoryStatsPeriod(int seconds, Set<DomainModificationFlag> flags) {
        throw unsupported("virDomainSetMemoryStatsPeriod");
    }

    /**
     * The memory statistics of a running domain ({@code virDomainMemoryStats}): what the hypervisor
     * knows (balloon size, resident set) plus what the guest's balloon driver last reported.
     * Statistics the guest has not reported are absent, not zero.
     *
     * @return an immutable map from libvirt's tag to its value (KiB for sizes)
     * @throws VirtException {@link ErrorCode#OPERATION_INVALID} when the domain is not running
     */
    default Map<MemoryStatTag, Long> memoryStats() {
        throw unsupported("virDomainMemoryStats");
    }

    /** Its security label ({@code virDomainGetSecurityLabel}). */
    default SecurityLabel getSecurityLabel() {
        throw unsupported("virDomainGetSecurityLabel");
    }

    // ---- devices ----

    /** Adds a device from its XML ({@code virDomainAttachDeviceFlags}). */
    default void attachDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        throw unsupported("virDomainAttachDeviceFlags");
    }

    /** Removes the device its XML names ({@code virDomainDetachDeviceFlags}). */
    default void detachDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        throw unsupported("virDomainDetachDeviceFlags");
    }

    /** Changes a device in place ({@code virDomainUpdateDeviceFlags}). */
    default void updateDevice(String deviceXml, Set<DomainDeviceFlag> flags) {
        throw unsupported("virDomainUpdateDeviceFlags");
    }

    // ---- save / managed save ----

    /** Saves its state to a file and stops it ({@code virDomainSaveFlags}). */
    default void save(String path, Set<DomainSaveFlag> flags) {
        throw unsupported("virDomainSaveFlags");
    }

    /** Saves its state to the driver's own place and stops it ({@code virDomainManagedSave}). */
    default void managedSave(Set<DomainSaveFlag> flags) {
        throw unsupported("virDomainManagedSave");
    }

    /** Whether a managed save image exists ({@code virDomainHasManagedSaveImage}). */
    default boolean hasManagedSaveImage() {
        throw unsupported("virDomainHasManagedSaveImage");
    }

    /** Removes the managed save image ({@code virDomainManagedSaveRemove}). */
    default void managedSaveRemove() {
        throw unsupported("virDomainManagedSaveRemove");
    }

    // ---- migration ----

    /**
     * Migrates this running domain to another connection ({@code virDomainMigrate3}): the
     * destination prepares an incoming guest, the data flows hypervisor to hypervisor, the guest
     * then runs at the destination and is gone from the source. If the migration fails before
     * the guest runs at the destination, the source keeps running.
     *
     * <p>With {@link MigrateFlag#POSTCOPY} the migration starts as pre-copy and switches to
     * post-copy when another thread calls {@link #migrateStartPostCopy()} while this call runs.
     *
     * @param dest a connection to the destination hypervisor
     * @param flags libvirt's migration flags
     * @param params parameters, {@link MigrateParams#DEFAULT} for none
     * @return the domain at the destination (a handle of {@code dest})
     * @throws VirtException {@link ErrorCode#OPERATION_INVALID} when the domain is not running,
     *         {@link ErrorCode#ARGUMENT_UNSUPPORTED} for flags the driver cannot honour,
     *         {@link ErrorCode#OPERATION_FAILED} when the migration failed
     */
    default Domain migrate(Connect dest, Set<MigrateFlag> flags, MigrateParams params) {
        throw unsupported("virDomainMigrate3");
    }

    /**
     * Migrates this domain to the hypervisor a URI names, the source driver opening the destination
     * connection itself ({@code virDomainMigrateToURI3} with {@link MigrateFlag#PEER2PEER}).
     *
     * @param destUri the destination connection URI, e.g. {@code qemu:///embed?root=/other}
     * @param flags libvirt's migration flags
     * @param params parameters, {@link MigrateParams#DEFAULT} for none
     * @throws VirtException as {@link #migrate(Connect, Set, MigrateParams)}
     */
    default void migrateToURI(String destUri, Set<MigrateFlag> flags, MigrateParams params) {
        throw unsupported("virDomainMigrateToURI3");
    }

    /**
     * Switches a running migration started with {@link MigrateFlag#POSTCOPY} to post-copy
     * ({@code virDomainMigrateStartPostCopy}): the guest continues at the destination at once and
     * fetches its remaining memory from the source on demand.
     *
     * @throws VirtException {@link ErrorCode#OPERATION_INVALID} when no such migration is running
     */
    default void migrateStartPostCopy() {
        throw unsupported("virDomainMigrateStartPostCopy");
    }

    // ---- snapshots ----

    /** Takes a snapshot described by snapshot XML ({@code virDomainSnapshotCreateXML}). */
    default DomainSnapshot createSnapshot(String snapshotXml, Set<SnapshotCreateFlag> flags) {
        throw unsupported("virDomainSnapshotCreateXML");
    }

    /** Its snapshots matching every given filter ({@code virDomainListAllSnapshots}). */
    default List<DomainSnapshot> listAllSnapshots(Set<SnapshotListFlag> filters) {
        throw unsupported("virDomainListAllSnapshots");
    }

    /** The snapshot with this name, if any. */
    default Optional<DomainSnapshot> findSnapshot(String name) {
        throw unsupported("virDomainSnapshotLookupByName");
    }

    /** The snapshot with this name; {@link ErrorCode#NO_DOMAIN_SNAPSHOT} if absent. */
    default DomainSnapshot lookupSnapshot(String name) {
        return findSnapshot(name).orElseThrow(() -> VirtException.of(ErrorCode.NO_DOMAIN_SNAPSHOT,
                ErrorDomain.DOMAIN_SNAPSHOT, "no domain snapshot with matching name '" + name + "'"));
    }

    /** The current snapshot, if any ({@code virDomainSnapshotCurrent}). */
    default Optional<DomainSnapshot> currentSnapshot() {
        throw unsupported("virDomainSnapshotCurrent");
    }

    /**
     * The error a default method throws: {@link ErrorCode#NO_SUPPORT} naming the function and the
     * driver.
     *
     * @param function libvirt's function name
     * @return the exception to throw
     */
    default VirtException unsupported(String function) {
        return VirtException.noSupport(getConnect().getType(), function);
    }
}
