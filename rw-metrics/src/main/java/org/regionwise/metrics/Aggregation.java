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
            out.add(new MetricSummary(e.getKey().label(), e.getKey().metric(), a.cases, (int) n, a.undefined, a.skipped,
                    n == 0 ? Double.NaN : s.getMean(),
                    n < 2 ? Double.NaN : s.getStandardDeviation(),
                    n == 0 ? Double.NaN : s.getPercentile(50),
                    n == 0 ? Double.NaN : s.getMin(),
                    n == 0 ? Double.NaN : s.getMax()));
        }
        return List.copyOf(out);
    }
}
