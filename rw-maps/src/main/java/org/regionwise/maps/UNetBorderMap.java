package org.regionwise.maps;

import java.util.Arrays;
import java.util.Objects;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.distance.EuclideanDistanceTransform;
import org.regionwise.maps.internal.ConnectedComponents;
import org.regionwise.maps.internal.MapSupport;

/**
 * A pixel-importance RW map built from the U-Net weight map of Ronneberger, Fischer &amp; Brox, "U-Net: Convolutional
 * Networks for Biomedical Image Segmentation", MICCAI 2015, eq. (2):
 *
 * <pre>
 *   w(x) = w_c(x) + w0 * exp( -(d1(x) + d2(x))^2 / (2 sigma^2) )
 * </pre>
 *
 * <ul>
 *   <li>{@code w_c(x) = N / (P * n_c)} for the class {@code c} of voxel x: {@code N} voxels, {@code P} classes present,
 *   {@code n_c} voxels of class c ("balanced" class frequencies: the mean of {@code w_c} over the image is 1).</li>
 *   <li>{@code d1, d2}: Euclidean distances (voxel units, like {@code sigma}) to the nearest and second-nearest
 *   <i>object</i>, an object being a face-connected component of the non-background voxels (label != 0, whatever
 *   the label). As in the paper, whose term separates touching cells, the border term is applied to background
 *   voxels only, and only when the image has at least two objects.</li>
 *   <li>Defaults {@code w0 = 10}, {@code sigma = 5} voxels (the paper's values).</li>
 * </ul>
 *
 * <p><b>As an RW map (sign convention).</b> To keep the stability principle, the weight becomes a reward inside the
 * true class and a constant penalty elsewhere, exactly as the distance does in the {@link RectifiedRegionWiseMap}:
 *
 * <pre>
 *   z_ik = -w(i) / max_j w(j)   if voxel i has label k
 *   z_ik = +1                   otherwise
 * </pre>
 *
 * The maximum is taken over the <b>whole image</b> (not per class, which would cancel {@code w_c}), so the relative
 * importance between classes and of the gaps between objects survives. Since {@code w > 0}, the true class lies in
 * {@code [-1, 0)} and every other class is {@code +1}: strict ordering with margin {@code > 1}, values in
 * {@code [-1, 1]} whatever the image size. An absent class is all {@code +1}; a class covering the image is all
 * {@code -1} (then {@code w} is constant).
 *
 * <p>Cost: one distance transform per object ({@code O(objects * N)}); meant for instance-like images with a
 * moderate number of objects.
 */
public final class UNetBorderMap implements RegionWiseMap {
    private final double w0;
    private final double sigma;
    private final EuclideanDistanceTransform edt;

    /**
     * The U-Net border map {@code w0 exp(-(d1 + d2)^2 / (2 sigma^2))} of Ronneberger et al.
     *
     * @param w0 the border weight, at least 0
     * @param sigma the border width in pixels, above 0
     * @param edt computes the distances
     */
    public UNetBorderMap(double w0, double sigma, EuclideanDistanceTransform edt) {
        if (!(w0 >= 0) || !Double.isFinite(w0)) throw new IllegalArgumentException("U-Net border map: w0 must be finite and >= 0, got " + w0);
        if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("U-Net border map: sigma must be finite and > 0, got " + sigma);
        this.w0 = w0;
        this.sigma = sigma;
        this.edt = Objects.requireNonNull(edt, "edt");
    }

    @Override
    public ClassMaps compute(LabelImage labels, int classes) {
        MapSupport.checkInput(labels, classes, "U-Net border map");
        double[] w = weights(labels, classes);
        double max = 0;
        for (double v : w) max = Math.max(max, v);
        int[] y = labels.data();
        float[][] z = new float[classes][y.length];
        for (int k = 0; k < classes; k++) Arrays.fill(z[k], 1f);
        for (int i = 0; i < y.length; i++) z[y[i]][i] = (float) (-w[i] / max);
        return new ClassMaps(labels.grid(), z);
    }

    /**
     * The U-Net weight map {@code w(x)} itself (before the RW sign convention).
     *
     * @param labels the ground truth
     * @param classes K
     * @return one weight per voxel
     */
    public double[] weights(LabelImage labels, int classes) {
        MapSupport.checkInput(labels, classes, "U-Net border map");
        int[] y = labels.data();
        int n = y.length;
        long[] counts = labels.classCounts(classes);
        int present = 0;
        for (long c : counts) if (c > 0) present++;
        double[] wc = new double[classes];
        for (int k = 0; k < classes; k++) wc[k] = counts[k] == 0 ? 0 : (double) n / ((double) present * counts[k]);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = wc[y[i]];
        if (w0 == 0) return w;

        int[] size = labels.grid().sizes();
        boolean[] objects = new boolean[n];
        for (int i = 0; i < n; i++) objects[i] = y[i] != 0;
        int[] component = ConnectedComponents.label(objects, size);
        int count = ConnectedComponents.count(component);
        if (count < 2) return w;

        double[] ones = new double[size.length];
        Arrays.fill(ones, 1.0);
        float[] d1 = MapSupport.filled(n, Float.POSITIVE_INFINITY);
        float[] d2 = MapSupport.filled(n, Float.POSITIVE_INFINITY);
        boolean[] notObject = new boolean[n];
        for (int c = 1; c <= count; c++) {
            for (int i = 0; i < n; i++) notObject[i] = component[i] != c;
            float[] d = edt.distance(notObject, size, ones);     // distance to object c
            for (int i = 0; i < n; i++) {
                if (y[i] != 0) continue;
                float v = d[i];
                if (v < d1[i]) { d2[i] = d1[i]; d1[i] = v; } else if (v < d2[i]) { d2[i] = v; }
            }
        }
        double twoSigma2 = 2 * sigma * sigma;
        for (int i = 0; i < n; i++) {
            if (y[i] != 0) continue;
            double s = (double) d1[i] + d2[i];
            w[i] += w0 * Math.exp(-s * s / twoSigma2);
        }
        return w;
    }

    /**
     * The border weight.
     *
     * @return {@code w0}
     */
    public double w0() { return w0; }

    /**
     * The border width in pixels.
     *
     * @return {@code sigma}
     */
    public double sigma() { return sigma; }

    @Override public String toString() { return "UNetBorderMap[w0=" + w0 + ", sigma=" + sigma + "]"; }
}
