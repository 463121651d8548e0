package org.regionwise.metrics;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link Metrics#evaluate} computes a case.
 *
 * @param metrics                 metrics to compute (non-empty)
 * @param emptyPolicy             what a surface distance becomes when exactly one mask is empty
 * @param fixedEmptyValue         mm, used by {@link EmptyMaskPolicy#FIXED} (must be finite and >= 0 then)
 * @param percentileConvention    how HD95 combines the two directions
 * @param connectivity            surface neighbourhood: 1 = face neighbours (medpy's default) up to the rank
 *                                (full neighbourhood); 0 means "the default", 1
 * @param surfaceDiceToleranceMm  tolerance tau of {@link Metric#SURFACE_DICE}, mm, >= 0
 * @param parallel                evaluate classes in parallel on the common fork-join pool
 */
public record EvaluationOptions(Set<Metric> metrics, EmptyMaskPolicy emptyPolicy, double fixedEmptyValue,
                                PercentileConvention percentileConvention, int connectivity,
                                double surfaceDiceToleranceMm, boolean parallel) {

    /** The metrics of {@link #defaults()}: every metric. */
    public static final Set<Metric> ALL = Collections.unmodifiableSet(EnumSet.allOf(Metric.class));

    /**
     * Checks that every field is given, at least one metric, a finite fixed value for {@link EmptyMaskPolicy#FIXED}, a
     * valid connectivity and a positive tolerance; copies the metric set.
     * @param metrics metrics to compute (non-empty)
     * @param emptyPolicy what a surface distance becomes when exactly one mask is empty
     * @param fixedEmptyValue mm, used by {@link EmptyMaskPolicy#FIXED} (must be finite and >= 0 then)
     * @param percentileConvention how HD95 combines the two directions
     * @param connectivity surface neighbourhood: 1 = face neighbours (medpy's default) up to the rank (full
     *                     neighbourhood); 0 means "the default", 1
     * @param surfaceDiceToleranceMm tolerance tau of {@link Metric#SURFACE_DICE}, mm, >= 0
     * @param parallel evaluate classes in parallel on the common fork-join pool
     */
    public EvaluationOptions {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(emptyPolicy, "emptyPolicy");
        Objects.requireNonNull(percentileConvention, "percentileConvention");
        if (metrics.isEmpty()) throw new IllegalArgumentException("at least one metric must be requested");
        metrics = Collections.unmodifiableSet(EnumSet.copyOf(metrics));
        if (emptyPolicy == EmptyMaskPolicy.FIXED && !(Double.isFinite(fixedEmptyValue) && fixedEmptyValue >= 0)) {
            throw new IllegalArgumentException("empty-mask policy FIXED needs a finite value >= 0 mm, got " + fixedEmptyValue);
        }
        if (connectivity < 0 || connectivity > 3) {
            throw new IllegalArgumentException("connectivity must be 1, 2 or 3 (1 = face neighbours), got " + connectivity);
        }
        if (!(surfaceDiceToleranceMm >= 0) || Double.isInfinite(surfaceDiceToleranceMm)) {
            throw new IllegalArgumentException("surface Dice tolerance must be finite and >= 0 mm, got " + surfaceDiceToleranceMm);
        }
    }

    /**
     * Every metric, {@link EmptyMaskPolicy#NAN}, medpy-pooled HD95, connectivity 1, surface Dice tolerance 1 mm,
     * classes in parallel.
     *
     * @return the options
     */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(ALL, EmptyMaskPolicy.NAN, 0, PercentileConvention.MEDPY_POOLED, 1, 1.0, true);
    }

    /**
     * These options with other metrics.
     *
     * @param m at least one metric
     * @return new options
     */
    public EvaluationOptions withMetrics(Set<Metric> m) {
        return new EvaluationOptions(m, emptyPolicy, fixedEmptyValue, percentileConvention, connectivity, surfaceDiceToleranceMm, parallel);
    }

    /**
     * These options with other metrics.
     *
     * @param first a metric
     * @param rest more metrics
     * @return new options
     */
    public EvaluationOptions withMetrics(Metric first, Metric... rest) { return withMetrics(EnumSet.of(first, rest)); }

    /**
     * These options with another empty-mask policy.
     *
     * @param p the policy
     * @return new options
     */
    public EvaluationOptions withEmptyPolicy(EmptyMaskPolicy p) {
        return new EvaluationOptions(metrics, p, fixedEmptyValue, percentileConvention, connectivity, surfaceDiceToleranceMm, parallel);
    }

    /**
     * {@link EmptyMaskPolicy#FIXED} with {@code valueMm}.
     *
     * @param valueMm the distance, mm, reported for an empty mask
     * @return new options
     */
    public EvaluationOptions withFixedEmptyValue(double valueMm) {
        return new EvaluationOptions(metrics, EmptyMaskPolicy.FIXED, valueMm, percentileConvention, connectivity, surfaceDiceToleranceMm, parallel);
    }

    /**
     * These options with another HD95 percentile convention.
     *
     * @param c the convention
     * @return new options
     */
    public EvaluationOptions withPercentileConvention(PercentileConvention c) {
        return new EvaluationOptions(metrics, emptyPolicy, fixedEmptyValue, c, connectivity, surfaceDiceToleranceMm, parallel);
    }

    /**
     * These options with another surface connectivity.
     *
     * @param c 1 up to the image rank; 0 means 1
     * @return new options
     */
    public EvaluationOptions withConnectivity(int c) {
        return new EvaluationOptions(metrics, emptyPolicy, fixedEmptyValue, percentileConvention, c, surfaceDiceToleranceMm, parallel);
    }

    /**
     * These options with another surface Dice tolerance.
     *
     * @param tauMm the tolerance in mm, above 0
     * @return new options
     */
    public EvaluationOptions withSurfaceDiceTolerance(double tauMm) {
        return new EvaluationOptions(metrics, emptyPolicy, fixedEmptyValue, percentileConvention, connectivity, tauMm, parallel);
    }

    /**
     * These options evaluating classes in parallel or not.
     *
     * @param p whether classes run in parallel
     * @return new options
     */
    public EvaluationOptions withParallel(boolean p) {
        return new EvaluationOptions(metrics, emptyPolicy, fixedEmptyValue, percentileConvention, connectivity, surfaceDiceToleranceMm, p);
    }

    /**
     * The connectivity actually used (0 means 1).
     *
     * @return the connectivity
     */
    public int effectiveConnectivity() { return connectivity == 0 ? 1 : connectivity; }
}
