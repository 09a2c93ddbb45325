package io.xgate.controlplane.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows printed in columns padded to their widest cell, two spaces apart; the last column is not padded. */
final class Table {
    private final List<List<String>> rows = new ArrayList<>();

    Table(final String... header) {
        rows.add(List.of(header));
    }

    Table row(final String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    void print(final PrintStream out) {
        final int columns = rows.getFirst().size();
        final int[] widths = new int[columns];
        for (final List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (final List<String> row : rows) {
            final StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : String.format("%-" + widths[c] + "s  ", row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
