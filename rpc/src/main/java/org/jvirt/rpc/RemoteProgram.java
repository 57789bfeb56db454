package org.jvirt.rpc;

import static org.jvirt.rpc.Procedure.Kind.CALL;
import static org.jvirt.rpc.Procedure.Kind.EVENT;
import static org.jvirt.rpc.Procedure.Kind.READ_STREAM;
import static org.jvirt.rpc.Procedure.Kind.WRITE_STREAM;

/**
 * libvirt's REMOTE program ({@code 0x20008086} v1): one line per procedure — number, name,
 * argument layout, result layout — in the notation of {@link Types}. This table is the single
 * source of truth for both the client ({@code driver-remote}) and the server ({@code jvirtd});
 * {@link #TABLE} looks procedures up by number or name.
 *
 * <p>Written from libvirt 9.0's protocol (numbers are libvirt's and never change). It holds the
 * procedures jvirt's API uses and those real clients send at connection set-up; a procedure not
 * listed is answered "unknown procedure" by a jvirt server and is simply not called by the client.
 */
public final class RemoteProgram {
    private RemoteProgram() {
    }

    private static final ProgramBuilder B = new ProgramBuilder(Program.REMOTE);

    private static Procedure call(int n, String name, String args, String ret) {
        return B.add(CALL, n, name, args, ret);
    }

    // ---- limits used below (remote_protocol.x) ----
    // 16384: every object list; 20: auth types; 65536: SASL data; 257/4097: security model/label.

    // ---- connection, auth, host ----
    /** Opens the hypervisor connection. */
    public static final Procedure CONNECT_OPEN = call(1, "CONNECT_OPEN", "name:str?, flags:u32", "-");
    /** Closes it; the server then hangs up. */
    public static final Procedure CONNECT_CLOSE = call(2, "CONNECT_CLOSE", "-", "-");
    /** virConnectGetType. */
    public static final Procedure CONNECT_GET_TYPE = call(3, "CONNECT_GET_TYPE", "-", "type:str");
    /** virConnectGetVersion. */
    public static final Procedure CONNECT_GET_VERSION = call(4, "CONNECT_GET_VERSION", "-", "hv_ver:u64");
    /** virConnectGetMaxVcpus. */
    public static final Procedure CONNECT_GET_MAX_VCPUS = call(5, "CONNECT_GET_MAX_VCPUS", "type:str?", "max_vcpus:i32");
    /** virNodeGetInfo. */
    public static final Procedure NODE_GET_INFO = call(6, "NODE_GET_INFO", "-",
            "model:char4[32], memory:u64, cpus:i32, mhz:i32, nodes:i32, sockets:i32, cores:i32, threads:i32");
    /** virConnectGetCapabilities. */
    public static final Procedure CONNECT_GET_CAPABILITIES = call(7, "CONNECT_GET_CAPABILITIES", "-", "capabilities:str");
    /** virConnectGetHostname. */
    public static final Procedure CONNECT_GET_HOSTNAME = call(59, "CONNECT_GET_HOSTNAME", "-", "hostname:str");
    /** virConnectSupportsFeature (feature numbers as VIR_DRV_FEATURE_*). */
    public static final Procedure CONNECT_SUPPORTS_FEATURE = call(60, "CONNECT_SUPPORTS_FEATURE", "feature:i32", "supported:i32");
    /** The auth types the server's socket wants (0 none, 1 SASL, 2 polkit). */
    public static final Procedure AUTH_LIST = call(66, "AUTH_LIST", "-", "types:i32<20>");
    /** SASL: the server's mechanism list. */
    public static final Procedure AUTH_SASL_INIT = call(67, "AUTH_SASL_INIT", "-", "mechlist:str");
    /** SASL: first step. */
    public static final Procedure AUTH_SASL_START = call(68, "AUTH_SASL_START", "mech:str, nil:i32, data:char4<65536>",
            "complete:i32, nil:i32, data:char4<65536>");
    /** SASL: further steps. */
    public static final Procedure AUTH_SASL_STEP = call(69, "AUTH_SASL_STEP", "nil:i32, data:char4<65536>",
            "complete:i32, nil:i32, data:char4<65536>");
    /** Polkit check of the peer (UNIX sockets). */
    public static final Procedure AUTH_POLKIT = call(70, "AUTH_POLKIT", "-", "complete:i32");
    /** virNodeGetFreeMemory. */
    public static final Procedure NODE_GET_FREE_MEMORY = call(102, "NODE_GET_FREE_MEMORY", "-", "freeMem:u64");
    /** virNodeGetCellsFreeMemory. */
    public static final Procedure NODE_GET_CELLS_FREE_MEMORY = call(101, "NODE_GET_CELLS_FREE_MEMORY",
            "startCell:i32, maxcells:i32", "cells:u64<1024>");
    /** virConnectGetURI. */
    public static final Procedure CONNECT_GET_URI = call(110, "CONNECT_GET_URI", "-", "uri:str");
    /** virNodeGetSecurityModel. */
    public static final Procedure NODE_GET_SECURITY_MODEL = call(122, "NODE_GET_SECURITY_MODEL", "-",
            "model:char4<257>, doi:char4<257>");
    /** virConnectIsSecure. */
    public static final Procedure CONNECT_IS_SECURE = call(149, "CONNECT_IS_SECURE", "-", "secure:i32");
    /** virConnectGetLibVersion. */
    public static final Procedure CONNECT_GET_LIB_VERSION = call(157, "CONNECT_GET_LIB_VERSION", "-", "lib_ver:u64");
    /** virConnectRegisterCloseCallback. */
    public static final Procedure CONNECT_REGISTER_CLOSE_CALLBACK = call(360, "CONNECT_REGISTER_CLOSE_CALLBACK", "-", "-");
    /** virConnectUnregisterCloseCallback. */
    public static final Procedure CONNECT_UNREGISTER_CLOSE_CALLBACK = call(361, "CONNECT_UNREGISTER_CLOSE_CALLBACK", "-", "-");
    /** Event: the server is closing the hypervisor connection. */
    public static final Procedure CONNECT_EVENT_CONNECTION_CLOSED = B.add(EVENT, 362, "CONNECT_EVENT_CONNECTION_CLOSED",
            "reason:i32", "-");

