package org.regionwise.maps;

import java.util.Locale;
import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.RegionWiseMap;

/**
 * Checks a map against the stability principle of the RW loss (Valverde &amp; Tohka 2023). Per voxel the loss
 * {@code sum_k yhat_ik z_ik} is linear on the probability simplex, so its minimum is the vertex {@code argmin_k z_ik};
 * the ground truth is the unique optimum iff at every voxel {@code z_{i,y_i} < z_{i,k}} for all {@code k != y_i}.
 * The principle also asks the values to be bounded and normalised, so that gradients do not depend on the image or
 * structure size.
 *
 * <p>What is checked, honestly:
 * <ul>
 *   <li><b>Ordering</b> is checked exactly, voxel by voxel: count of violations (ties count) and the smallest margin
 *   {@code z_other - z_true}.</li>
 *   <li><b>Boundedness</b> cannot be proved from one image. {@link #check(ClassMaps, LabelImage)} reports the
 *   sufficient condition "every value lies in {@code [-1, 1]}" (true for RRW, AC, class-balanced with {@code w_k <= 1},
 *   U-Net border). When the values leave {@code [-1, 1]}, {@link #check(RegionWiseMap, LabelImage, int)} also
 *   computes the map on the same labels upsampled 2x per axis (each voxel repeated, spacing kept: the same shapes,
 *   twice as large) and compares {@code max|z|}: raw distance maps double, normalised maps do not move. This is a
 *   necessary-condition test for size independence, not a proof.</li>
 * </ul>
 */
public final class StabilityDiagnostic {
    /** Relative growth tolerated by the size test (float rounding). */
    private static final double GROWTH_TOLERANCE = 1e-3;

    private StabilityDiagnostic() {}

    /**
     * Ordering and range of {@code z} against {@code labels}; no size test.
     *
     * @param z the maps
     * @param labels the ground truth
     * @return the report
     */
    public static StabilityReport check(ClassMaps z, LabelImage labels) {
        return analyse(z, labels, Double.NaN);
    }

    /**
     * Computes {@code map} on {@code labels} and checks it; when its values leave {@code [-1, 1]}, also runs the size
     * test (the map on the labels upsampled 2x per axis).
     *
     * @param map the map
     * @param labels the ground truth
     * @param classes K
     * @return the report
     */
    public static StabilityReport check(RegionWiseMap map, LabelImage labels, int classes) {
        Objects.requireNonNull(map, "map");
        return check(map.compute(labels, classes), labels, map);
    }

    /**
     * Checks {@code z}, already computed by {@code map} from {@code labels}; when its values leave {@code [-1, 1]},
     * also runs the size test with {@code map}.
     *
     * @param z the maps {@code map} computed
     * @param labels the ground truth
     * @param map the map, for the size test
     * @return the report
     */
    public static StabilityReport check(ClassMaps z, LabelImage labels, RegionWiseMap map) {
        Objects.requireNonNull(map, "map");
        StabilityReport plain = analyse(z, labels, Double.NaN);
        if (plain.boundedness() != StabilityReport.Boundedness.UNKNOWN) return plain;
        ClassMaps big = map.compute(upsample2(labels), z.classes());
        double growth = maxAbs(big) / maxAbs(z);
        return analyse(z, labels, growth);
    }

    /** The labels with every voxel repeated twice along every axis; the spacing is kept. */
    static LabelImage upsample2(LabelImage labels) {
        Grid g = labels.grid();
        int dims = g.dimensions();
        int[] size = g.sizes();
        int[] big = new int[dims];
        for (int a = 0; a < dims; a++) big[a] = 2 * size[a];
        Grid bg = Grid.of(big, g.spacings());
        int[] src = labels.data();
        int[] out = new int[bg.voxelCount()];
        int[] c = new int[dims];
        for (int i = 0; i < out.length; i++) {
            int rest = i, j = 0, stride = 1;
            for (int a = 0; a < dims; a++) {
                c[a] = (rest % big[a]) / 2;
                rest /= big[a];
                j += c[a] * stride;
                stride *= size[a];
            }
            out[i] = src[j];
        }
        return new LabelImage(bg, out);
    }

    private static double maxAbs(ClassMaps z) {
        double m = 0;
        for (int k = 0; k < z.classes(); k++) for (float v : z.data(k)) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static StabilityReport analyse(ClassMaps z, LabelImage labels, double growth) {
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(labels, "labels");
        z.grid().requireSameShape(labels.grid(), "maps vs labels");
        int classes = z.classes();
        labels.requireClasses(classes);
        int[] y = labels.data();
        int n = y.length;
        long violations = 0, nonFinite = 0;
        String first = "";
        double minMargin = Double.POSITIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int t = y[i];
            float zt = z.get(t, i);
            boolean bad = false;
            for (int k = 0; k < classes; k++) {
                float v = z.get(k, i);
                if (!Float.isFinite(v)) nonFinite++;
                if (v < min) min = v;
                if (v > max) max = v;
                if (k == t) continue;
                double margin = (double) v - zt;
                if (margin < minMargin || Double.isNaN(margin)) minMargin = Double.isNaN(minMargin) ? minMargin : margin;
                if (!(margin > 0) && !bad) {
                    bad = true;
                    if (violations == 0) {
                        first = String.format(Locale.ROOT, "voxel %s: true class %d has %.4g, class %d has %.4g",
                                LabelImage.describeVoxel(labels.grid(), i), t, zt, k, v);
                    }
                }
            }
            if (bad) violations++;
        }
        StabilityReport.Boundedness bounded;
        if (nonFinite > 0) bounded = StabilityReport.Boundedness.NON_FINITE;
        else if (min >= -1 && max <= 1) bounded = StabilityReport.Boundedness.UNIT_RANGE;
        else if (Double.isNaN(growth)) bounded = StabilityReport.Boundedness.UNKNOWN;
        else if (growth <= 1 + GROWTH_TOLERANCE) bounded = StabilityReport.Boundedness.SIZE_INDEPENDENT;
        else bounded = StabilityReport.Boundedness.GROWS_WITH_SIZE;
        return new StabilityReport(n, classes, violations, first, minMargin, min, max, nonFinite, bounded, growth);
    }
}
