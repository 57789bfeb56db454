package org.jvirt.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number parsing and formatting as libvirt's {@code virStrToLong_*}, {@code virScaleInteger} and printf. */
final class Numbers {
    private Numbers() {
    }

    /** Leading blanks, an optional sign, decimal digits, nothing after ({@code virStrToLong_i}). */
    static Integer parseInt(String s) {
        Long v = parseLong(s, true);
        return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) (long) v;
    }

    /** As {@link #parseInt} but without a minus sign ({@code virStrToLong_ui}/{@code _ullp}). */
    static Long parseUnsigned(String s) {
        return parseLong(s, false);
    }

    private static Long parseLong(String s, boolean signed) {
        int[] end = new int[1];
        Long v = prefix(s, signed, end);
        return v == null || end[0] != s.length() ? null : v;
    }

    /** The number at the start of {@code s}, its end in {@code end[0]}; {@code null} if none or too big. */
    private static Long prefix(String s, boolean signed, int[] end) {
        if (s == null) {
            return null;
        }
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            if (neg && !signed) {
                return null;
            }
            i++;
        }
        int start = i;
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            int d = s.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return null;
            }
            v = v * 10 + d;
            i++;
        }
        if (i == start) {
            return null;
        }
        end[0] = i;
        return neg ? -v : v;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /**
     * A size with an optional unit suffix (b, k/KiB/KB, M, G, T, P, E), {@code scale} for none.
     *
     * @param detail receives libvirt's error message when the suffix is bad or the value too large
     * @return bytes, or {@code null} when malformed
     */
    static Long parseScaled(String s, long scale, String[] detail) {
        int[] end = new int[1];
        Long v = prefix(s, false, end);
        if (v == null) {
            return null;
        }
        String suffix = s.substring(end[0]);
        long mult;
        if (suffix.isEmpty()) {
            mult = scale;
        } else if (suffix.equalsIgnoreCase("b") || suffix.equalsIgnoreCase("byte") || suffix.equalsIgnoreCase("bytes")) {
            mult = 1;
        } else {
            long base;
            if (suffix.length() == 1 || suffix.substring(1).equalsIgnoreCase("iB")) {
                base = 1024;
            } else if (suffix.length() == 2 && Character.toLowerCase(suffix.charAt(1)) == 'b') {
                base = 1000;
            } else {
                detail[0] = "invalid argument: unknown suffix '" + suffix + "'";
                return null;
            }
            int pow = "kmgtpe".indexOf(Character.toLowerCase(suffix.charAt(0)));
            if (pow < 0) {
                detail[0] = "invalid argument: unknown suffix '" + suffix + "'";
                return null;
            }
            mult = 1;
            for (int i = 0; i <= pow; i++) {
                mult *= base;
            }
        }
        if (v != 0 && v > Long.MAX_VALUE / mult) {
            detail[0] = "numerical overflow: value too large: " + v + suffix;
            return null;
        }
        return v * mult;
    }

    /** printf's {@code %.Nf}: the exact binary value rounded half-even, as glibc does. */
    static String fixed(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code vshPrettyCapacity} then {@code "%.2lf %s"}. */
    static String prettyCapacity(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double limit = 1024;
        if (Long.compareUnsigned(bytes, 1024) < 0) {
            return fixed(bytes, 2) + " B";
        }
        double val = bytes < 0 ? bytes + 18446744073709551616.0 : bytes;
        for (int i = 1; i < units.length; i++) {
            limit *= 1024;
            if (val < limit || i == units.length - 1) {
                return fixed(val / (limit / 1024), 2) + " " + units[i];
            }
        }
        return fixed(val, 2) + " B";
    }

    /** printf's {@code %-Ns}. */
    static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
