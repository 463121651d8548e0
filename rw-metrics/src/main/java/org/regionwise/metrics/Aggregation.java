package org.regionwise.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Aggregates {@link CaseEvaluation}s per (class, metric) over cases with Commons Math. */
public final class Aggregation {
    private Aggregation() {}

    private record Key(int label, Metric metric) implements Comparable<Key> {
        @Override public int compareTo(Key o) {
            int c = Integer.compare(label, o.label);
            return c != 0 ? c : metric.compareTo(o.metric);
        }
    }

    private static final class Acc {
        final DescriptiveStatistics stats = new DescriptiveStatistics();
        int cases;
        int undefined;
        int skipped;
    }

    /**
     * One {@link MetricSummary} per (class, metric) present in any case, ordered by label then metric.
     *
     * @param evaluations the per-case results
     * @return the summaries
     * @throws IllegalArgumentException when two evaluations share a case id
     */
    public static List<MetricSummary> summarize(Collection<CaseEvaluation> evaluations) {
        Map<Key, Acc> acc = new TreeMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (CaseEvaluation e : evaluations) {
            if (!ids.add(e.caseId())) throw new IllegalArgumentException("case '" + e.caseId() + "' appears twice");
            for (Map.Entry<MetricId, MetricValue> v : e.asMap().entrySet()) {
                Acc a = acc.computeIfAbsent(new Key(v.getKey().label(), v.getKey().metric()), k -> new Acc());
                a.cases++;
                if (v.getValue().isDefined()) a.stats.addValue(v.getValue().value());
                else a.undefined++;
            }
            for (MetricId id : e.skipped().keySet()) {
                Acc a = acc.computeIfAbsent(new Key(id.label(), id.metric()), k -> new Acc());
                a.cases++;
                a.skipped++;
            }
        }
        List<MetricSummary> out = new ArrayList<>();
        for (Map.Entry<Key, Acc> e : acc.entrySet()) {
            Acc a = e.getValue();
            DescriptiveStatistics s = a.stats;
            long n = s.getN();
            double[] sorted = s.getSortedValues();
            boolean infinite = n > 0 && (Double.isInfinite(sorted[0]) || Double.isInfinite(sorted[(int) n - 1]));
            double mean = n == 0 ? Double.NaN : infinite ? sum(sorted) : s.getMean();
            double std = n < 2 || infinite ? Double.NaN : s.getStandardDeviation();
            out.add(new MetricSummary(e.getKey().label(), e.getKey().metric(), a.cases, (int) n, a.undefined, a.skipped,
                    mean, std, median(sorted), n == 0 ? Double.NaN : sorted[0], n == 0 ? Double.NaN : sorted[(int) n - 1]));
        }
        return List.copyOf(out);
    }

    /** Plain sum: with infinite values it is the infinity (or NaN for +inf and -inf together). */
    private static double sum(double[] v) {
        double t = 0;
        for (double d : v) t += d;
        return t;
    }

    /** Middle value, or the average of the two middle values; NaN when empty. */
    private static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        if (n % 2 == 1) return sorted[n / 2];
        double a = sorted[n / 2 - 1];
        double b = sorted[n / 2];
        return a == b ? a : a / 2 + b / 2;
    }
}
