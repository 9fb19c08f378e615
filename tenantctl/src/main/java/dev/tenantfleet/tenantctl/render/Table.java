package dev.tenantfleet.tenantctl.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with a header row, columns left-aligned and as wide as their widest cell, two spaces apart and
 * indented by {@code indent}; the last column is not padded, so no line ends in blanks. Cells are cut to
 * {@link #MAX_CELL} characters and put on one line: one line per row, whatever the data. (picocli's
 * {@code Help.TextTable} wraps cells into fixed column widths, which suits help texts, not data rows a reader scans or
 * greps.)
 */
public final class Table {
    /** Longest cell printed; the whole value is in {@code --json}. */
    static final int MAX_CELL = 80;

    private final String indent;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public Table(String indent, String... header) {
        this.indent = indent;
        this.header = header.clone();
    }

    /** Adds a row; null cells print as {@code -}. */
    public Table row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells in a table of " + header.length + " columns");
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toArray(String[]::new));
        return this;
    }

    /** Whether no row was added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        line(out, header, widths);
        rows.forEach(row -> line(out, row, widths));
    }

    private void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        String text = Text.oneLine(value.toString(), MAX_CELL);
        return text.isEmpty() ? "-" : text;
    }
}