    // ---- domain listing and lookup ----
    /** virConnectListDomains (ids of running domains). */
    public static final Procedure CONNECT_LIST_DOMAINS = call(37, "CONNECT_LIST_DOMAINS", "maxids:i32", "ids:i32<16384>");
    /** virConnectNumOfDomains. */
    public static final Procedure CONNECT_NUM_OF_DOMAINS = call(51, "CONNECT_NUM_OF_DOMAINS", "-", "num:i32");
    /** virConnectListDefinedDomains. */
    public static final Procedure CONNECT_LIST_DEFINED_DOMAINS = call(21, "CONNECT_LIST_DEFINED_DOMAINS", "maxnames:i32",
            "names:str<16384>");
    /** virConnectNumOfDefinedDomains. */
    public static final Procedure CONNECT_NUM_OF_DEFINED_DOMAINS = call(25, "CONNECT_NUM_OF_DEFINED_DOMAINS", "-", "num:i32");
    /** virConnectListAllDomains. */
    public static final Procedure CONNECT_LIST_ALL_DOMAINS = call(273, "CONNECT_LIST_ALL_DOMAINS",
            "need_results:i32, flags:u32", "domains:dom<16384>, ret:u32");
    /** virDomainLookupByID. */
    public static final Procedure DOMAIN_LOOKUP_BY_ID = call(22, "DOMAIN_LOOKUP_BY_ID", "id:i32", "dom:dom");
    /** virDomainLookupByName. */
    public static final Procedure DOMAIN_LOOKUP_BY_NAME = call(23, "DOMAIN_LOOKUP_BY_NAME", "name:str", "dom:dom");
    /** virDomainLookupByUUID. */
    public static final Procedure DOMAIN_LOOKUP_BY_UUID = call(24, "DOMAIN_LOOKUP_BY_UUID", "uuid:uuid", "dom:dom");

    // ---- domain lifecycle ----
    /** virDomainCreate. */
    public static final Procedure DOMAIN_CREATE = call(9, "DOMAIN_CREATE", "dom:dom", "-");
    /** virDomainCreateXML. */
    public static final Procedure DOMAIN_CREATE_XML = call(10, "DOMAIN_CREATE_XML", "xml_desc:str, flags:u32", "dom:dom");
    /** virDomainDefineXML. */
    public static final Procedure DOMAIN_DEFINE_XML = call(11, "DOMAIN_DEFINE_XML", "xml:str", "dom:dom");
    /** virDomainDestroy. */
    public static final Procedure DOMAIN_DESTROY = call(12, "DOMAIN_DESTROY", "dom:dom", "-");
    /** virDomainReboot. */
    public static final Procedure DOMAIN_REBOOT = call(27, "DOMAIN_REBOOT", "dom:dom, flags:u32", "-");
    /** virDomainResume. */
    public static final Procedure DOMAIN_RESUME = call(28, "DOMAIN_RESUME", "dom:dom", "-");
    /** virDomainShutdown. */
    public static final Procedure DOMAIN_SHUTDOWN = call(33, "DOMAIN_SHUTDOWN", "dom:dom", "-");
    /** virDomainSuspend. */
    public static final Procedure DOMAIN_SUSPEND = call(34, "DOMAIN_SUSPEND", "dom:dom", "-");
    /** virDomainUndefine. */
    public static final Procedure DOMAIN_UNDEFINE = call(35, "DOMAIN_UNDEFINE", "dom:dom", "-");
    /** virDomainCreateWithFlags. */
    public static final Procedure DOMAIN_CREATE_WITH_FLAGS = call(196, "DOMAIN_CREATE_WITH_FLAGS", "dom:dom, flags:u32",
            "dom:dom");
    /** virDomainUndefineFlags. */
    public static final Procedure DOMAIN_UNDEFINE_FLAGS = call(231, "DOMAIN_UNDEFINE_FLAGS", "dom:dom, flags:u32", "-");
    /** virDomainDestroyFlags. */
    public static final Procedure DOMAIN_DESTROY_FLAGS = call(234, "DOMAIN_DESTROY_FLAGS", "dom:dom, flags:u32", "-");
    /** virDomainReset. */
    public static final Procedure DOMAIN_RESET = call(245, "DOMAIN_RESET", "dom:dom, flags:u32", "-");
    /** virDomainShutdownFlags. */
    public static final Procedure DOMAIN_SHUTDOWN_FLAGS = call(258, "DOMAIN_SHUTDOWN_FLAGS", "dom:dom, flags:u32", "-");
    /** virDomainDefineXMLFlags. */
    public static final Procedure DOMAIN_DEFINE_XML_FLAGS = call(350, "DOMAIN_DEFINE_XML_FLAGS", "xml:str, flags:u32",
            "dom:dom");

