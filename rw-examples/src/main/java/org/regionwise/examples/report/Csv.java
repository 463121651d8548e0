package org.regionwise.examples.report;

import org.regionwise.core.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV table (RFC 4180: comma separated, fields with commas, quotes or newlines quoted, quotes doubled), written
 * with a header row; numbers use {@code Locale.ROOT}, NaN is written as an empty field.
 */
public final class Csv {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * A table with these column names.
     *
     * @param header the column names
     */
    public Csv(String... header) { this.header = List.of(header); }

    /**
     * Adds a row; doubles are written with up to 6 significant digits, NaN as empty.
     *
     * @param values one value per column
     * @return this table
     */
    public Csv row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("CSV row has " + values.length + " values but the header " + header + " has " + header.size());
        }
        List<String> r = new ArrayList<>(values.length);
        for (Object v : values) r.add(format(v));
        rows.add(r);
        return this;
    }

    /**
     * The number of rows, header excluded.
     *
     * @return the row count
     */
    public int size() { return rows.size(); }

    static String format(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) return "";
            if (d.isInfinite()) return d > 0 ? "inf" : "-inf";
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
        }
        if (v instanceof Float f) return format(f.doubleValue());
        return String.valueOf(v);
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /**
     * The whole table as text.
     *
     * @return the text
     */
    public String text() {
        StringBuilder b = new StringBuilder();
        line(b, header);
        for (List<String> r : rows) line(b, r);
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(',');
            b.append(quote(fields.get(i)));
        }
        b.append('\n');
    }

    /**
     * Writes {@link #text()} atomically to {@code file}.
     *
     * @param file the file to write
     */
    public void write(Path file) {
        AtomicFiles.writeString(file, text());
    }

    /**
     * Parses CSV text written by {@link #text()} (quoted fields supported): rows of fields, header first.
     *
     * @param text CSV text
     * @return the rows
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') { f.append('"'); i++; } else quoted = false;
                } else f.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString()); f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString()); f.setLength(0);
                out.add(row); row = new ArrayList<>();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) { row.add(f.toString()); out.add(row); }
        return out;
    }
}
