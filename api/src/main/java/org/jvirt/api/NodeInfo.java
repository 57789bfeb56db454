package org.jvirt.api;

/**
 * The host's hardware, as {@code virNodeGetInfo} returns it.
 *
 * @param model the CPU model (e.g. {@code x86_64})
 * @param memoryKiB the memory size in KiB
 * @param cpus the number of active CPUs
 * @param mhz the expected CPU frequency
 * @param nodes the number of NUMA cells
 * @param sockets CPU sockets per node
 * @param cores cores per socket
 * @param threads threads per core
 */
public record NodeInfo(String model, long memoryKiB, int cpus, int mhz, int nodes, int sockets, int cores, int threads) {
}
