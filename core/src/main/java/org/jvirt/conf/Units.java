package org.jvirt.conf;

import java.math.BigInteger;
import java.util.Locale;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's scaled integers ({@code virScaleInteger}): {@code b}/{@code bytes}, {@code k}/{@code KiB}
 * (1024), {@code KB} (1000), and likewise M, G, T, P, E. Suffixes are case-insensitive in their first
 * letter as libvirt's are.
 */
public final class Units {
    private static final BigInteger ULLONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Units() {
    }

    /**
     * The multiplier of a unit suffix.
     *
     * @param unit the suffix, {@code null} or empty for {@code defaultScale}
     * @param defaultScale the scale of a bare number (1024 for memory, 1 for storage)
     * @return bytes per unit
     * @throws VirtException INVALID_ARG "unknown suffix" as libvirt
     */
    public static long scale(String unit, long defaultScale) {
        if (unit == null || unit.isEmpty()) {
            return defaultScale;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.equals("b") || u.equals("byte") || u.equals("bytes")) {
            return 1;
        }
        int power = "kmgtpe".indexOf(u.charAt(0)) + 1;
        if (power == 0) {
            throw unknown(unit);
        }
        String rest = u.substring(1);
        long base;
        if (rest.isEmpty() || rest.equals("ib")) {
            base = 1024;
        } else if (rest.equals("b")) {
            base = 1000;
        } else {
            throw unknown(unit);
        }
        long s = 1;
        for (int i = 0; i < power; i++) {
            s *= base;
        }
        return s;
    }

    private static VirtException unknown(String unit) {
        return VirtException.of(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "unknown suffix '" + unit + "'");
    }

    /**
     * Parses {@code value} scaled by {@code unit} into bytes, refusing overflow beyond {@code max}.
     *
     * @param value the digits as written
     * @param unit the suffix
     * @param defaultScale the scale of a bare number
     * @param max largest result accepted
     * @param what the XPath-ish name for the "Invalid value" message, e.g. {@code ./memory[1]}
     * @return the value in bytes
     */
    public static long toBytes(String value, String unit, long defaultScale, long max, String what) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw VirtException.of(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "Invalid value '" + v + "' for element or attribute '" + what + "'");
        }
        long s = scale(unit, defaultScale);
        BigInteger r = new BigInteger(v).multiply(BigInteger.valueOf(s));
        if (r.compareTo(ULLONG_MAX) > 0 || r.compareTo(BigInteger.valueOf(max)) > 0) {
            throw VirtException.of(ErrorCode.OVERFLOW, ErrorDomain.NONE,
                    "value too large: " + v + (unit == null ? "" : unit));
        }
        return r.longValueExact();
    }

    /**
     * A memory size in KiB, rounding up as libvirt's {@code virDomainParseMemory} does.
     *
     * @param value the digits
     * @param unit the suffix, KiB when absent
     * @param what the element's path for messages
     * @return KiB
     */
    public static long toKiB(String value, String unit, String what) {
        long bytes = toBytes(value, unit, 1024, Long.MAX_VALUE, what);
        return bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
    }

    /**
     * libvirt's {@code virFormatIntPretty}: the largest binary unit that divides the value.
     *
     * @param bytes the value in bytes
     * @return {value, unit} with unit one of B, KiB, MiB, GiB, TiB, PiB, EiB
     */
    public static String[] pretty(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int i = 0;
        long v = bytes;
        while (i < units.length - 1 && v != 0 && v % 1024 == 0) {
            v /= 1024;
            i++;
        }
        return new String[] {Long.toString(v), units[i]};
    }
}
