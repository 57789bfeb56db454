package org.jvirt.conf;

import java.util.BitSet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's bitmap syntax ({@code virBitmapParse}/{@code virBitmapFormat}): comma-separated ids and
 * ranges with {@code ^N} exclusions, e.g. {@code 0-3,^2,8}; formatted back as ranges ({@code 0-1,3,8}).
 */
public final class CpuSet {
    /** libvirt's VIR_DOMAIN_CPUMASK_LEN. */
    static final int MAX = 16384;

    private CpuSet() {
    }

    /**
     * Parses a set.
     *
     * @param text the text
     * @param what the element or attribute, for the message
     * @return the bits
     * @throws VirtException INVALID_ARG / XML_ERROR with libvirt's message on bad syntax
     */
    public static BitSet parse(String text, String what) {
        BitSet b = new BitSet();
        if (text == null || text.isBlank()) {
            throw bad(text, what);
        }
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            boolean neg = p.startsWith("^");
            if (neg) {
                p = p.substring(1).trim();
            }
            int dash = p.indexOf('-');
            try {
                int lo;
                int hi;
                if (dash > 0 && !neg) {
                    lo = Integer.parseInt(p.substring(0, dash).trim());
                    hi = Integer.parseInt(p.substring(dash + 1).trim());
                } else {
                    lo = Integer.parseInt(p);
                    hi = lo;
                }
                if (lo < 0 || hi < lo || hi >= MAX) {
                    throw bad(text, what);
                }
                if (neg) {
                    b.clear(lo);
                } else {
                    b.set(lo, hi + 1);
                }
            } catch (NumberFormatException e) {
                throw bad(text, what);
            }
        }
        return b;
    }

    private static VirtException bad(String text, String what) {
        return VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                "Failed to parse bitmap '" + (text == null ? "" : text) + "'");
    }

    /**
     * Formats a set as libvirt does; an empty set is {@code ""}.
     *
     * @param b the bits
     * @return the text
     */
    public static String format(BitSet b) {
        StringBuilder s = new StringBuilder();
        int i = b.nextSetBit(0);
        while (i >= 0) {
            int end = b.nextClearBit(i) - 1;
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(i);
            if (end > i) {
                s.append('-').append(end);
            }
            i = b.nextSetBit(end + 1);
        }
        return s.toString();
    }

    /** Parses and formats back (canonical form), {@code null} stays {@code null}. */
    static String canonical(String text, String what) {
        return text == null ? null : format(parse(text, what));
    }
}
