package org.jvirt.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * The test driver's node file ({@code <node>}): host CPU and memory facts and the objects the host
 * starts with, as libvirt's test driver reads {@code test:///PATH/node.xml}.
 */
public final class NodeDef {
    /** CPU frequency in MHz. */
    public int mhz = 1400;
    /** CPU model. */
    public String model = "i686";
    /** Active CPUs. */
    public int active = 16;
    /** NUMA nodes. */
    public int nodes = 2;
    /** Sockets per node. */
    public int sockets = 2;
    /** Cores per socket. */
    public int cores = 2;
    /** Threads per core. */
    public int threads = 2;
    /** Memory in KiB. */
    public long memoryKiB = 3 * 1024 * 1024;
    /** Domains, with their run state from {@code <test:runstate>} (1 = running, the default). */
    public final List<NodeDomain> domains = new ArrayList<>();
    /** Networks. */
    public final List<NetworkDef> networks = new ArrayList<>();
    /** Pools with their volumes. */
    public final List<NodePool> pools = new ArrayList<>();

    /**
     * A domain of the node file.
     *
     * @param def the definition
     * @param runState libvirt's {@code virDomainState} number it starts in
     */
    public record NodeDomain(DomainDef def, int runState) {
    }

    /**
     * A pool of the node file.
     *
     * @param def the definition
     * @param volumes its volumes
     */
    public record NodePool(StoragePoolDef def, List<StorageVolDef> volumes) {
    }
}
