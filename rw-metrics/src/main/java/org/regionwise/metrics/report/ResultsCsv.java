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

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
