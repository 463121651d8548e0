package org.regionwise.metrics.report;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.regionwise.metrics.CaseEvaluation;
import org.regionwise.metrics.EvaluationOptions;
import org.regionwise.metrics.Metric;
import org.regionwise.metrics.MetricId;
import org.regionwise.metrics.MetricSummary;
import org.regionwise.metrics.MetricValue;
import org.regionwise.core.io.AtomicFiles;

/**
 * JSON with every convention stated, the per-case values and the summary:
 * <pre>{@code
 * {"conventions": {...}, "cases": [{"case": "...", "results": [{"label": 1, "metric": "hd", "unit": "mm",
 *   "status": "measured", "value": 3.0, "note": null}, ...]}], "summary": [{"label": 1, "metric": "hd", ...}]}
 * }</pre>
 * JSON has no NaN or infinity: a non-finite number {@code x} is written as {@code "x": null} followed by
 * {@code "xNonFinite": "NaN"} (or {@code "Infinity"}).
 */
public final class ResultsJson {
    private ResultsJson() {}

    /**
     * The results as one JSON document: options, per-case values and summaries.
     *
     * @param evaluations the per-case results
     * @param summary the summaries
     * @param options the options they were computed with
     * @return the JSON text
     */
    public static String of(Collection<CaseEvaluation> evaluations, List<MetricSummary> summary, EvaluationOptions options) {
        StringBuilder b = new StringBuilder("{\n  \"conventions\": ");
        conventions(b, options);
        b.append(",\n  \"cases\": [");
        boolean firstCase = true;
        for (CaseEvaluation e : evaluations) {
            b.append(firstCase ? "\n" : ",\n").append("    {\"case\": ").append(str(e.caseId())).append(", \"results\": [");
            firstCase = false;
            boolean first = true;
            for (Map.Entry<MetricId, MetricValue> v : e.asMap().entrySet()) {
                b.append(first ? "\n" : ",\n");
                first = false;
                MetricValue mv = v.getValue();
                result(b, v.getKey(), Formats.status(mv), mv.value(), mv.note());
            }
            for (Map.Entry<MetricId, String> s : e.skipped().entrySet()) {
                b.append(first ? "\n" : ",\n");
                first = false;
                result(b, s.getKey(), "skipped", Double.NaN, s.getValue());
            }
            b.append("\n    ]}");
        }
        b.append("\n  ],\n  \"summary\": [");
        boolean first = true;
        for (MetricSummary s : summary) {
            b.append(first ? "\n" : ",\n");
            first = false;
            b.append("    {\"label\": ").append(s.label()).append(", \"metric\": ").append(str(s.metric().key()))
                    .append(", \"unit\": ").append(str(s.metric().unit())).append(", \"cases\": ").append(s.cases())
                    .append(", \"defined\": ").append(s.defined()).append(", \"undefined\": ").append(s.undefined())
                    .append(", \"skipped\": ").append(s.skipped());
            field(b, "mean", s.mean());
            field(b, "std", s.std());
            field(b, "median", s.median());
            field(b, "min", s.min());
            field(b, "max", s.max());
            b.append('}');
        }
        return b.append("\n  ]\n}\n").toString();
    }

    /**
     * Writes {@link #of} to {@code file} atomically.
     *
     * @param file the file to write
     * @param evaluations the per-case results
     * @param summary the summaries
     * @param options the options they were computed with
     */
    public static void write(Path file, Collection<CaseEvaluation> evaluations, List<MetricSummary> summary, EvaluationOptions options) {
        AtomicFiles.writeString(file, of(evaluations, summary, options));
    }

    private static void conventions(StringBuilder b, EvaluationOptions o) {
        b.append("{\"spacing\": \"from the reference image grid, mm\"")
                .append(", \"surface\": \"mask XOR binary_erosion(mask), outside the image is background (medpy)\"")
                .append(", \"connectivity\": ").append(o.effectiveConnectivity())
                .append(", \"hd95\": ").append(str(o.percentileConvention().name()))
                .append(", \"percentileInterpolation\": \"linear (numpy default)\"")
                .append(", \"emptyMaskPolicy\": ").append(str(o.emptyPolicy().name()));
        if (o.emptyPolicy() == org.regionwise.metrics.EmptyMaskPolicy.FIXED) field(b, "fixedEmptyValueMm", o.fixedEmptyValue());
        field(b, "surfaceDiceToleranceMm", o.surfaceDiceToleranceMm());
        b.append(", \"diceBothEmpty\": \"NaN\", \"std\": \"sample (n-1)\", \"metrics\": [");
        boolean first = true;
        for (Metric m : o.metrics()) {
            b.append(first ? "" : ", ").append(str(m.key()));
            first = false;
        }
        b.append("]}");
    }

    private static void result(StringBuilder b, MetricId id, String status, double value, @Nullable String note) {
        b.append("      {\"label\": ").append(id.label()).append(", \"metric\": ").append(str(id.metric().key()))
                .append(", \"unit\": ").append(str(id.metric().unit())).append(", \"status\": ").append(str(status));
        if ("skipped".equals(status)) b.append(", \"value\": null");
        else field(b, "value", value);
        b.append(", \"note\": ").append(note == null ? "null" : str(note)).append('}');
    }

    private static void field(StringBuilder b, String name, double v) {
        b.append(", \"").append(name).append("\": ");
        if (Double.isFinite(v)) {
            b.append(v);
        } else {
            b.append("null, \"").append(name).append("NonFinite\": ")
                    .append(str(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity"));
        }
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
