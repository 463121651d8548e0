package org.regionwise.metrics.report;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.regionwise.metrics.CaseEvaluation;
import org.regionwise.metrics.MetricId;
import org.regionwise.metrics.MetricSummary;
import org.regionwise.metrics.MetricValue;
import org.regionwise.core.io.AtomicFiles;

/**
 * CSV (RFC 4180, comma, {@code \n}) in long format.
 *
 * <p>Per-case file columns: {@code case,label,metric,unit,status,value,note}; status is {@code measured},
 * {@code undefined} (value NaN), {@code substituted} (value set by an empty-mask policy) or {@code skipped}
 * (value empty). Numbers are written in full precision, NaN as {@code NaN}, infinity as {@code inf}.
 * Summary columns: {@code label,metric,unit,cases,defined,undefined,skipped,mean,std,median,min,max}.
 */
public final class ResultsCsv {
    private ResultsCsv() {}

    /**
     * One CSV row per case, class and metric, with the header {@code case,label,metric,unit,status,value,note}; skipped
     * pairs too.
     *
     * @param evaluations the per-case results
     * @return the CSV text
     */
    public static String cases(Collection<CaseEvaluation> evaluations) {
        StringBuilder b = new StringBuilder("case,label,metric,unit,status,value,note\n");
        for (CaseEvaluation e : evaluations) {
            for (Map.Entry<MetricId, MetricValue> v : e.asMap().entrySet()) {
                MetricId id = v.getKey();
                MetricValue mv = v.getValue();
                row(b, id, Formats.status(mv), Formats.number(mv.value()), mv.note() == null ? "" : mv.note());
            }
            for (Map.Entry<MetricId, String> s : e.skipped().entrySet()) row(b, s.getKey(), "skipped", "", s.getValue());
        }
        return b.toString();
    }

    private static void row(StringBuilder b, MetricId id, String status, String value, String note) {
        b.append(quote(id.caseId())).append(',').append(id.label()).append(',').append(id.metric().key()).append(',')
                .append(id.metric().unit()).append(',').append(status).append(',').append(value).append(',')
                .append(quote(note)).append('\n');
    }

    /**
     * One CSV row per summary.
     *
     * @param rows the summaries
     * @return the CSV text
     */
    public static String summary(List<MetricSummary> rows) {
        StringBuilder b = new StringBuilder("label,metric,unit,cases,defined,undefined,skipped,mean,std,median,min,max\n");
        for (MetricSummary s : rows) {
            b.append(s.label()).append(',').append(s.metric().key()).append(',').append(s.metric().unit()).append(',')
                    .append(s.cases()).append(',').append(s.defined()).append(',').append(s.undefined()).append(',')
                    .append(s.skipped()).append(',').append(Formats.number(s.mean())).append(',')
                    .append(Formats.number(s.std())).append(',').append(Formats.number(s.median())).append(',')
                    .append(Formats.number(s.min())).append(',').append(Formats.number(s.max())).append('\n');
        }
        return b.toString();
    }

    /**
     * Writes {@link #cases} to {@code file} atomically.
     *
     * @param file the file to write
     * @param evaluations the per-case results
     */
    public static void writeCases(Path file, Collection<CaseEvaluation> evaluations) { AtomicFiles.writeString(file, cases(evaluations)); }

    /**
     * Writes {@link #summary} to {@code file} atomically.
     *
     * @param file the file to write
     * @param rows the summaries
     */
    public static void writeSummary(Path file, List<MetricSummary> rows) { AtomicFiles.writeString(file, summary(rows)); }

    /**
     * Reads back what {@link #cases} wrote: the evaluations of the cases that have rows, in the order their first row
     * appears, each with the labels of its rows. Values round-trip exactly (full-precision numbers).
     *
     * @param text CSV text with the header {@code case,label,metric,unit,status,value,note} (a missing final line end
     *             is fine; a last line cut short is dropped, as a write interrupted mid-line leaves it)
     * @return the evaluations
     * @throws IllegalArgumentException for another header, an unknown metric or status, or a bad number
     */
    public static List<CaseEvaluation> parseCases(String text) {
        List<List<String>> rows = parse(text);
        if (rows.isEmpty() || !rows.get(0).equals(List.of("case", "label", "metric", "unit", "status", "value", "note"))) {
            throw new IllegalArgumentException("not a per-case results CSV (header " + (rows.isEmpty() ? "missing" : rows.get(0)) + ")");
        }
        Map<String, Map<MetricId, MetricValue>> values = new java.util.LinkedHashMap<>();
        Map<String, Map<MetricId, String>> skipped = new java.util.LinkedHashMap<>();
        Map<String, java.util.TreeSet<Integer>> labels = new java.util.LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != 7) {
                if (r == rows.size() - 1) break; // the line a killed writer left unfinished
                throw new IllegalArgumentException("row " + r + " has " + row.size() + " fields, expected 7: " + row);
            }
            String id = row.get(0);
            int label = Integer.parseInt(row.get(1));
            MetricId key = new MetricId(id, label, org.regionwise.metrics.Metric.fromKey(row.get(2)));
            values.computeIfAbsent(id, k -> new java.util.LinkedHashMap<>());
            skipped.computeIfAbsent(id, k -> new java.util.LinkedHashMap<>());
            labels.computeIfAbsent(id, k -> new java.util.TreeSet<>()).add(label);
            String note = row.get(6);
            switch (row.get(4)) {
                case "measured" -> values.get(id).put(key, MetricValue.of(number(row.get(5))));
                case "undefined" -> values.get(id).put(key, new MetricValue(Double.NaN, note.isEmpty() ? null : note));
                case "substituted" -> values.get(id).put(key, MetricValue.substituted(number(row.get(5)), note));
                case "skipped" -> skipped.get(id).put(key, note);
                default -> throw new IllegalArgumentException("row " + r + ": unknown status '" + row.get(4) + "'");
            }
        }
        List<CaseEvaluation> out = new java.util.ArrayList<>();
        for (String id : values.keySet()) {
            out.add(new CaseEvaluation(id, labels.get(id).stream().mapToInt(Integer::intValue).toArray(), values.get(id), skipped.get(id)));
        }
        return out;
    }

    private static double number(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** RFC 4180 fields of every line (quotes, doubled quotes, commas and line ends inside quotes). */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append(c);
                any = true;
            }
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
