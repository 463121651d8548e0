package org.regionwise.examples.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.Metrics;
import org.regionwise.metrics.curves.Instability;
import org.regionwise.metrics.curves.TrainingCurveInstability;

/**
 * {@link Scoring} with rw-metrics: {@link Metrics#dice} and {@link Metrics#hausdorff} (medpy {@code hd} semantics, mm,
 * NaN for an empty mask), and {@link TrainingCurveInstability} with a drop threshold (default 0.05 Dice).
 */
public final class MetricsScoring implements Scoring {
    private final double dropThreshold;

    /**
     * Scoring whose instability counts validation-Dice drops larger than {@code dropThreshold}.
     *
     * @param dropThreshold a finite Dice difference, at least 0
     */
    public MetricsScoring(double dropThreshold) {
        if (!(dropThreshold >= 0) || Double.isInfinite(dropThreshold)) {
            throw new IllegalArgumentException("drop threshold must be finite and >= 0, got " + dropThreshold);
        }
        this.dropThreshold = dropThreshold;
    }

    /** Drop threshold 0.05 Dice. */
    public MetricsScoring() { this(0.05); }

    /**
     * The Dice drop that counts as one.
     *
     * @return the threshold
     */
    public double dropThreshold() { return dropThreshold; }

    @Override public double dice(LabelImage prediction, LabelImage truth, int label) {
        return Metrics.dice(prediction, truth, label);
    }

    @Override public double hausdorffMm(LabelImage prediction, LabelImage truth, int label) {
        return Metrics.hausdorff(prediction, truth, label);
    }

    /**
     * {@code drops} (drop episodes deeper than the threshold), {@code max_drop} (deepest drop episode),
     * {@code max_drawdown} (largest fall below the best value so far) and {@code total_variation}
     * ({@code sum |c_{t+1} - c_t|}); non-finite points are left out; an empty curve gives no measures.
     */
    @Override public Map<String, Double> instability(double[] curve) {
        double[] finite = java.util.Arrays.stream(curve).filter(Double::isFinite).toArray();
        Map<String, Double> m = new LinkedHashMap<>();
        if (finite.length == 0) return m;
        Instability i = TrainingCurveInstability.of(finite, dropThreshold);
        m.put("drops", (double) i.drops());
        m.put("max_drop", i.maxDropDepth());
        m.put("max_drawdown", i.maxDrawdown());
        m.put("total_variation", i.totalVariation());
        return m;
    }

    /** {@link TrainingCurveInstability#acrossRuns}: mean std across runs over the last epochs; NaN for fewer than 2 runs. */
    @Override public double spreadAcrossRuns(double[][] curves, int lastEpochs) {
        if (curves.length < 2 || curves[0].length == 0) return Double.NaN;
        for (double[] c : curves) {
            if (c.length != curves[0].length) return Double.NaN;
            for (double v : c) if (!Double.isFinite(v)) return Double.NaN;
        }
        return TrainingCurveInstability.acrossRuns(curves, Math.min(lastEpochs, curves[0].length)).meanStdAcrossRuns();
    }
}