    // ---- domain information and tuning ----
    /** virDomainAttachDevice. */
    public static final Procedure DOMAIN_ATTACH_DEVICE = call(8, "DOMAIN_ATTACH_DEVICE", "dom:dom, xml:str", "-");
    /** virDomainDetachDevice. */
    public static final Procedure DOMAIN_DETACH_DEVICE = call(13, "DOMAIN_DETACH_DEVICE", "dom:dom, xml:str", "-");
    /** virDomainGetXMLDesc. */
    public static final Procedure DOMAIN_GET_XML_DESC = call(14, "DOMAIN_GET_XML_DESC", "dom:dom, flags:u32", "xml:str");
    /** virDomainGetAutostart. */
    public static final Procedure DOMAIN_GET_AUTOSTART = call(15, "DOMAIN_GET_AUTOSTART", "dom:dom", "autostart:i32");
    /** virDomainGetInfo. */
    public static final Procedure DOMAIN_GET_INFO = call(16, "DOMAIN_GET_INFO", "dom:dom",
            "state:u8w, maxMem:u64, memory:u64, nrVirtCpu:u16w, cpuTime:u64");
    /** virDomainGetMaxMemory. */
    public static final Procedure DOMAIN_GET_MAX_MEMORY = call(17, "DOMAIN_GET_MAX_MEMORY", "dom:dom", "memory:u64");
    /** virDomainGetOSType. */
    public static final Procedure DOMAIN_GET_OS_TYPE = call(19, "DOMAIN_GET_OS_TYPE", "dom:dom", "type:str");
    /** virDomainSetAutostart. */
    public static final Procedure DOMAIN_SET_AUTOSTART = call(29, "DOMAIN_SET_AUTOSTART", "dom:dom, autostart:i32", "-");
    /** virDomainSetMaxMemory. */
    public static final Procedure DOMAIN_SET_MAX_MEMORY = call(30, "DOMAIN_SET_MAX_MEMORY", "dom:dom, memory:u64", "-");
    /** virDomainSetMemory. */
    public static final Procedure DOMAIN_SET_MEMORY = call(31, "DOMAIN_SET_MEMORY", "dom:dom, memory:u64", "-");
    /** virDomainGetSchedulerType. */
    public static final Procedure DOMAIN_GET_SCHEDULER_TYPE = call(56, "DOMAIN_GET_SCHEDULER_TYPE", "dom:dom",
            "type:str, nparams:i32");
    /** virDomainGetSchedulerParameters. */
    public static final Procedure DOMAIN_GET_SCHEDULER_PARAMETERS = call(57, "DOMAIN_GET_SCHEDULER_PARAMETERS",
            "dom:dom, nparams:i32", "params:tparam<16>");
    /** virDomainSetSchedulerParameters. */
    public static final Procedure DOMAIN_SET_SCHEDULER_PARAMETERS = call(58, "DOMAIN_SET_SCHEDULER_PARAMETERS",
            "dom:dom, params:tparam<16>", "-");
    /** virDomainGetSecurityLabel. */
    public static final Procedure DOMAIN_GET_SECURITY_LABEL = call(121, "DOMAIN_GET_SECURITY_LABEL", "dom:dom",
            "label:char4<4097>, enforcing:i32");
    /** virDomainIsActive. */
    public static final Procedure DOMAIN_IS_ACTIVE = call(150, "DOMAIN_IS_ACTIVE", "dom:dom", "active:i32");
    /** virDomainIsPersistent. */
    public static final Procedure DOMAIN_IS_PERSISTENT = call(151, "DOMAIN_IS_PERSISTENT", "dom:dom", "persistent:i32");
    /** virDomainMemoryStats. */
    public static final Procedure DOMAIN_MEMORY_STATS = call(159, "DOMAIN_MEMORY_STATS",
            "dom:dom, maxStats:u32, flags:u32", "stats:{tag:i32, val:u64}<1024>");
    /** virDomainAttachDeviceFlags. */
    public static final Procedure DOMAIN_ATTACH_DEVICE_FLAGS = call(160, "DOMAIN_ATTACH_DEVICE_FLAGS",
            "dom:dom, xml:str, flags:u32", "-");
    /** virDomainDetachDeviceFlags. */
    public static final Procedure DOMAIN_DETACH_DEVICE_FLAGS = call(161, "DOMAIN_DETACH_DEVICE_FLAGS",
            "dom:dom, xml:str, flags:u32", "-");
    /** virDomainUpdateDeviceFlags. */
    public static final Procedure DOMAIN_UPDATE_DEVICE_FLAGS = call(174, "DOMAIN_UPDATE_DEVICE_FLAGS",
            "dom:dom, xml:str, flags:u32", "-");
    /** virDomainSetVcpusFlags. */
    public static final Procedure DOMAIN_SET_VCPUS_FLAGS = call(199, "DOMAIN_SET_VCPUS_FLAGS",
            "dom:dom, nvcpus:u32, flags:u32", "-");
    /** virDomainGetVcpusFlags. */
    public static final Procedure DOMAIN_GET_VCPUS_FLAGS = call(200, "DOMAIN_GET_VCPUS_FLAGS", "dom:dom, flags:u32",
            "num:i32");
    /** virDomainIsUpdated. */
    public static final Procedure DOMAIN_IS_UPDATED = call(202, "DOMAIN_IS_UPDATED", "dom:dom", "updated:i32");
    /** virDomainSetMemoryFlags. */
    public static final Procedure DOMAIN_SET_MEMORY_FLAGS = call(204, "DOMAIN_SET_MEMORY_FLAGS",
            "dom:dom, memory:u64, flags:u32", "-");
    /** virDomainGetState. */
    public static final Procedure DOMAIN_GET_STATE = call(212, "DOMAIN_GET_STATE", "dom:dom, flags:u32",
            "state:i32, reason:i32");
    /** virDomainGetSchedulerParametersFlags. */
    public static final Procedure DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS = call(223, "DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS",
            "dom:dom, nparams:i32, flags:u32", "params:tparam<16>");
    /** virDomainSetSchedulerParametersFlags. */
    public static final Procedure DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS = call(219, "DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS",
            "dom:dom, params:tparam<16>, flags:u32", "-");
    /** virDomainSetMemoryStatsPeriod. */
    public static final Procedure DOMAIN_SET_MEMORY_STATS_PERIOD = call(308, "DOMAIN_SET_MEMORY_STATS_PERIOD",
            "dom:dom, period:i32, flags:u32", "-");
    /** virDomainGetMessages. */
    public static final Procedure DOMAIN_GET_MESSAGES = call(426, "DOMAIN_GET_MESSAGES", "dom:dom, flags:u32",
            "msgs:str<2048>");

