package org.regionwise.examples.data.internal;

/** Intensity normalisations applied to every image before training and prediction. */
public final class Intensities {
    private Intensities() {}

    /** In place: {@code v = (v - mean) / std} over all values; a constant image becomes all zeros. */
    public static void zScore(float[] v) {
        double[] ms = meanStd(v, null);
        apply(v, ms[0], ms[1]);
    }

    /** {@code {mean, std}} over the values where {@code mask} is true (all values when {@code mask} is null). */
    public static double[] meanStd(float[] v, boolean[] mask) {
        double sum = 0, sq = 0;
        long n = 0;
        for (int i = 0; i < v.length; i++) {
            if (mask != null && !mask[i]) continue;
            sum += v[i];
            n++;
        }
        if (n == 0) return new double[] {0, 1};
        double mean = sum / n;
        for (int i = 0; i < v.length; i++) {
            if (mask != null && !mask[i]) continue;
            double d = v[i] - mean;
            sq += d * d;
        }
        double std = Math.sqrt(sq / n);
        return new double[] {mean, std};
    }

    /** In place: {@code v = (v - mean) / std}; a zero or non-finite std only subtracts the mean. */
    public static void apply(float[] v, double mean, double std) {
        double s = std > 1e-12 && Double.isFinite(std) ? std : 1;
        for (int i = 0; i < v.length; i++) v[i] = (float) ((v[i] - mean) / s);
    }

    /** In place: clamps every value to {@code [lo, hi]}. */
    public static void clip(float[] v, double lo, double hi) {
        for (int i = 0; i < v.length; i++) v[i] = (float) Math.max(lo, Math.min(hi, v[i]));
    }
}
