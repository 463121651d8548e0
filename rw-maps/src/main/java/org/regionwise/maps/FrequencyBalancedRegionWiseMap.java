package org.regionwise.maps;

import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.distance.EuclideanDistanceTransform;
import org.regionwise.maps.internal.MapSupport;

/**
 * The frequency-balanced RRW map ({@code rrw-balanced}): the {@link RectifiedRegionWiseMap} with every voxel's values
 * scaled by a weight from the label frequencies of its image, so that each class present in the image carries the
 * same total weight:
 *
 * <pre>
 *   z_ik = v_{y_i} * rrw_ik,      v_c = n_min / n_c
 * </pre>
 *
 * where {@code rrw_ik} is the RRW map ({@code -d/max(d)} inside class k, {@code +1} outside), {@code y_i} the label of
 * voxel {@code i}, {@code n_c} the number of voxels labelled {@code c} in the image and {@code n_min} the smallest
 * non-zero {@code n_c}. Read per voxel: the outside value (the penalty for predicting a wrong class) at a voxel of class
 * {@code c} is {@code v_c} instead of 1, and its inside value is {@code -v_c d/max(d)}. The rarest class present gets
 * weight 1, a class {@code r} times as frequent {@code 1/r}.
 *
 * <p>Why: the RW loss {@code mean_{i,k} p_ik z_ik} has the gradient {@code p_ik (z_ik - sum_c p_ic z_ic)} with respect
 * to logit {@code k} at voxel {@code i}, which is proportional to the predicted probability. Once the network predicts
 * background on a small structure, both the push-up of the structure on its own voxels and the push-down on background
 * voxels are proportional to that small probability, and with unweighted voxel counts the background's voxels
 * outnumber the structure's by the class ratio: the background wins and the class never starts. With Adam, which
 * normalises the gradient's scale, what matters is the direction, and {@code v} makes the two sides count equally (as
 * Dice's per-class normalisation does). This is Valverde &amp; Tohka's claim that RW maps "account for class imbalance"
 * with frequencies in place of fixed outside values ({@link ClassBalancedRegionWiseMap}).
 *
 * <p>The map keeps the stability principle: {@code v_c > 0} scales a voxel's K values alike, so the ground-truth class
 * keeps the strictly smallest value; all values lie in {@code [-1, 1]}. An image of one class is all {@code -1} for
 * that class and {@code +1} for the others (as RRW, {@code v = 1}).
 */
public final class FrequencyBalancedRegionWiseMap implements RegionWiseMap {
    private final DistanceUnits units;
    private final EuclideanDistanceTransform edt;

    /**
     * The frequency-balanced RRW map with distances in {@code units}.
     *
     * @param units voxels or mm
     * @param edt computes the distances
     */
    public FrequencyBalancedRegionWiseMap(DistanceUnits units, EuclideanDistanceTransform edt) {
        this.units = Objects.requireNonNull(units, "units");
        this.edt = Objects.requireNonNull(edt, "edt");
    }

    @Override
    public ClassMaps compute(LabelImage labels, int classes) {
        MapSupport.checkInput(labels, classes, "frequency-balanced RW map");
        int[] y = labels.data();
        double[] v = weights(y, classes);
        float[][] z = new float[classes][];
        for (int k = 0; k < classes; k++) {
            float[] m = RectifiedRegionWiseMap.classMap(labels, k, 1f, units, edt);
            for (int i = 0; i < m.length; i++) m[i] = (float) (v[y[i]] * m[i]);
            z[k] = m;
        }
        return new ClassMaps(labels.grid(), z);
    }

    /** {@code v_c = n_min / n_c} for the classes present, 0 for absent ones (no voxel uses it). */
    static double[] weights(int[] labels, int classes) {
        long[] n = new long[classes];
        for (int l : labels) n[l]++;
        long min = Long.MAX_VALUE;
        for (long c : n) if (c > 0) min = Math.min(min, c);
        double[] v = new double[classes];
        for (int c = 0; c < classes; c++) v[c] = n[c] == 0 ? 0 : (double) min / n[c];
        return v;
    }

    /**
     * The distance units.
     *
     * @return voxels or mm
     */
    public DistanceUnits units() { return units; }

    @Override public String toString() { return "FrequencyBalancedRegionWiseMap[" + units + "]"; }
}