    // ---- save, managed save, snapshots ----
    /** virDomainRestore. */
    public static final Procedure DOMAIN_RESTORE = call(54, "DOMAIN_RESTORE", "from:str", "-");
    /** virDomainSave. */
    public static final Procedure DOMAIN_SAVE = call(55, "DOMAIN_SAVE", "dom:dom, to:str", "-");
    /** virDomainManagedSave. */
    public static final Procedure DOMAIN_MANAGED_SAVE = call(182, "DOMAIN_MANAGED_SAVE", "dom:dom, flags:u32", "-");
    /** virDomainHasManagedSaveImage. */
    public static final Procedure DOMAIN_HAS_MANAGED_SAVE_IMAGE = call(183, "DOMAIN_HAS_MANAGED_SAVE_IMAGE",
            "dom:dom, flags:u32", "result:i32");
    /** virDomainManagedSaveRemove. */
    public static final Procedure DOMAIN_MANAGED_SAVE_REMOVE = call(184, "DOMAIN_MANAGED_SAVE_REMOVE",
            "dom:dom, flags:u32", "-");
    /** virDomainSnapshotCreateXML. */
    public static final Procedure DOMAIN_SNAPSHOT_CREATE_XML = call(185, "DOMAIN_SNAPSHOT_CREATE_XML",
            "dom:dom, xml_desc:str, flags:u32", "snap:snap");
    /** virDomainSnapshotGetXMLDesc. */
    public static final Procedure DOMAIN_SNAPSHOT_GET_XML_DESC = call(186, "DOMAIN_SNAPSHOT_GET_XML_DESC",
            "snap:snap, flags:u32", "xml:str");
    /** virDomainSnapshotNum. */
    public static final Procedure DOMAIN_SNAPSHOT_NUM = call(187, "DOMAIN_SNAPSHOT_NUM", "dom:dom, flags:u32", "num:i32");
    /** virDomainSnapshotListNames. */
    public static final Procedure DOMAIN_SNAPSHOT_LIST_NAMES = call(188, "DOMAIN_SNAPSHOT_LIST_NAMES",
            "dom:dom, maxnames:i32, flags:u32", "names:str<16384>");
    /** virDomainSnapshotLookupByName. */
    public static final Procedure DOMAIN_SNAPSHOT_LOOKUP_BY_NAME = call(189, "DOMAIN_SNAPSHOT_LOOKUP_BY_NAME",
            "dom:dom, name:str, flags:u32", "snap:snap");
    /** virDomainHasCurrentSnapshot. */
    public static final Procedure DOMAIN_HAS_CURRENT_SNAPSHOT = call(190, "DOMAIN_HAS_CURRENT_SNAPSHOT",
            "dom:dom, flags:u32", "result:i32");
    /** virDomainSnapshotCurrent. */
    public static final Procedure DOMAIN_SNAPSHOT_CURRENT = call(191, "DOMAIN_SNAPSHOT_CURRENT", "dom:dom, flags:u32",
            "snap:snap");
    /** virDomainRevertToSnapshot. */
    public static final Procedure DOMAIN_REVERT_TO_SNAPSHOT = call(192, "DOMAIN_REVERT_TO_SNAPSHOT",
            "snap:snap, flags:u32", "-");
    /** virDomainSnapshotDelete. */
    public static final Procedure DOMAIN_SNAPSHOT_DELETE = call(193, "DOMAIN_SNAPSHOT_DELETE", "snap:snap, flags:u32", "-");
    /** virDomainSaveFlags. */
    public static final Procedure DOMAIN_SAVE_FLAGS = call(232, "DOMAIN_SAVE_FLAGS",
            "dom:dom, to:str, dxml:str?, flags:u32", "-");
    /** virDomainRestoreFlags. */
    public static final Procedure DOMAIN_RESTORE_FLAGS = call(233, "DOMAIN_RESTORE_FLAGS",
            "from:str, dxml:str?, flags:u32", "-");
    /** virDomainSnapshotGetParent. */
    public static final Procedure DOMAIN_SNAPSHOT_GET_PARENT = call(244, "DOMAIN_SNAPSHOT_GET_PARENT",
            "snap:snap, flags:u32", "snap:snap");
    /** virDomainSnapshotIsCurrent. */
    public static final Procedure DOMAIN_SNAPSHOT_IS_CURRENT = call(271, "DOMAIN_SNAPSHOT_IS_CURRENT",
            "snap:snap, flags:u32", "current:i32");
    /** virDomainSnapshotHasMetadata. */
    public static final Procedure DOMAIN_SNAPSHOT_HAS_METADATA = call(272, "DOMAIN_SNAPSHOT_HAS_METADATA",
            "snap:snap, flags:u32", "metadata:i32");
    /** virDomainListAllSnapshots. */
    public static final Procedure DOMAIN_LIST_ALL_SNAPSHOTS = call(274, "DOMAIN_LIST_ALL_SNAPSHOTS",
            "dom:dom, need_results:i32, flags:u32", "snapshots:snap<16384>, ret:i32");

