package org.jvirt.api;

import java.util.Collection;
import java.util.EnumSet;

/**
 * A flag of a libvirt call. Each flag enum implements this with libvirt's bit value, so that a
 * {@code Set} of flags converts to and from the {@code unsigned int flags} of libvirt's C API and
 * wire protocol.
 */
public interface VirtFlag {
    /** libvirt's bit value of this flag. */
    int bits();

    /**
     * ORs the bits of some flags.
     *
     * @param flags the flags, may be empty
     * @return libvirt's {@code flags} word
     */
    static int toBits(Collection<? extends VirtFlag> flags) {
        int bits = 0;
        for (VirtFlag f : flags) {
            bits |= f.bits();
        }
        return bits;
    }

    /**
     * Decodes libvirt's {@code flags} word.
     *
     * @param type the flag enum
     * @param bits the word
     * @param <E> the flag enum
     * @return the set flags; bits unknown to {@code type} are ignored
     */
    static <E extends Enum<E> & VirtFlag> EnumSet<E> fromBits(Class<E> type, int bits) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if (e.bits() != 0 && (bits & e.bits()) == e.bits()) {
                set.add(e);
            }
        }
        return set;
    }
}
