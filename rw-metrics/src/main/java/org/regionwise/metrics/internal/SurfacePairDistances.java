package org.regionwise.metrics.internal;

import java.util.Arrays;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * Directed surface distances of one label: crop to the union bounding box grown by one voxel, extract both
 * surfaces, and measure each surface voxel's distance to the other surface with a {@link DistanceField}.
 */
public final class SurfacePairDistances {
    private static final double[] NONE = new double[0];

    private SurfacePairDistances() {}

    /** {@code {predictionToReference, referenceToPrediction}}, spacing from the reference grid. */
    public static double[][] compute(LabelImage prediction, LabelImage reference, int label, int connectivity, DistanceField field) {
        Grid g = reference.grid();
        g.requireSameShape(prediction.grid(), "prediction vs reference");
        if (label < 0) throw new IllegalArgumentException("label must be >= 0, got " + label);
        Neighbourhood nb = Neighbourhood.of(g.dimensions(), connectivity);
        int[] size3 = size3(g);
        LabelScan scan = LabelScan.of(prediction.data(), reference.data(), size3, new int[] {label});
        return compute(prediction.data(), reference.data(), size3, spacing3(g), scan, 0, label, nb, field);
    }

    /** Distances for the label in {@code slot} of {@code scan}. */
    public static double[][] compute(int[] pred, int[] ref, int[] size3, double[] spacing3, LabelScan scan, int slot,
                                     int label, Neighbourhood nb, DistanceField field) {
        Box box = scan.box(slot);
        if (box == null) return new double[][] {NONE, NONE};
        Box crop = box.grow(1, nb.rank(), size3);
        CroppedPair pair = CroppedPair.of(pred, ref, size3, crop, label);
        int[] cs = pair.size3();
        int[] sp = SurfaceVoxels.of(pair.prediction(), cs, nb);
        int[] sr = SurfaceVoxels.of(pair.reference(), cs, nb);
        if (sp.length == 0 || sr.length == 0) {
            // the distance to an empty surface is +infinity (the infimum over an empty set)
            return new double[][] {infinities(sp.length), infinities(sr.length)};
        }
        double[] pToR = field.distancesAt(sr, cs, spacing3, sp);
        double[] rToP = field.distancesAt(sp, cs, spacing3, sr);
        return new double[][] {pToR, rToP};
    }

    private static double[] infinities(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.POSITIVE_INFINITY);
        return d;
    }

    public static int[] size3(Grid g) {
        return new int[] {g.size(0), g.size(1), g.dimensions() == 3 ? g.size(2) : 1};
    }

    public static double[] spacing3(Grid g) {
        return new double[] {g.spacing(0), g.spacing(1), g.dimensions() == 3 ? g.spacing(2) : 1.0};
    }
}