    // ---- domain events ----
    /** Legacy registration (no callback id). */
    public static final Procedure CONNECT_DOMAIN_EVENT_REGISTER_ANY = call(167, "CONNECT_DOMAIN_EVENT_REGISTER_ANY",
            "eventID:i32", "-");
    /** Legacy deregistration. */
    public static final Procedure CONNECT_DOMAIN_EVENT_DEREGISTER_ANY = call(168, "CONNECT_DOMAIN_EVENT_DEREGISTER_ANY",
            "eventID:i32", "-");
    /** Legacy lifecycle event. */
    public static final Procedure DOMAIN_EVENT_LIFECYCLE = B.add(EVENT, 107, "DOMAIN_EVENT_LIFECYCLE",
            "dom:dom, event:i32, detail:i32", "-");
    /** Registers for an event id, optionally for one domain; returns the server's callback id. */
    public static final Procedure CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY = call(316,
            "CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY", "eventID:i32, dom:dom?", "callbackID:i32");
    /** Deregisters a callback id. */
    public static final Procedure CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY = call(317,
            "CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY", "callbackID:i32", "-");
    /** Lifecycle event (callback flavour). */
    public static final Procedure DOMAIN_EVENT_CALLBACK_LIFECYCLE = B.add(EVENT, 318, "DOMAIN_EVENT_CALLBACK_LIFECYCLE",
            "callbackID:i32, msg:{dom:dom, event:i32, detail:i32}", "-");
    /** Reboot event (callback flavour). */
    public static final Procedure DOMAIN_EVENT_CALLBACK_REBOOT = B.add(EVENT, 319, "DOMAIN_EVENT_CALLBACK_REBOOT",
            "callbackID:i32, msg:{dom:dom}", "-");

