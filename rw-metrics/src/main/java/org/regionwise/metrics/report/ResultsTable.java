package org.regionwise.metrics.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.regionwise.metrics.CaseEvaluation;
import org.regionwise.metrics.Metric;
import org.regionwise.metrics.MetricId;
import org.regionwise.metrics.MetricSummary;
import org.regionwise.metrics.MetricValue;

/**
 * A plain-text table for terminals: one row per case and class with the chosen metrics, then one row per class with
 * {@code mean ± std} over the defined values and the counts of undefined ({@code nan}) and skipped entries.
 * Undefined values print as {@code nan}, skipped ones as {@code skip}, policy-substituted ones with a {@code *}.
 */
public final class ResultsTable {
    private ResultsTable() {}

    /**
     * A plain-text table: one row per case and class, one column per metric of {@code columns}, then the summaries.
     *
     * @param evaluations the per-case results
     * @param summary the summaries
     * @param columns the metrics shown
     * @return the table
     */
    public static String of(Collection<CaseEvaluation> evaluations, List<MetricSummary> summary, List<Metric> columns) {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[columns.size() + 2];
        header[0] = "case";
        header[1] = "class";
        for (int c = 0; c < columns.size(); c++) header[c + 2] = heading(columns.get(c));
        rows.add(header);
        for (CaseEvaluation e : evaluations) {
            for (int label : e.labels()) {
                String[] r = new String[header.length];
                r[0] = e.caseId();
                r[1] = Integer.toString(label);
                for (int c = 0; c < columns.size(); c++) {
                    Metric m = columns.get(c);
                    Optional<MetricValue> v = e.find(label, m);
                    if (v.isPresent()) r[c + 2] = cell(v.get());
                    else r[c + 2] = e.skipped().containsKey(new MetricId(e.caseId(), label, m)) ? "skip" : "-";
                }
                rows.add(r);
            }
        }
        int caseRows = rows.size();
        List<Integer> labels = summary.stream().map(MetricSummary::label).distinct().toList();
        for (int label : labels) {
            String[] r = new String[header.length];
            r[0] = "mean ± std";
            r[1] = Integer.toString(label);
            for (int c = 0; c < columns.size(); c++) {
                Metric m = columns.get(c);
                r[c + 2] = summary.stream().filter(s -> s.label() == label && s.metric() == m).findFirst()
                        .map(ResultsTable::summaryCell).orElse("-");
            }
            rows.add(r);
        }
        int[] width = new int[header.length];
        for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            if (i == 1 || i == caseRows) {
                int total = 0;
                for (int w : width) total += w + 2;
                b.append("-".repeat(total - 2)).append('\n');
            }
            String[] r = rows.get(i);
            for (int c = 0; c < r.length; c++) {
                String cell = r[c];
                if (c < 2) b.append(cell).append(" ".repeat(width[c] - cell.length()));
                else b.append(" ".repeat(width[c] - cell.length())).append(cell);
                if (c < r.length - 1) b.append("  ");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String heading(Metric m) {
        String k = m.key().toUpperCase(Locale.ROOT);
        return m.unit().isEmpty() ? k : k + " [" + m.unit() + "]";
    }

    private static String cell(MetricValue v) {
        if (!v.isDefined()) return "nan";
        return num(v.value()) + (v.note() != null ? "*" : "");
    }

    private static String summaryCell(MetricSummary s) {
        String core = s.defined() == 0 ? "nan" : num(s.mean()) + " ± " + (Double.isNaN(s.std()) ? "nan" : num(s.std()));
        StringBuilder extra = new StringBuilder();
        if (s.undefined() > 0) extra.append(s.undefined()).append(" nan");
        if (s.skipped() > 0) extra.append(extra.length() > 0 ? ", " : "").append(s.skipped()).append(" skip");
        return extra.length() == 0 ? core : core + " (" + extra + ")";
    }

    private static String num(double v) {
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
