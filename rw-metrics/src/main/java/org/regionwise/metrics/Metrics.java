package org.regionwise.metrics;

import java.util.EnumSet;
import java.util.Objects;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.internal.CaseEvaluator;
import org.regionwise.metrics.internal.DistanceFields;
import org.regionwise.metrics.internal.LabelScan;
import org.regionwise.metrics.internal.SurfacePairDistances;

/**
 * Facade: per-class segmentation metrics of a prediction against a reference on the same grid. Spacing (mm) always
 * comes from the <b>reference</b> grid; the two grids must have the same size.
 *
 * <p>Conventions (details in {@link Metric}, {@link SurfaceDistances} and rw-metrics/README.md): Dice is NaN when both
 * masks are empty; surface distances follow medpy ({@code hd}, {@code hd95} pooled, connectivity 1, outside the image
 * is background) and are NaN when either mask is empty; {@link #evaluate} applies an explicit
 * {@link EmptyMaskPolicy}.
 */
public final class Metrics {
    private Metrics() {}

    /**
     * Dice {@code 2|P∩R| / (|P| + |R|)} of class {@code label}; NaN when both masks are empty.
     *
     * @param prediction the predicted labels
     * @param reference the reference labels
     * @param label the class
     * @return the Dice
     */
    public static double dice(LabelImage prediction, LabelImage reference, int label) {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(reference, "reference");
        reference.grid().requireSameShape(prediction.grid(), "prediction vs reference");
        if (label < 0) throw new IllegalArgumentException("label must be >= 0, got " + label);
        LabelScan s = LabelScan.of(prediction.data(), reference.data(), SurfacePairDistances.size3(reference.grid()), new int[] {label});
        return new OverlapCounts(s.predictionCount(0), s.referenceCount(0), s.intersectionCount(0), 1).dice();
    }

    /**
     * Symmetric Hausdorff distance of class {@code label} in mm (medpy {@code hd}, connectivity 1); NaN when either
     * mask is empty.
     *
     * @param prediction the predicted labels
     * @param reference the reference labels
     * @param label the class
     * @return the distance in mm
     */
    public static double hausdorff(LabelImage prediction, LabelImage reference, int label) {
        return SurfaceDistances.compute(prediction, reference, label).hausdorff();
    }

    /**
     * 95th-percentile Hausdorff distance of class {@code label} in mm with medpy's pooled semantics ({@code hd95}:
     * percentile of both directions' distances together, linear interpolation, connectivity 1); NaN when either mask
     * is empty.
     *
     * @param prediction the predicted labels
     * @param reference the reference labels
     * @param label the class
     * @return the distance in mm
     */
    public static double hausdorff95(LabelImage prediction, LabelImage reference, int label) {
        return SurfaceDistances.compute(prediction, reference, label).hausdorff95();
    }

    /**
     * Evaluates every metric of {@code options} for every class of {@code labels}.
     *
     * @param caseId identifies the case in the results
     * @param prediction the predicted labels
     * @param reference the reference labels (their spacing is used)
     * @param labels distinct class labels, each >= 0 (usually the foreground classes)
     * @param options the metrics and conventions
     * @return the case's results
     */
    public static CaseEvaluation evaluate(String caseId, LabelImage prediction, LabelImage reference, int[] labels,
                                          EvaluationOptions options) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(options, "options");
        return CaseEvaluator.evaluate(caseId, prediction, reference, labels, options, DistanceFields.standard());
    }

    /**
     * {@link #evaluate} with {@link EvaluationOptions#defaults()}.
     *
     * @param caseId identifies the case
     * @param prediction the predicted labels
     * @param reference the reference labels (their spacing is used)
     * @param labels distinct class labels, each at least 0
     * @return the case's results
     */
    public static CaseEvaluation evaluate(String caseId, LabelImage prediction, LabelImage reference, int[] labels) {
        return evaluate(caseId, prediction, reference, labels, EvaluationOptions.defaults());
    }

    /**
     * The metrics the paper reports: Dice and HD (plus HD95 and ASSD), as an options object.
     *
     * @return the options
     */
    public static EvaluationOptions paperOptions() {
        return EvaluationOptions.defaults().withMetrics(EnumSet.of(Metric.DICE, Metric.HAUSDORFF, Metric.HAUSDORFF95,
                Metric.AVERAGE_SYMMETRIC_SURFACE_DISTANCE));
    }
}