    // ---- storage pools ----
    /** virConnectNumOfStoragePools. */
    public static final Procedure CONNECT_NUM_OF_STORAGE_POOLS = call(71, "CONNECT_NUM_OF_STORAGE_POOLS", "-", "num:i32");
    /** virConnectListStoragePools. */
    public static final Procedure CONNECT_LIST_STORAGE_POOLS = call(72, "CONNECT_LIST_STORAGE_POOLS", "maxnames:i32",
            "names:str<16384>");
    /** virStoragePoolCreateXML. */
    public static final Procedure STORAGE_POOL_CREATE_XML = call(76, "STORAGE_POOL_CREATE_XML", "xml:str, flags:u32",
            "pool:pool");
    /** virStoragePoolDefineXML. */
    public static final Procedure STORAGE_POOL_DEFINE_XML = call(77, "STORAGE_POOL_DEFINE_XML", "xml:str, flags:u32",
            "pool:pool");
    /** virStoragePoolCreate. */
    public static final Procedure STORAGE_POOL_CREATE = call(78, "STORAGE_POOL_CREATE", "pool:pool, flags:u32", "-");
    /** virStoragePoolBuild. */
    public static final Procedure STORAGE_POOL_BUILD = call(79, "STORAGE_POOL_BUILD", "pool:pool, flags:u32", "-");
    /** virStoragePoolDestroy. */
    public static final Procedure STORAGE_POOL_DESTROY = call(80, "STORAGE_POOL_DESTROY", "pool:pool", "-");
    /** virStoragePoolDelete. */
    public static final Procedure STORAGE_POOL_DELETE = call(81, "STORAGE_POOL_DELETE", "pool:pool, flags:u32", "-");
    /** virStoragePoolUndefine. */
    public static final Procedure STORAGE_POOL_UNDEFINE = call(82, "STORAGE_POOL_UNDEFINE", "pool:pool", "-");
    /** virStoragePoolRefresh. */
    public static final Procedure STORAGE_POOL_REFRESH = call(83, "STORAGE_POOL_REFRESH", "pool:pool, flags:u32", "-");
    /** virStoragePoolLookupByName. */
    public static final Procedure STORAGE_POOL_LOOKUP_BY_NAME = call(84, "STORAGE_POOL_LOOKUP_BY_NAME", "name:str",
            "pool:pool");
    /** virStoragePoolLookupByUUID. */
    public static final Procedure STORAGE_POOL_LOOKUP_BY_UUID = call(85, "STORAGE_POOL_LOOKUP_BY_UUID", "uuid:uuid",
            "pool:pool");
    /** virStoragePoolLookupByVolume. */
    public static final Procedure STORAGE_POOL_LOOKUP_BY_VOLUME = call(86, "STORAGE_POOL_LOOKUP_BY_VOLUME", "vol:vol",
            "pool:pool");
    /** virStoragePoolGetInfo. */
    public static final Procedure STORAGE_POOL_GET_INFO = call(87, "STORAGE_POOL_GET_INFO", "pool:pool",
            "state:u8w, capacity:u64, allocation:u64, available:u64");
    /** virStoragePoolGetXMLDesc. */
    public static final Procedure STORAGE_POOL_GET_XML_DESC = call(88, "STORAGE_POOL_GET_XML_DESC",
            "pool:pool, flags:u32", "xml:str");
    /** virStoragePoolGetAutostart. */
    public static final Procedure STORAGE_POOL_GET_AUTOSTART = call(89, "STORAGE_POOL_GET_AUTOSTART", "pool:pool",
            "autostart:i32");
    /** virStoragePoolSetAutostart. */
    public static final Procedure STORAGE_POOL_SET_AUTOSTART = call(90, "STORAGE_POOL_SET_AUTOSTART",
            "pool:pool, autostart:i32", "-");
    /** virStoragePoolNumOfVolumes. */
    public static final Procedure STORAGE_POOL_NUM_OF_VOLUMES = call(91, "STORAGE_POOL_NUM_OF_VOLUMES", "pool:pool",
            "num:i32");
    /** virStoragePoolListVolumes. */
    public static final Procedure STORAGE_POOL_LIST_VOLUMES = call(92, "STORAGE_POOL_LIST_VOLUMES",
            "pool:pool, maxnames:i32", "names:str<16384>");
    /** virStoragePoolIsActive. */
    public static final Procedure STORAGE_POOL_IS_ACTIVE = call(154, "STORAGE_POOL_IS_ACTIVE", "pool:pool", "active:i32");
    /** virStoragePoolIsPersistent. */
    public static final Procedure STORAGE_POOL_IS_PERSISTENT = call(155, "STORAGE_POOL_IS_PERSISTENT", "pool:pool",
            "persistent:i32");
    /** virConnectListAllStoragePools. */
    public static final Procedure CONNECT_LIST_ALL_STORAGE_POOLS = call(281, "CONNECT_LIST_ALL_STORAGE_POOLS",
            "need_results:i32, flags:u32", "pools:pool<16384>, ret:u32");

