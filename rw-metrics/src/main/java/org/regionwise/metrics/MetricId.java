package org.regionwise.metrics;

import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of one result: which case, which class label, which metric.
 *
 * @param caseId case identifier (e.g. the file name without extension)
 * @param label  class label, >= 0
 * @param metric the metric
 */
public record MetricId(String caseId, int label, Metric metric) implements Comparable<MetricId> {
    private static final Comparator<MetricId> ORDER = Comparator.comparing(MetricId::caseId)
            .thenComparingInt(MetricId::label).thenComparing(MetricId::metric);

    /**
     * Checks that the case and metric are given and that the label is not negative.
     *
     * @param caseId case identifier (e.g. the file name without extension)
     * @param label class label, >= 0
     * @param metric the metric
     */
    public MetricId {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(metric, "metric");
        if (label < 0) throw new IllegalArgumentException("label must be >= 0, got " + label + " (case " + caseId + ")");
    }

    @Override public int compareTo(MetricId o) { return ORDER.compare(this, o); }

    @Override public String toString() { return caseId + "/" + label + "/" + metric.key(); }
}
