package org.regionwise.maps;

import java.util.List;
import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.distance.EuclideanDistanceTransform;
import org.regionwise.maps.internal.MapSupport;

/**
 * The class-balanced RW map: the {@link RectifiedRegionWiseMap} with a per-class outside value {@code w_k > 0}
 * instead of {@code +1} (Valverde &amp; Tohka's "class imbalance" use of RW maps; the same construction appears as
 * {@code ratio = [0.95, 0.05]} in the author's later code):
 *
 * <pre>
 *   z_ik = -d_ik / max_{j : y_j = k} d_jk   if voxel i has label k
 *   z_ik = w_k                             otherwise
 * </pre>
 *
 * {@code w_k} is the penalty for predicting class k on a voxel of another class: with {@code [0.95, 0.05]},
 * predicting background on foreground costs 0.95 and the reverse 0.05, which pushes recall of the rare foreground.
 * An absent class is all {@code w_k}; a class covering the image is all {@code -1} (see
 * {@link RectifiedRegionWiseMap}). The ordering of the stability principle holds for any {@code w_k > 0}; values
 * lie in {@code [-1, max_k w_k]}.
 */
public final class ClassBalancedRegionWiseMap implements RegionWiseMap {
    private final float[] outside;
    private final DistanceUnits units;
    private final EuclideanDistanceTransform edt;

    /**
     *
     * @param outside {@code w_k} per class, each finite and {@code > 0}; the number of classes must equal its size
     * @param units voxels or mm
     * @param edt computes the distances
     */
    public ClassBalancedRegionWiseMap(List<Double> outside, DistanceUnits units, EuclideanDistanceTransform edt) {
        if (outside.isEmpty()) throw new IllegalArgumentException("class-balanced map needs at least one outside value");
        this.outside = new float[outside.size()];
        for (int k = 0; k < this.outside.length; k++) {
            double v = outside.get(k);
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("class-balanced map: outside value of class " + k + " must be finite and > 0, got " + v);
            }
            this.outside[k] = (float) v;
        }
        this.units = Objects.requireNonNull(units, "units");
        this.edt = Objects.requireNonNull(edt, "edt");
    }

    @Override
    public ClassMaps compute(LabelImage labels, int classes) {
        MapSupport.checkInput(labels, classes, "class-balanced RW map");
        if (classes != outside.length) {
            throw new IllegalArgumentException("class-balanced RW map has " + outside.length
                    + " outside values but K=" + classes + " classes were asked for");
        }
        float[][] z = new float[classes][];
        for (int k = 0; k < classes; k++) z[k] = RectifiedRegionWiseMap.classMap(labels, k, outside[k], units, edt);
        return new ClassMaps(labels.grid(), z);
    }

    /**
     * {@code w_k} per class.
     *
     * @return a copy of the outside values
     */
    public float[] outside() { return outside.clone(); }

    @Override public String toString() { return "ClassBalancedRegionWiseMap" + java.util.Arrays.toString(outside); }
}
