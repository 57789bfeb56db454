package org.jvirt.api;

/**
 * The statistics of {@link Domain#memoryStats()}: libvirt's {@code virDomainMemoryStatTags}, each
 * with libvirt's tag number. Sizes are in KiB, counts are plain numbers.
 */
public enum MemoryStatTag {
    /** KiB swapped in by the guest. */
    SWAP_IN(0),
    /** KiB swapped out by the guest. */
    SWAP_OUT(1),
    /** Major page faults in the guest. */
    MAJOR_FAULT(2),
    /** Minor page faults in the guest. */
    MINOR_FAULT(3),
    /** KiB of memory the guest leaves unused. */
    UNUSED(4),
    /** KiB of memory the guest sees in total. */
    AVAILABLE(5),
    /** KiB the balloon leaves to the guest (the current memory). */
    ACTUAL_BALLOON(6),
    /** KiB resident on the host (the hypervisor process's RSS). */
    RSS(7),
    /** KiB the guest could use without swapping. */
    USABLE(8),
    /** When the guest last updated its statistics, seconds since the epoch. */
    LAST_UPDATE(9),
    /** KiB of disk caches in the guest. */
    DISK_CACHES(10),
    /** Successful huge page allocations in the guest. */
    HUGETLB_PGALLOC(11),
    /** Failed huge page allocations in the guest. */
    HUGETLB_PGFAIL(12);

    private final int tag;

    MemoryStatTag(int tag) {
        this.tag = tag;
    }

    /** libvirt's tag number. */
    public int tag() {
        return tag;
    }

    /**
     * The constant for a libvirt tag number.
     *
     * @param tag libvirt's number
     * @return the constant
     * @throws IllegalArgumentException for an unknown number
     */
    public static MemoryStatTag of(int tag) {
        for (MemoryStatTag t : values()) {
            if (t.tag == tag) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown memory stat tag " + tag);
    }
}
