package org.regionwise.metrics;

import java.util.Objects;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.internal.DistanceFields;
import org.regionwise.metrics.internal.Selection;
import org.regionwise.metrics.internal.SurfacePairDistances;

/**
 * The directed surface distances between a prediction P and a reference R for one class, in mm, and the metrics
 * built on them, following {@code medpy.metric.binary}.
 *
 * <p>Surface {@code S(M) = M XOR erode(M)} with the structuring element of the chosen connectivity and outside the
 * image treated as background (SciPy's {@code border_value = 0}), so a mask touching the image border has a surface
 * there. {@code d(p, S)} is the Euclidean distance in mm (reference spacing) from voxel centre {@code p} to the
 * nearest voxel centre of {@code S}. With {@code A = {d(p, S(R)) : p in S(P)}} and {@code B = {d(r, S(P)) : r in S(R)}}:
 * <ul>
 *   <li>HD = max(max A, max B) (medpy {@code hd});</li>
 *   <li>HD95 = 95th percentile of A ∪ B (medpy {@code hd95}), or max(P95(A), P95(B)) (MONAI), linear interpolation;</li>
 *   <li>ASD = mean A (medpy {@code asd(result, reference)}); ASSD = (mean A + mean B) / 2 (medpy {@code assd}; MONAI's
 *       symmetric ASD instead averages A ∪ B);</li>
 *   <li>NSD(tau) = (|{a in A : a &le; tau}| + |{b in B : b &le; tau}|) / (|A| + |B|), counting surface voxels (not
 *       DeepMind's surfel areas).</li>
 * </ul>
 * Every distance metric is NaN when P or R is empty (there is no surface to measure from or to); the caller decides
 * what that means through an {@link EmptyMaskPolicy}.
 */
public final class SurfaceDistances {
    private final double[] predictionToReference;
    private final double[] referenceToPrediction;

    private SurfaceDistances(double[] predictionToReference, double[] referenceToPrediction) {
        this.predictionToReference = predictionToReference;
        this.referenceToPrediction = referenceToPrediction;
    }

    /**
     * Wraps directed distances (copied). An empty array means that mask is empty: a non-empty mask always has at least
     * one surface voxel. The distances from a non-empty mask to an empty one are +infinity.
     *
     * @param predictionToReference {@code d(p, S(R))} for every prediction surface voxel p, mm
     * @param referenceToPrediction {@code d(r, S(P))} for every reference surface voxel r, mm
     * @return the distances
     */
    public static SurfaceDistances of(double[] predictionToReference, double[] referenceToPrediction) {
        return new SurfaceDistances(predictionToReference.clone(), referenceToPrediction.clone());
    }

    /**
     * Surface distances of {@code label} with connectivity 1, spacing from the reference grid.
     *
     * @param prediction the predicted labels
     * @param reference the reference labels
     * @param label the class
     * @return the distances
     */
    public static SurfaceDistances compute(LabelImage prediction, LabelImage reference, int label) {
        return compute(prediction, reference, label, 1);
    }

    /**
     * Surface distances of {@code label}, spacing from the reference grid.
     *
     * @param prediction the predicted labels
     * @param reference the reference labels
     * @param label the class
     * @param connectivity 1 (face neighbours, medpy's default) up to the image rank (full neighbourhood)
     * @return the distances
     */
    public static SurfaceDistances compute(LabelImage prediction, LabelImage reference, int label, int connectivity) {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(reference, "reference");
        double[][] d = SurfacePairDistances.compute(prediction, reference, label, connectivity, DistanceFields.standard());
        return new SurfaceDistances(d[0], d[1]);
    }

    /**
     * True when the prediction mask is empty.
     *
     * @return whether it is empty
     */
    public boolean predictionEmpty() { return predictionToReference.length == 0; }

    /**
     * True when the reference mask is empty.
     *
     * @return whether it is empty
     */
    public boolean referenceEmpty() { return referenceToPrediction.length == 0; }

    /**
     * True when either mask is empty, so every distance metric is NaN.
     *
     * @return whether the distances are undefined
     */
    public boolean undefined() { return predictionEmpty() || referenceEmpty(); }

    /**
     * Number of prediction surface voxels.
     *
     * @return the count
     */
    public int predictionSurfaceVoxels() { return predictionToReference.length; }

