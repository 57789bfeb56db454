package org.jvirt.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A connection to a hypervisor, the Java rendering of libvirt's {@code virConnectPtr}.
 *
 * <p>Obtain one with {@code org.jvirt.core.Virt.open(uri)} and close it when done (it is
 * {@link AutoCloseable}). A connection is safe to use from many threads at once; so are the
 * {@link Domain}, {@link StoragePool}, {@link StorageVol} and {@link Network} objects it returns,
 * which stay usable only while the connection is open.
 *
 * <p>Operations a driver does not implement throw {@link VirtException} with
 * {@link ErrorCode#NO_SUPPORT}, naming libvirt's function and the driver: the default
 * methods of this interface do exactly that, so adding a method never breaks a driver.
 * Lookups of absent objects throw with libvirt's "not found" codes ({@link ErrorCode#NO_DOMAIN},
 * {@link ErrorCode#NO_STORAGE_POOL}, ...); the {@code find...} variants return an empty
 * {@link Optional} instead.
 */
public interface Connect extends AutoCloseable {

    // ---- the connection itself ----

    /** The driver's name of the hypervisor type, e.g. {@code "TEST"} or {@code "QEMU"} ({@code virConnectGetType}). */
    String getType();

    /** The hypervisor's version ({@code virConnectGetVersion}). */
    default Version getVersion() {
        throw unsupported("virConnectGetVersion");
    }

    /** The version of the library the driver implements, libvirt-style ({@code virConnectGetLibVersion}). */
    default Version getLibVersion() {
        throw unsupported("virConnectGetLibVersion");
    }

    /** The host's name ({@code virConnectGetHostname}). */
    default String getHostname() {
        throw unsupported("virConnectGetHostname");
    }

    /** The canonical URI of this connection ({@code virConnectGetURI}). */
    String getURI();

    /** The capabilities XML of the host and its hypervisor ({@code virConnectGetCapabilities}). */
    default String getCapabilities() {
        throw unsupported("virConnectGetCapabilities");
    }

    /** The host's hardware ({@code virNodeGetInfo}). */
    default NodeInfo getNodeInfo() {
        throw unsupported("virNodeGetInfo");
    }

    /** The host's security model ({@code virNodeGetSecurityModel}). */
    default SecurityModel getSecurityModel() {
        throw unsupported("virNodeGetSecurityModel");
    }

    /** The maximum vCPUs a guest of the given type may have; {@code type} may be {@code null} ({@code virConnectGetMaxVcpus}). */
    default int getMaxVcpus(String type) {
        throw unsupported("virConnectGetMaxVcpus");
    }

    /** Whether the connection is open and its peer alive ({@code virConnectIsAlive}). */
    boolean isAlive();

    /** Whether the connection was opened read-only. */
    boolean isReadOnly();

    /** Whether the connection is encrypted ({@code virConnectIsEncrypted}). */
    default boolean isEncrypted() {
        return false;
    }

    /** Whether the connection is secure: encrypted or local ({@code virConnectIsSecure}). */
    default boolean isSecure() {
        return true;
    }

    /** Closes the connection. Idempotent; objects obtained from it become unusable. */
    @Override
    void close();

    /**
     * Gives access to driver-specific features without casts, as JDBC's {@code unwrap} does.
     *
     * @param type an interface the connection may implement (e.g. a driver's extension interface)
     * @param <T> that interface
     * @return the connection viewed as {@code type}
     * @throws VirtException with {@link ErrorCode#NO_SUPPORT} if it does not implement it
     */
    default <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw unsupported("unwrap(" + type.getName() + ")");
    }

    // ---- domains ----

    /**
     * All domains matching every given filter ({@code virConnectListAllDomains}).
     *
     * @param filters filters; within one pair (ACTIVE/INACTIVE, ...) either means "either"
     * @return the domains, active ones first by id, then inactive ones by name
     */
    default List<Domain> listAllDomains(Set<ListDomainsFlag> filters) {
        throw unsupported("virConnectListAllDomains");
    }

    /** All domains. */
    default List<Domain> listAllDomains() {
        return listAllDomains(EnumSet.noneOf(ListDomainsFlag.class));
    }

    /** The number of running domains ({@code virConnectNumOfDomains}). */
    default int numOfDomains() {
        return listAllDomains(EnumSet.of(ListDomainsFlag.ACTIVE)).size();
    }

    /** The domain with this name, if any. */
    default Optional<Domain> findDomainByName(String name) {
        throw unsupported("virDomainLookupByName");
    }

    /** The domain with this UUID, if any. */
    default Optional<Domain> findDomainByUUID(UUID uuid) {
        throw unsupported("virDomainLookupByUUID");
    }

    /** The running domain with this id, if any. */
    default Optional<Domain> findDomainById(int id) {
        throw unsupported("virDomainLookupByID");
    }

    /** The domain with this name ({@code virDomainLookupByName}); {@link ErrorCode#NO_DOMAIN} if absent. */
    default Domain lookupDomainByName(String name) {
        return findDomainByName(name).orElseThrow(() -> VirtException.of(ErrorCode.NO_DOMAIN, ErrorDomain.DOMAIN,
                "no domain with matching name '" + name + "'"));
    }

    /** The domain with this UUID ({@code virDomainLookupByUUID}); {@link ErrorCode#NO_DOMAIN} if absent. */
    default Domain lookupDomainByUUID(UUID uuid) {
        return findDomainByUUID(uuid).orElseThrow(() -> VirtException.of(ErrorCode.NO_DOMAIN, ErrorDomain.DOMAIN,
                "no domain with matching uuid '" + uuid + "'"));
    }

    /** The running domain with this id ({@code virDomainLookupByID}); {@link ErrorCode#NO_DOMAIN} if absent. */
    default Domain lookupDomainById(int id) {
        return findDomainById(id).orElseThrow(() -> VirtException.of(ErrorCode.NO_DOMAIN, ErrorDomain.DOMAIN,
                "no domain with matching id " + id));
    }

    /**
     * Defines (or redefines) a persistent domain from its XML ({@code virDomainDefineXMLFlags}).
     *
     * @param xml libvirt domain XML
     * @param flags {@link DomainDefineFlag#VALIDATE} to validate against the schema
     * @return the domain
     */
    default Domain defineDomain(String xml, Set<DomainDefineFlag> flags) {
        throw unsupported("virDomainDefineXMLFlags");
    }

    /** Defines a persistent domain ({@code virDomainDefineXML}). */
    default Domain defineDomain(String xml) {
        return defineDomain(xml, EnumSet.noneOf(DomainDefineFlag.class));
    }

    /**
     * Creates and starts a transient domain ({@code virDomainCreateXML}).
     *
     * @param xml libvirt domain XML
     * @param flags start flags
     * @return the running domain
     */
    default Domain createDomain(String xml, Set<DomainCreateFlag> flags) {
        throw unsupported("virDomainCreateXML");
    }

    /**
     * Translates domain XML into a hypervisor's native configuration ({@code virConnectDomainXMLToNative}),
     * e.g. format {@code qemu-argv} for the QEMU driver: the command line it would run, as
     * {@code virsh domxml-to-native} prints it. Nothing is defined or started.
     *
     * @param nativeFormat the native format, e.g. {@code qemu-argv}
     * @param domainXml the domain XML
     * @return the native configuration
     * @throws VirtException {@link ErrorCode#INVALID_ARG} for a format the driver does not know;
     *         the driver's parse and build errors for the XML
     */
    default String domainXmlToNative(String nativeFormat, String domainXml) {
        throw unsupported("virConnectDomainXMLToNative");
    }

    /**
     * Restores a domain saved with {@link Domain#save} ({@code virDomainRestoreFlags}).
     *
     * @param path the save file
     * @param flags restore flags
     */
    default void restoreDomain(String path, Set<DomainSaveFlag> flags) {
        throw unsupported("virDomainRestore");
    }

    /**
     * Registers a listener for lifecycle events of all domains of this connection
     * ({@code virConnectDomainEventRegisterAny} with {@code VIR_DOMAIN_EVENT_ID_LIFECYCLE}).
     *
     * @param listener the listener
     * @return a handle that unregisters it when closed
     */
    default Registration addDomainEventListener(DomainEventListener listener) {
        throw unsupported("virConnectDomainEventRegisterAny");
    }

    // ---- storage ----

    /** All storage pools matching every given filter ({@code virConnectListAllStoragePools}). */
    default List<StoragePool> listAllStoragePools(Set<ListPoolsFlag> filters) {
        throw unsupported("virConnectListAllStoragePools");
    }

    /** The pool with this name, if any. */
    default Optional<StoragePool> findStoragePoolByName(String name) {
        throw unsupported("virStoragePoolLookupByName");
    }

    /** The pool with this UUID, if any. */
    default Optional<StoragePool> findStoragePoolByUUID(UUID uuid) {
        throw unsupported("virStoragePoolLookupByUUID");
    }

    /** The pool with this name; {@link ErrorCode#NO_STORAGE_POOL} if absent. */
    default StoragePool lookupStoragePoolByName(String name) {
        return findStoragePoolByName(name).orElseThrow(() -> VirtException.of(ErrorCode.NO_STORAGE_POOL,
                ErrorDomain.STORAGE, "no storage pool with matching name '" + name + "'"));
    }

    /** The pool with this UUID; {@link ErrorCode#NO_STORAGE_POOL} if absent. */
    default StoragePool lookupStoragePoolByUUID(UUID uuid) {
        return findStoragePoolByUUID(uuid).orElseThrow(() -> VirtException.of(ErrorCode.NO_STORAGE_POOL,
                ErrorDomain.STORAGE, "no storage pool with matching uuid '" + uuid + "'"));
    }

    /** Defines a persistent pool ({@code virStoragePoolDefineXML}). */
    default StoragePool defineStoragePool(String xml) {
        throw unsupported("virStoragePoolDefineXML");
    }

    /** Creates and starts a transient pool ({@code virStoragePoolCreateXML}). */
    default StoragePool createStoragePool(String xml) {
        throw unsupported("virStoragePoolCreateXML");
    }

    /** The volume with this path or key, searching all active pools ({@code virStorageVolLookupByPath}). */
    default StorageVol lookupStorageVolByPath(String path) {
        throw unsupported("virStorageVolLookupByPath");
    }

    // ---- networks ----

    /** All networks matching every given filter ({@code virConnectListAllNetworks}). */
    default List<Network> listAllNetworks(Set<ListNetworksFlag> filters) {
        throw unsupported("virConnectListAllNetworks");
    }

    /** The network with this name, if any. */
    default Optional<Network> findNetworkByName(String name) {
        throw unsupported("virNetworkLookupByName");
    }

    /** The network with this UUID, if any. */
    default Optional<Network> findNetworkByUUID(UUID uuid) {
        throw unsupported("virNetworkLookupByUUID");
    }

    /** The network with this name; {@link ErrorCode#NO_NETWORK} if absent. */
    default Network lookupNetworkByName(String name) {
        return findNetworkByName(name).orElseThrow(() -> VirtException.of(ErrorCode.NO_NETWORK,
                ErrorDomain.NETWORK, "no network with matching name '" + name + "'"));
    }

    /** The network with this UUID; {@link ErrorCode#NO_NETWORK} if absent. */
    default Network lookupNetworkByUUID(UUID uuid) {
        return findNetworkByUUID(uuid).orElseThrow(() -> VirtException.of(ErrorCode.NO_NETWORK,
                ErrorDomain.NETWORK, "no network with matching uuid '" + uuid + "'"));
    }

    /** Defines a persistent network ({@code virNetworkDefineXML}). */
    default Network defineNetwork(String xml) {
        throw unsupported("virNetworkDefineXML");
    }

    /** Creates and starts a transient network ({@code virNetworkCreateXML}). */
    default Network createNetwork(String xml) {
        throw unsupported("virNetworkCreateXML");
    }

    /**
     * The error a default method throws: {@link ErrorCode#NO_SUPPORT} naming the function and this
     * connection's driver.
     *
     * @param function libvirt's function name
     * @return the exception to throw
     */
    default VirtException unsupported(String function) {
        return VirtException.noSupport(getType(), function);
    }
}
