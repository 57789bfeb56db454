package org.jvirt.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * virsh's table printer ({@code vshTable}): a header, a line of dashes, the rows. Each cell is
 * preceded by a space, columns are padded to their widest cell plus two spaces, the last column
 * is not padded; the dashes are each column's width plus three. In quiet mode the header and the
 * dashes are left out and do not count for the widths.
 */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    void add(String... cells) {
        rows.add(cells);
    }

    String format(boolean header) {
        int ncols = rows.get(0).length;
        int[] max = new int[ncols];
        for (int r = header ? 0 : 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < ncols; i++) {
                max[i] = Math.max(max[i], width(row[i]));
            }
        }
        StringBuilder b = new StringBuilder();
        if (header) {
            row(b, rows.get(0), max);
            for (int i = 0; i < ncols; i++) {
                b.append("-".repeat(max[i] + 3));
            }
            b.append('\n');
        }
        for (int r = 1; r < rows.size(); r++) {
            row(b, rows.get(r), max);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String[] cells, int[] max) {
        for (int i = 0; i < cells.length; i++) {
            b.append(' ').append(cells[i]);
            if (i < cells.length - 1) {
                b.append(" ".repeat(max[i] - width(cells[i]) + 2));
            }
        }
        b.append('\n');
    }

    /** Display width: code points (virsh counts wide characters double; rare in names). */
    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