    /**
     * Number of reference surface voxels.
     *
     * @return the count
     */
    public int referenceSurfaceVoxels() { return referenceToPrediction.length; }

    /**
     * A copy of {@code d(p, S(R))} per prediction surface voxel, in increasing flat-index order, mm.
     *
     * @return the distances in mm
     */
    public double[] predictionToReference() { return predictionToReference.clone(); }

    /**
     * A copy of {@code d(r, S(P))} per reference surface voxel, in increasing flat-index order, mm.
     *
     * @return the distances in mm
     */
    public double[] referenceToPrediction() { return referenceToPrediction.clone(); }

    /**
     * Symmetric Hausdorff distance {@code max(max A, max B)}, mm; NaN when either mask is empty.
     *
     * @return the distance in mm
     */
    public double hausdorff() {
        if (undefined()) return Double.NaN;
        return Math.max(max(predictionToReference), max(referenceToPrediction));
    }

    /**
     * Directed Hausdorff distance from the prediction to the reference, {@code max A}, mm; NaN when either is empty.
     *
     * @return the distance in mm
     */
    public double directedHausdorffPredictionToReference() {
        return undefined() ? Double.NaN : max(predictionToReference);
    }

    /**
     * Directed Hausdorff distance from the reference to the prediction, {@code max B}, mm; NaN when either is empty.
     *
     * @return the distance in mm
     */
    public double directedHausdorffReferenceToPrediction() {
        return undefined() ? Double.NaN : max(referenceToPrediction);
    }

    /**
     * HD95 with medpy's pooled convention, mm.
     *
     * @return the distance in mm
     */
    public double hausdorff95() { return percentileHausdorff(95, PercentileConvention.MEDPY_POOLED); }

    /**
     * Percentile Hausdorff distance, mm; NaN when either mask is empty.
     *
     * @param percentile in [0, 100]; 100 gives {@link #hausdorff()}
     * @param convention how the percentile is taken
     * @return the distance in mm
     */
    public double percentileHausdorff(double percentile, PercentileConvention convention) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
        }
        if (undefined()) return Double.NaN;
        return switch (convention) {
            case MEDPY_POOLED -> {
                int na = predictionToReference.length;
                int nb = referenceToPrediction.length;
                double[] pooled = new double[na + nb];
                System.arraycopy(predictionToReference, 0, pooled, 0, na);
                System.arraycopy(referenceToPrediction, 0, pooled, na, nb);
                yield Selection.percentile(pooled, pooled.length, percentile);
            }
            case MONAI_MAX_OF_DIRECTED -> Math.max(
                    Selection.percentile(predictionToReference.clone(), predictionToReference.length, percentile),
                    Selection.percentile(referenceToPrediction.clone(), referenceToPrediction.length, percentile));
        };
    }

    /**
     * Average surface distance from the prediction to the reference, {@code mean A}, mm; NaN when either is empty.
     *
     * @return the distance in mm
     */
    public double averageSurfaceDistance() { return undefined() ? Double.NaN : mean(predictionToReference); }

    /**
     * {@code (mean A + mean B) / 2}, mm (medpy {@code assd}); NaN when either is empty.
     *
     * @return the distance in mm
     */
    public double averageSymmetricSurfaceDistance() {
        return undefined() ? Double.NaN : (mean(predictionToReference) + mean(referenceToPrediction)) / 2;
    }

    /**
     * Normalised surface Dice at tolerance {@code tauMm}: the fraction of surface voxels of both masks lying within
     * {@code tauMm} of the other surface. 0 when exactly one mask is empty (a missed or hallucinated structure),
     * NaN when both are.
     *
     * @param tauMm the tolerance in mm
     * @return the surface Dice in [0, 1]
     */
    public double surfaceDice(double tauMm) {
        if (!(tauMm >= 0)) throw new IllegalArgumentException("surface Dice tolerance must be >= 0 mm, got " + tauMm);
        int n = predictionToReference.length + referenceToPrediction.length;
        if (n == 0) return Double.NaN;
        if (undefined()) return 0;
        long within = 0;
        for (double d : predictionToReference) if (d <= tauMm) within++;
        for (double d : referenceToPrediction) if (d <= tauMm) within++;
        return (double) within / n;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) if (d > m) m = d;
        return m;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }
}
