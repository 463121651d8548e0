package org.regionwise.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The immutable results of one case: a value (possibly NaN with a reason) per (class, metric), plus the
 * (class, metric) pairs left out under {@link EmptyMaskPolicy#SKIP}, each with its reason.
 */
public final class CaseEvaluation {
    private final String caseId;
    private final int[] labels;
    private final Map<MetricId, MetricValue> values;
    private final Map<MetricId, String> skipped;

    /**
     *
     * @param caseId identifies the case
     * @param labels the class labels evaluated
     * @param values  results keyed by id; every id must belong to {@code caseId}
     * @param skipped ids left out on purpose, with the reason
     */
    public CaseEvaluation(String caseId, int[] labels, Map<MetricId, MetricValue> values, Map<MetricId, String> skipped) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.labels = labels.clone();
        for (MetricId id : values.keySet()) requireCase(id);
        for (MetricId id : skipped.keySet()) {
            requireCase(id);
            if (values.containsKey(id)) throw new IllegalArgumentException(id + " is both a value and skipped");
        }
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(values)));
        this.skipped = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(skipped)));
    }

    private void requireCase(MetricId id) {
        if (!id.caseId().equals(caseId)) {
            throw new IllegalArgumentException("result " + id + " does not belong to case '" + caseId + "'");
        }
    }

    /**
     * The case's identifier.
     *
     * @return the id
     */
    public String caseId() { return caseId; }

    /**
     * The class labels evaluated, in the order requested (a copy).
     *
     * @return the labels
     */
    public int[] labels() { return labels.clone(); }

    /**
     * Every value, ordered by label then metric (unmodifiable).
     *
     * @return the values
     */
    public Map<MetricId, MetricValue> asMap() { return values; }

    /**
     * The (class, metric) pairs left out under {@link EmptyMaskPolicy#SKIP}, with the reason (unmodifiable).
     *
     * @return the skipped pairs
     */
    public Map<MetricId, String> skipped() { return skipped; }

    /**
     * The value of {@code metric} for {@code label}, if it was computed and not skipped.
     *
     * @param label the class
     * @param metric the metric
     * @return the value, or empty
     */
    public Optional<MetricValue> find(int label, Metric metric) {
        return Optional.ofNullable(values.get(new MetricId(caseId, label, metric)));
    }

    /**
     * The value of {@code metric} for {@code label}.
     *
     * @param label the class
     * @param metric the metric
     * @return the value
     * @throws IllegalArgumentException when it was not requested or was skipped (the message says which)
     */
    public MetricValue get(int label, Metric metric) {
        MetricId id = new MetricId(caseId, label, metric);
        MetricValue v = values.get(id);
        if (v != null) return v;
        String why = skipped.get(id);
        if (why != null) throw new IllegalArgumentException(id + " was skipped: " + why);
        throw new IllegalArgumentException(id + " was not computed (labels " + java.util.Arrays.toString(labels)
                + ", metrics requested: " + values.keySet().stream().map(k -> k.metric().key()).distinct().toList() + ")");
    }

    /**
     * {@code get(label, metric).value()}.
     *
     * @param label the class
     * @param metric the metric
     * @return the number
     */
    public double value(int label, Metric metric) { return get(label, metric).value(); }

    @Override public String toString() { return "CaseEvaluation[" + caseId + ", " + values.size() + " values, " + skipped.size() + " skipped]"; }
}