    // ---- storage volumes ----
    /** virStorageVolCreateXML. */
    public static final Procedure STORAGE_VOL_CREATE_XML = call(93, "STORAGE_VOL_CREATE_XML",
            "pool:pool, xml:str, flags:u32", "vol:vol");
    /** virStorageVolDelete. */
    public static final Procedure STORAGE_VOL_DELETE = call(94, "STORAGE_VOL_DELETE", "vol:vol, flags:u32", "-");
    /** virStorageVolLookupByName. */
    public static final Procedure STORAGE_VOL_LOOKUP_BY_NAME = call(95, "STORAGE_VOL_LOOKUP_BY_NAME",
            "pool:pool, name:str", "vol:vol");
    /** virStorageVolLookupByKey. */
    public static final Procedure STORAGE_VOL_LOOKUP_BY_KEY = call(96, "STORAGE_VOL_LOOKUP_BY_KEY", "key:str", "vol:vol");
    /** virStorageVolLookupByPath. */
    public static final Procedure STORAGE_VOL_LOOKUP_BY_PATH = call(97, "STORAGE_VOL_LOOKUP_BY_PATH", "path:str", "vol:vol");
    /** virStorageVolGetInfo. */
    public static final Procedure STORAGE_VOL_GET_INFO = call(98, "STORAGE_VOL_GET_INFO", "vol:vol",
            "type:u8w, capacity:u64, allocation:u64");
    /** virStorageVolGetXMLDesc. */
    public static final Procedure STORAGE_VOL_GET_XML_DESC = call(99, "STORAGE_VOL_GET_XML_DESC", "vol:vol, flags:u32",
            "xml:str");
    /** virStorageVolGetPath. */
    public static final Procedure STORAGE_VOL_GET_PATH = call(100, "STORAGE_VOL_GET_PATH", "vol:vol", "name:str");
    /** virStorageVolCreateXMLFrom. */
    public static final Procedure STORAGE_VOL_CREATE_XML_FROM = call(125, "STORAGE_VOL_CREATE_XML_FROM",
            "pool:pool, xml:str, clonevol:vol, flags:u32", "vol:vol");
    /** virStorageVolUpload: the client then writes the data as a stream. */
    public static final Procedure STORAGE_VOL_UPLOAD = B.add(WRITE_STREAM, 208, "STORAGE_VOL_UPLOAD",
            "vol:vol, offset:u64, length:u64, flags:u32", "-");
    /** virStorageVolDownload: the server then writes the data as a stream. */
    public static final Procedure STORAGE_VOL_DOWNLOAD = B.add(READ_STREAM, 209, "STORAGE_VOL_DOWNLOAD",
            "vol:vol, offset:u64, length:u64, flags:u32", "-");
    /** virStoragePoolListAllVolumes. */
    public static final Procedure STORAGE_POOL_LIST_ALL_VOLUMES = call(282, "STORAGE_POOL_LIST_ALL_VOLUMES",
            "pool:pool, need_results:i32, flags:u32", "vols:vol<16384>, ret:u32");

    // ---- networks ----
    /** virConnectListDefinedNetworks. */
    public static final Procedure CONNECT_LIST_DEFINED_NETWORKS = call(36, "CONNECT_LIST_DEFINED_NETWORKS",
            "maxnames:i32", "names:str<16384>");
    /** virConnectListNetworks. */
    public static final Procedure CONNECT_LIST_NETWORKS = call(38, "CONNECT_LIST_NETWORKS", "maxnames:i32",
            "names:str<16384>");
    /** virNetworkCreate. */
    public static final Procedure NETWORK_CREATE = call(39, "NETWORK_CREATE", "net:net", "-");
    /** virNetworkCreateXML. */
    public static final Procedure NETWORK_CREATE_XML = call(40, "NETWORK_CREATE_XML", "xml:str", "net:net");
    /** virNetworkDefineXML. */
    public static final Procedure NETWORK_DEFINE_XML = call(41, "NETWORK_DEFINE_XML", "xml:str", "net:net");
    /** virNetworkDestroy. */
    public static final Procedure NETWORK_DESTROY = call(42, "NETWORK_DESTROY", "net:net", "-");
    /** virNetworkGetXMLDesc. */
    public static final Procedure NETWORK_GET_XML_DESC = call(43, "NETWORK_GET_XML_DESC", "net:net, flags:u32", "xml:str");
    /** virNetworkGetAutostart. */
    public static final Procedure NETWORK_GET_AUTOSTART = call(44, "NETWORK_GET_AUTOSTART", "net:net", "autostart:i32");
    /** virNetworkGetBridgeName. */
    public static final Procedure NETWORK_GET_BRIDGE_NAME = call(45, "NETWORK_GET_BRIDGE_NAME", "net:net", "name:str");
    /** virNetworkLookupByName. */
    public static final Procedure NETWORK_LOOKUP_BY_NAME = call(46, "NETWORK_LOOKUP_BY_NAME", "name:str", "net:net");
    /** virNetworkLookupByUUID. */
    public static final Procedure NETWORK_LOOKUP_BY_UUID = call(47, "NETWORK_LOOKUP_BY_UUID", "uuid:uuid", "net:net");
    /** virNetworkSetAutostart. */
    public static final Procedure NETWORK_SET_AUTOSTART = call(48, "NETWORK_SET_AUTOSTART", "net:net, autostart:i32", "-");
    /** virNetworkUndefine. */
    public static final Procedure NETWORK_UNDEFINE = call(49, "NETWORK_UNDEFINE", "net:net", "-");
    /** virConnectNumOfDefinedNetworks. */
    public static final Procedure CONNECT_NUM_OF_DEFINED_NETWORKS = call(50, "CONNECT_NUM_OF_DEFINED_NETWORKS", "-",
            "num:i32");
    /** virConnectNumOfNetworks. */
    public static final Procedure CONNECT_NUM_OF_NETWORKS = call(52, "CONNECT_NUM_OF_NETWORKS", "-", "num:i32");
    /** virNetworkIsActive. */
    public static final Procedure NETWORK_IS_ACTIVE = call(152, "NETWORK_IS_ACTIVE", "net:net", "active:i32");
    /** virNetworkIsPersistent. */
    public static final Procedure NETWORK_IS_PERSISTENT = call(153, "NETWORK_IS_PERSISTENT", "net:net", "persistent:i32");
    /** virConnectListAllNetworks. */
    public static final Procedure CONNECT_LIST_ALL_NETWORKS = call(283, "CONNECT_LIST_ALL_NETWORKS",
            "need_results:i32, flags:u32", "nets:net<16384>, ret:u32");
    /** virNetworkDefineXMLFlags. */
    public static final Procedure NETWORK_DEFINE_XML_FLAGS = call(432, "NETWORK_DEFINE_XML_FLAGS", "xml:str, flags:u32",
            "net:net");

