package org.jvirt.api;

/**
 * Error codes, numbered exactly as libvirt's {@code virErrorNumber}, so that an error received
 * from a libvirt daemon maps one to one and back.
 *
 * <p>Each code carries libvirt's message template: the detail of an error is put into it the way
 * libvirt's {@code virErrorMsg} does, so that messages read as libvirt's do (for example
 * {@code "Requested operation is not valid: domain is already running"}).
 */
public enum ErrorCode {
    /** libvirt VIR_ERR_OK (0). */
    OK(0, "%s"),
    /** libvirt VIR_ERR_INTERNAL_ERROR (1). */
    INTERNAL_ERROR(1, "internal error: %s"),
    /** libvirt VIR_ERR_NO_MEMORY (2). */
    NO_MEMORY(2, "out of memory"),
    /** libvirt VIR_ERR_NO_SUPPORT (3). */
    NO_SUPPORT(3, "this function is not supported by the connection driver: %s"),
    /** libvirt VIR_ERR_UNKNOWN_HOST (4). */
    UNKNOWN_HOST(4, "%s"),
    /** libvirt VIR_ERR_NO_CONNECT (5). */
    NO_CONNECT(5, "no connection driver available for %s"),
    /** libvirt VIR_ERR_INVALID_CONN (6). */
    INVALID_CONN(6, "invalid connection pointer in %s"),
    /** libvirt VIR_ERR_INVALID_DOMAIN (7). */
    INVALID_DOMAIN(7, "invalid domain pointer in %s"),
    /** libvirt VIR_ERR_INVALID_ARG (8). */
    INVALID_ARG(8, "invalid argument: %s"),
    /** libvirt VIR_ERR_OPERATION_FAILED (9). */
    OPERATION_FAILED(9, "operation failed: %s"),
    /** libvirt VIR_ERR_GET_FAILED (10). */
    GET_FAILED(10, "%s"),
    /** libvirt VIR_ERR_POST_FAILED (11). */
    POST_FAILED(11, "%s"),
    /** libvirt VIR_ERR_HTTP_ERROR (12). */
    HTTP_ERROR(12, "%s"),
    /** libvirt VIR_ERR_SEXPR_SERIAL (13). */
    SEXPR_SERIAL(13, "%s"),
    /** libvirt VIR_ERR_NO_XEN (14). */
    NO_XEN(14, "%s"),
    /** libvirt VIR_ERR_XEN_CALL (15). */
    XEN_CALL(15, "%s"),
    /** libvirt VIR_ERR_OS_TYPE (16). */
    OS_TYPE(16, "%s"),
    /** libvirt VIR_ERR_NO_KERNEL (17). */
    NO_KERNEL(17, "%s"),
    /** libvirt VIR_ERR_NO_ROOT (18). */
    NO_ROOT(18, "%s"),
    /** libvirt VIR_ERR_NO_SOURCE (19). */
    NO_SOURCE(19, "missing source information for %s"),
    /** libvirt VIR_ERR_NO_TARGET (20). */
    NO_TARGET(20, "missing target information for %s"),
    /** libvirt VIR_ERR_NO_NAME (21). */
    NO_NAME(21, "missing name information in %s"),
    /** libvirt VIR_ERR_NO_OS (22). */
    NO_OS(22, "missing operating system information for %s"),
    /** libvirt VIR_ERR_NO_DEVICE (23). */
    NO_DEVICE(23, "missing devices information for %s"),
    /** libvirt VIR_ERR_NO_XENSTORE (24). */
    NO_XENSTORE(24, "%s"),
    /** libvirt VIR_ERR_DRIVER_FULL (25). */
    DRIVER_FULL(25, "%s"),
    /** libvirt VIR_ERR_CALL_FAILED (26). */
    CALL_FAILED(26, "%s"),
    /** libvirt VIR_ERR_XML_ERROR (27). */
    XML_ERROR(27, "XML error: %s"),
    /** libvirt VIR_ERR_DOM_EXIST (28). */
    DOM_EXIST(28, "this domain exists already"),
    /** libvirt VIR_ERR_OPERATION_DENIED (29). */
    OPERATION_DENIED(29, "operation forbidden: %s"),
    /** libvirt VIR_ERR_OPEN_FAILED (30). */
    OPEN_FAILED(30, "failed to open configuration file %s"),
    /** libvirt VIR_ERR_READ_FAILED (31). */
    READ_FAILED(31, "failed to read configuration file %s"),
    /** libvirt VIR_ERR_PARSE_FAILED (32). */
    PARSE_FAILED(32, "failed to parse configuration file %s"),
    /** libvirt VIR_ERR_CONF_SYNTAX (33). */
    CONF_SYNTAX(33, "configuration file syntax error: %s"),
    /** libvirt VIR_ERR_WRITE_FAILED (34). */
    WRITE_FAILED(34, "failed to write configuration file: %s"),
    /** libvirt VIR_ERR_XML_DETAIL (35). */
    XML_DETAIL(35, "XML error: %s"),
    /** libvirt VIR_ERR_INVALID_NETWORK (36). */
    INVALID_NETWORK(36, "invalid network pointer in %s"),
    /** libvirt VIR_ERR_NETWORK_EXIST (37). */
    NETWORK_EXIST(37, "this network exists already"),
    /** libvirt VIR_ERR_SYSTEM_ERROR (38). */
    SYSTEM_ERROR(38, "%s"),
    /** libvirt VIR_ERR_RPC (39). */
    RPC(39, "RPC error: %s"),
    /** libvirt VIR_ERR_GNUTLS_ERROR (40). */
    GNUTLS_ERROR(40, "%s"),
    /** libvirt VIR_ERR_WAR_NO_NETWORK (41). */
    WAR_NO_NETWORK(41, "%s"),
    /** libvirt VIR_ERR_NO_DOMAIN (42). */
    NO_DOMAIN(42, "Domain not found: %s"),
    /** libvirt VIR_ERR_NO_NETWORK (43). */
    NO_NETWORK(43, "Network not found: %s"),
    /** libvirt VIR_ERR_INVALID_MAC (44). */
    INVALID_MAC(44, "invalid MAC address: %s"),
    /** libvirt VIR_ERR_AUTH_FAILED (45). */
    AUTH_FAILED(45, "authentication failed: %s"),
    /** libvirt VIR_ERR_INVALID_STORAGE_POOL (46). */
    INVALID_STORAGE_POOL(46, "invalid storage pool pointer in %s"),
    /** libvirt VIR_ERR_INVALID_STORAGE_VOL (47). */
    INVALID_STORAGE_VOL(47, "invalid storage volume pointer in %s"),
    /** libvirt VIR_ERR_WAR_NO_STORAGE (48). */
    WAR_NO_STORAGE(48, "%s"),
    /** libvirt VIR_ERR_NO_STORAGE_POOL (49). */
    NO_STORAGE_POOL(49, "Storage pool not found: %s"),
    /** libvirt VIR_ERR_NO_STORAGE_VOL (50). */
    NO_STORAGE_VOL(50, "Storage volume not found: %s"),
    /** libvirt VIR_ERR_WAR_NO_NODE (51). */
    WAR_NO_NODE(51, "%s"),
    /** libvirt VIR_ERR_INVALID_NODE_DEVICE (52). */
    INVALID_NODE_DEVICE(52, "%s"),
    /** libvirt VIR_ERR_NO_NODE_DEVICE (53). */
    NO_NODE_DEVICE(53, "%s"),
    /** libvirt VIR_ERR_NO_SECURITY_MODEL (54). */
    NO_SECURITY_MODEL(54, "Security model not found: %s"),
    /** libvirt VIR_ERR_OPERATION_INVALID (55). */
    OPERATION_INVALID(55, "Requested operation is not valid: %s"),
    /** libvirt VIR_ERR_WAR_NO_INTERFACE (56). */
    WAR_NO_INTERFACE(56, "%s"),
    /** libvirt VIR_ERR_NO_INTERFACE (57). */
    NO_INTERFACE(57, "%s"),
    /** libvirt VIR_ERR_INVALID_INTERFACE (58). */
    INVALID_INTERFACE(58, "%s"),
    /** libvirt VIR_ERR_MULTIPLE_INTERFACES (59). */
    MULTIPLE_INTERFACES(59, "%s"),
    /** libvirt VIR_ERR_WAR_NO_NWFILTER (60). */
    WAR_NO_NWFILTER(60, "%s"),
    /** libvirt VIR_ERR_INVALID_NWFILTER (61). */
    INVALID_NWFILTER(61, "%s"),
    /** libvirt VIR_ERR_NO_NWFILTER (62). */
    NO_NWFILTER(62, "%s"),
    /** libvirt VIR_ERR_BUILD_FIREWALL (63). */
    BUILD_FIREWALL(63, "%s"),
    /** libvirt VIR_ERR_WAR_NO_SECRET (64). */
    WAR_NO_SECRET(64, "%s"),
    /** libvirt VIR_ERR_INVALID_SECRET (65). */
    INVALID_SECRET(65, "%s"),
    /** libvirt VIR_ERR_NO_SECRET (66). */
    NO_SECRET(66, "%s"),
    /** libvirt VIR_ERR_CONFIG_UNSUPPORTED (67). */
    CONFIG_UNSUPPORTED(67, "unsupported configuration: %s"),
    /** libvirt VIR_ERR_OPERATION_TIMEOUT (68). */
    OPERATION_TIMEOUT(68, "Timed out during operation: %s"),
    /** libvirt VIR_ERR_MIGRATE_PERSIST_FAILED (69). */
    MIGRATE_PERSIST_FAILED(69, "%s"),
    /** libvirt VIR_ERR_HOOK_SCRIPT_FAILED (70). */
    HOOK_SCRIPT_FAILED(70, "%s"),
    /** libvirt VIR_ERR_INVALID_DOMAIN_SNAPSHOT (71). */
    INVALID_DOMAIN_SNAPSHOT(71, "Invalid snapshot: %s"),
    /** libvirt VIR_ERR_NO_DOMAIN_SNAPSHOT (72). */
    NO_DOMAIN_SNAPSHOT(72, "Domain snapshot not found: %s"),
    /** libvirt VIR_ERR_INVALID_STREAM (73). */
    INVALID_STREAM(73, "%s"),
    /** libvirt VIR_ERR_ARGUMENT_UNSUPPORTED (74). */
    ARGUMENT_UNSUPPORTED(74, "argument unsupported: %s"),
    /** libvirt VIR_ERR_STORAGE_PROBE_FAILED (75). */
    STORAGE_PROBE_FAILED(75, "%s"),
    /** libvirt VIR_ERR_STORAGE_POOL_BUILT (76). */
    STORAGE_POOL_BUILT(76, "storage pool already built: %s"),
    /** libvirt VIR_ERR_SNAPSHOT_REVERT_RISKY (77). */
    SNAPSHOT_REVERT_RISKY(77, "revert requires force: %s"),
    /** libvirt VIR_ERR_OPERATION_ABORTED (78). */
    OPERATION_ABORTED(78, "operation aborted: %s"),
    /** libvirt VIR_ERR_AUTH_CANCELLED (79). */
    AUTH_CANCELLED(79, "authentication cancelled: %s"),
    /** libvirt VIR_ERR_NO_DOMAIN_METADATA (80). */
    NO_DOMAIN_METADATA(80, "metadata not found: %s"),
    /** libvirt VIR_ERR_MIGRATE_UNSAFE (81). */
    MIGRATE_UNSAFE(81, "Unsafe migration: %s"),
    /** libvirt VIR_ERR_OVERFLOW (82). */
    OVERFLOW(82, "numerical overflow: %s"),
    /** libvirt VIR_ERR_BLOCK_COPY_ACTIVE (83). */
    BLOCK_COPY_ACTIVE(83, "%s"),
    /** libvirt VIR_ERR_OPERATION_UNSUPPORTED (84). */
    OPERATION_UNSUPPORTED(84, "Operation not supported: %s"),
    /** libvirt VIR_ERR_SSH (85). */
    SSH(85, "%s"),
    /** libvirt VIR_ERR_AGENT_UNRESPONSIVE (86). */
    AGENT_UNRESPONSIVE(86, "Guest agent is not responding: %s"),
    /** libvirt VIR_ERR_RESOURCE_BUSY (87). */
    RESOURCE_BUSY(87, "resource busy: %s"),
    /** libvirt VIR_ERR_ACCESS_DENIED (88). */
    ACCESS_DENIED(88, "access denied: %s"),
    /** libvirt VIR_ERR_DBUS_SERVICE (89). */
    DBUS_SERVICE(89, "%s"),
    /** libvirt VIR_ERR_STORAGE_VOL_EXIST (90). */
    STORAGE_VOL_EXIST(90, "storage volume already exists: %s"),
    /** libvirt VIR_ERR_CPU_INCOMPATIBLE (91). */
    CPU_INCOMPATIBLE(91, "the CPU is incompatible with host CPU: %s"),
    /** libvirt VIR_ERR_XML_INVALID_SCHEMA (92). */
    XML_INVALID_SCHEMA(92, "XML document failed to validate against schema: %s"),
    /** libvirt VIR_ERR_MIGRATE_FINISH_OK (93). */
    MIGRATE_FINISH_OK(93, "%s"),
    /** libvirt VIR_ERR_AUTH_UNAVAILABLE (94). */
    AUTH_UNAVAILABLE(94, "%s"),
    /** libvirt VIR_ERR_NO_SERVER (95). */
    NO_SERVER(95, "%s"),
    /** libvirt VIR_ERR_NO_CLIENT (96). */
    NO_CLIENT(96, "%s"),
    /** libvirt VIR_ERR_AGENT_UNSYNCED (97). */
    AGENT_UNSYNCED(97, "%s"),
    /** libvirt VIR_ERR_LIBSSH (98). */
    LIBSSH(98, "%s"),
    /** libvirt VIR_ERR_DEVICE_MISSING (99). */
    DEVICE_MISSING(99, "device not found: %s"),
    /** libvirt VIR_ERR_INVALID_NWFILTER_BINDING (100). */
    INVALID_NWFILTER_BINDING(100, "%s"),
    /** libvirt VIR_ERR_NO_NWFILTER_BINDING (101). */
    NO_NWFILTER_BINDING(101, "%s"),
    /** libvirt VIR_ERR_INVALID_DOMAIN_CHECKPOINT (102). */
    INVALID_DOMAIN_CHECKPOINT(102, "%s"),
    /** libvirt VIR_ERR_NO_DOMAIN_CHECKPOINT (103). */
    NO_DOMAIN_CHECKPOINT(103, "%s"),
    /** libvirt VIR_ERR_NO_DOMAIN_BACKUP (104). */
    NO_DOMAIN_BACKUP(104, "%s"),
    /** libvirt VIR_ERR_INVALID_NETWORK_PORT (105). */
    INVALID_NETWORK_PORT(105, "%s"),
    /** libvirt VIR_ERR_NETWORK_PORT_EXIST (106). */
    NETWORK_PORT_EXIST(106, "%s"),
    /** libvirt VIR_ERR_NO_NETWORK_PORT (107). */
    NO_NETWORK_PORT(107, "%s"),
    /** libvirt VIR_ERR_NO_HOSTNAME (108). */
    NO_HOSTNAME(108, "no hostname found: %s"),
    /** libvirt VIR_ERR_CHECKPOINT_INCONSISTENT (109). */
    CHECKPOINT_INCONSISTENT(109, "%s"),
    /** libvirt VIR_ERR_MULTIPLE_DOMAINS (110). */
    MULTIPLE_DOMAINS(110, "%s");

    private static final ErrorCode[] BY_NUMBER = values();

    private final int number;
    private final String template;

    ErrorCode(int number, String template) {
        this.number = number;
        this.template = template;
    }

    /** The numeric value of libvirt's {@code virErrorNumber}. */
    public int number() {
        return number;
    }

    /**
     * Formats a message from a detail as libvirt does for this code.
     *
     * @param detail the specific part, may be {@code null} for the bare template
     * @return the full message
     */
    public String format(String detail) {
        if (!template.contains("%s")) {
            return detail == null || detail.isEmpty() ? template : template + ": " + detail;
        }
        if (detail == null) {
            // libvirt's bare form: "missing name information", "Domain not found", ...
            return template.replaceFirst("(: | in | for | of | pointer in )?%s$", "").replace("%s", "");
        }
        return template.replace("%s", detail);
    }

    /**
     * Looks a code up by libvirt's number.
     *
     * @param number libvirt's {@code virErrorNumber}
     * @return the code, or {@link #INTERNAL_ERROR} for a number this version does not know
     */
    public static ErrorCode fromNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length && BY_NUMBER[number].number == number
                ? BY_NUMBER[number] : INTERNAL_ERROR;
    }
}
