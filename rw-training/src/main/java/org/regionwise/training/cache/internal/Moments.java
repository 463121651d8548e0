package org.regionwise.training.cache.internal;

/**
 * The z-score statistics every training path uses, from sums accumulated in double: {@code mean = Σx / n},
 * {@code std = sqrt(max(0, Σx² / n − mean²))}, and 1 when that variance is at most 1e-12 (a constant image). One rule
 * for the in-memory z-score, the case file's per-slice statistics and the mapped 3D volumes, so that all give
 * bit-identical intensities.
 */
public final class Moments {
    private Moments() {}

    /**
     * The mean.
     *
     * @param sum Σx
     * @param n the voxel count
     * @return Σx / n
     */
    public static double mean(double sum, long n) { return sum / n; }

    /**
     * The standard deviation, 1 for a (near-)constant image.
     *
     * @param sum Σx
     * @param sq Σx²
     * @param n the voxel count
     * @return the standard deviation
     */
    public static double std(double sum, double sq, long n) {
        double m = sum / n;
        double var = Math.max(0, sq / n - m * m);
        return var > 1e-12 ? Math.sqrt(var) : 1;
    }
}
