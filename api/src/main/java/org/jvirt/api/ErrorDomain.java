package org.jvirt.api;

/**
 * Where an error was raised, numbered exactly as libvirt's {@code virErrorDomain}.
 */
public enum ErrorDomain {
    /** libvirt VIR_FROM_NONE (0). */
    NONE(0),
    /** libvirt VIR_FROM_XEN (1). */
    XEN(1),
    /** libvirt VIR_FROM_XEND (2). */
    XEND(2),
    /** libvirt VIR_FROM_XENSTORE (3). */
    XENSTORE(3),
    /** libvirt VIR_FROM_SEXPR (4). */
    SEXPR(4),
    /** libvirt VIR_FROM_XML (5). */
    XML(5),
    /** libvirt VIR_FROM_DOM (6). */
    DOM(6),
    /** libvirt VIR_FROM_RPC (7). */
    RPC(7),
    /** libvirt VIR_FROM_PROXY (8). */
    PROXY(8),
    /** libvirt VIR_FROM_CONF (9). */
    CONF(9),
    /** libvirt VIR_FROM_QEMU (10). */
    QEMU(10),
    /** libvirt VIR_FROM_NET (11). */
    NET(11),
    /** libvirt VIR_FROM_TEST (12). */
    TEST(12),
    /** libvirt VIR_FROM_REMOTE (13). */
    REMOTE(13),
    /** libvirt VIR_FROM_OPENVZ (14). */
    OPENVZ(14),
    /** libvirt VIR_FROM_XENXM (15). */
    XENXM(15),
    /** libvirt VIR_FROM_STATS_LINUX (16). */
    STATS_LINUX(16),
    /** libvirt VIR_FROM_LXC (17). */
    LXC(17),
    /** libvirt VIR_FROM_STORAGE (18). */
    STORAGE(18),
    /** libvirt VIR_FROM_NETWORK (19). */
    NETWORK(19),
    /** libvirt VIR_FROM_DOMAIN (20). */
    DOMAIN(20),
    /** libvirt VIR_FROM_UML (21). */
    UML(21),
    /** libvirt VIR_FROM_NODEDEV (22). */
    NODEDEV(22),
    /** libvirt VIR_FROM_XEN_INOTIFY (23). */
    XEN_INOTIFY(23),
    /** libvirt VIR_FROM_SECURITY (24). */
    SECURITY(24),
    /** libvirt VIR_FROM_VBOX (25). */
    VBOX(25),
    /** libvirt VIR_FROM_INTERFACE (26). */
    INTERFACE(26),
    /** libvirt VIR_FROM_ONE (27). */
    ONE(27),
    /** libvirt VIR_FROM_ESX (28). */
    ESX(28),
    /** libvirt VIR_FROM_PHYP (29). */
    PHYP(29),
    /** libvirt VIR_FROM_SECRET (30). */
    SECRET(30),
    /** libvirt VIR_FROM_CPU (31). */
    CPU(31),
    /** libvirt VIR_FROM_XENAPI (32). */
    XENAPI(32),
    /** libvirt VIR_FROM_NWFILTER (33). */
    NWFILTER(33),
    /** libvirt VIR_FROM_HOOK (34). */
    HOOK(34),
    /** libvirt VIR_FROM_DOMAIN_SNAPSHOT (35). */
    DOMAIN_SNAPSHOT(35),
    /** libvirt VIR_FROM_AUDIT (36). */
    AUDIT(36),
    /** libvirt VIR_FROM_SYSINFO (37). */
    SYSINFO(37),
    /** libvirt VIR_FROM_STREAMS (38). */
    STREAMS(38),
    /** libvirt VIR_FROM_VMWARE (39). */
    VMWARE(39),
    /** libvirt VIR_FROM_EVENT (40). */
    EVENT(40),
    /** libvirt VIR_FROM_LIBXL (41). */
    LIBXL(41),
    /** libvirt VIR_FROM_LOCKING (42). */
    LOCKING(42),
    /** libvirt VIR_FROM_HYPERV (43). */
    HYPERV(43),
    /** libvirt VIR_FROM_CAPABILITIES (44). */
    CAPABILITIES(44),
    /** libvirt VIR_FROM_URI (45). */
    URI(45),
    /** libvirt VIR_FROM_AUTH (46). */
    AUTH(46),
    /** libvirt VIR_FROM_DBUS (47). */
    DBUS(47),
    /** libvirt VIR_FROM_PARALLELS (48). */
    PARALLELS(48),
    /** libvirt VIR_FROM_DEVICE (49). */
    DEVICE(49),
    /** libvirt VIR_FROM_SSH (50). */
    SSH(50),
    /** libvirt VIR_FROM_LOCKSPACE (51). */
    LOCKSPACE(51),
    /** libvirt VIR_FROM_INITCTL (52). */
    INITCTL(52),
    /** libvirt VIR_FROM_IDENTITY (53). */
    IDENTITY(53),
    /** libvirt VIR_FROM_CGROUP (54). */
    CGROUP(54),
    /** libvirt VIR_FROM_ACCESS (55). */
    ACCESS(55),
    /** libvirt VIR_FROM_SYSTEMD (56). */
    SYSTEMD(56),
    /** libvirt VIR_FROM_BHYVE (57). */
    BHYVE(57),
    /** libvirt VIR_FROM_CRYPTO (58). */
    CRYPTO(58),
    /** libvirt VIR_FROM_FIREWALL (59). */
    FIREWALL(59),
    /** libvirt VIR_FROM_POLKIT (60). */
    POLKIT(60),
    /** libvirt VIR_FROM_THREAD (61). */
    THREAD(61),
    /** libvirt VIR_FROM_ADMIN (62). */
    ADMIN(62),
    /** libvirt VIR_FROM_LOGGING (63). */
    LOGGING(63),
    /** libvirt VIR_FROM_XENXL (64). */
    XENXL(64),
    /** libvirt VIR_FROM_PERF (65). */
    PERF(65),
    /** libvirt VIR_FROM_LIBSSH (66). */
    LIBSSH(66),
    /** libvirt VIR_FROM_RESCTRL (67). */
    RESCTRL(67),
    /** libvirt VIR_FROM_FIREWALLD (68). */
    FIREWALLD(68),
    /** libvirt VIR_FROM_DOMAIN_CHECKPOINT (69). */
    DOMAIN_CHECKPOINT(69),
    /** libvirt VIR_FROM_TPM (70). */
    TPM(70),
    /** libvirt VIR_FROM_BPF (71). */
    BPF(71),
    /** libvirt VIR_FROM_CH (72). */
    CH(72);

    private static final ErrorDomain[] BY_NUMBER = values();

    private final int number;

    ErrorDomain(int number) {
        this.number = number;
    }

    /** The numeric value of libvirt's {@code virErrorDomain}. */
    public int number() {
        return number;
    }

    /**
     * Looks a domain up by libvirt's number.
     *
     * @param number libvirt's {@code virErrorDomain}
     * @return the domain, or {@link #NONE} for a number this version does not know
     */
    public static ErrorDomain fromNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : NONE;
    }
}