    // ---- migration (v3 with typed parameters; see org.jvirt.spi.MigrationV3) ----
    // Cookies: opaque<4194304> (REMOTE_MIGRATE_COOKIE_MAX); params: tparam<64>
    // (REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX), encoded by MigrationParams.
    /** virDomainMigrateBegin3Params (source): cookie and the XML the destination gets. */
    public static final Procedure DOMAIN_MIGRATE_BEGIN3_PARAMS = call(302, "DOMAIN_MIGRATE_BEGIN3_PARAMS",
            "dom:dom, params:tparam<64>, flags:u32", "cookie_out:opaque<4194304>, xml:str");
    /** virDomainMigratePrepare3Params (destination): starts the incoming guest. */
    public static final Procedure DOMAIN_MIGRATE_PREPARE3_PARAMS = call(303, "DOMAIN_MIGRATE_PREPARE3_PARAMS",
            "params:tparam<64>, cookie_in:opaque<4194304>, flags:u32", "cookie_out:opaque<4194304>, uri_out:str?");
    /** virDomainMigratePerform3Params (source); with dconnuri set, the whole peer-to-peer migration. */
    public static final Procedure DOMAIN_MIGRATE_PERFORM3_PARAMS = call(305, "DOMAIN_MIGRATE_PERFORM3_PARAMS",
            "dom:dom, dconnuri:str?, params:tparam<64>, cookie_in:opaque<4194304>, flags:u32",
            "cookie_out:opaque<4194304>");
    /** virDomainMigrateFinish3Params (destination): runs (or, cancelled, discards) the incoming guest. */
    public static final Procedure DOMAIN_MIGRATE_FINISH3_PARAMS = call(306, "DOMAIN_MIGRATE_FINISH3_PARAMS",
            "params:tparam<64>, cookie_in:opaque<4194304>, flags:u32, cancelled:i32",
            "dom:dom, cookie_out:opaque<4194304>");
    /** virDomainMigrateConfirm3Params (source): stops the migrated guest or keeps it. */
    public static final Procedure DOMAIN_MIGRATE_CONFIRM3_PARAMS = call(307, "DOMAIN_MIGRATE_CONFIRM3_PARAMS",
            "dom:dom, params:tparam<64>, cookie_in:opaque<4194304>, flags:u32, cancelled:i32", "-");
    /** virDomainMigrateStartPostCopy: switches a running migration to post-copy. */
    public static final Procedure DOMAIN_MIGRATE_START_POST_COPY = call(364, "DOMAIN_MIGRATE_START_POST_COPY",
            "dom:dom, flags:u32", "-");

    /** Every procedure above, by number and name. */
    public static final ProcedureTable TABLE = B.table();

    /** Feature numbers of {@link #CONNECT_SUPPORTS_FEATURE} (libvirt's {@code VIR_DRV_FEATURE_*}). */
    public static final class Feature {
        private Feature() {
        }

        /** The server sends and answers keepalive PINGs. */
        public static final int PROGRAM_KEEPALIVE = 10;
        /** Typed parameters may be strings. */
        public static final int TYPED_PARAM_STRING = 9;
        /** Events use the callback-id procedures (316...). */
        public static final int REMOTE_EVENT_CALLBACK = 14;
        /** The server supports close callbacks (360/361). */
        public static final int REMOTE_CLOSE_CALLBACK = 15;
        // migration (answered by the driver behind the connection)
        /** Peer-to-peer migration: the source's daemon opens the destination itself. */
        public static final int MIGRATION_P2P = 4;
        /** Migration protocol version 3 (begin, prepare, perform, finish, confirm). */
        public static final int MIGRATION_V3 = 6;
        /** VIR_MIGRATE_CHANGE_PROTECTION is honoured. */
        public static final int MIGRATE_CHANGE_PROTECTION = 7;
        /** The v3 procedures with typed parameters (302-307). */
        public static final int MIGRATION_PARAMS = 13;
    }
}
