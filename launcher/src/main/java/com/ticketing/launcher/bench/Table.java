package com.ticketing.launcher.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table: a header row, then rows, every column as wide as its widest cell. */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public void row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size());
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
    }

    /** The first column left-aligned (names), the others right-aligned (figures). */
    public void print(PrintStream out) {
        int[] widths = new int[headers.size()];
        for (List<String> line : lines()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : lines()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String format = i == 0 ? "%-" + widths[i] + "s" : "  %" + widths[i] + "s";
                text.append(String.format(format, line.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers);
        lines.addAll(rows);
        return lines;
    }
}
