package org.jvirt.rpc;

/**
 * An RPC program: a number and version that prefix every message's header.
 *
 * @param name a short name for logs
 * @param number the program number
 * @param version the program version
 */
public record Program(String name, int number, int version) {
    /** The main API: {@code 0x20008086} version 1. */
    public static final Program REMOTE = new Program("remote", 0x20008086, 1);
    /** QEMU-specific calls (monitor, agent, monitor events): {@code 0x20008087} version 1. */
    public static final Program QEMU = new Program("qemu", 0x20008087, 1);
    /** LXC-specific calls: {@code 0x00068000} version 1. */
    public static final Program LXC = new Program("lxc", 0x00068000, 1);
    /** Keepalive PING/PONG: {@code 0x6b656570} ("keep") version 1. */
    public static final Program KEEPALIVE = new Program("keepalive", 0x6b656570, 1);

    @Override
    public String toString() {
        return name + "(0x" + Integer.toHexString(number) + " v" + version + ")";
    }
}
