package org.jvirt.api;

/**
 * What {@code virDomainGetInfo} returns.
 *
 * @param state the current state
 * @param maxMemoryKiB the maximum memory the domain may use, in KiB
 * @param memoryKiB the memory currently used, in KiB
 * @param vcpus the number of virtual CPUs
 * @param cpuTimeNanos the CPU time used, in nanoseconds
 */
public record DomainInfo(DomainState state, long maxMemoryKiB, long memoryKiB, int vcpus, long cpuTimeNanos) {
}
