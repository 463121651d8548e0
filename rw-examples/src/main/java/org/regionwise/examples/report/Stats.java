package org.regionwise.examples.report;

/**
 * NaN-aware summary statistics: NaN values are skipped (as {@code numpy.nanmean}); the standard deviation is the
 * sample standard deviation ({@code n - 1} in the denominator), NaN for fewer than two values.
 *
 * @param mean  mean of the finite values, NaN when there are none
 * @param std   sample standard deviation, NaN when fewer than two values
 * @param count number of non-NaN values
 * @param nans  number of NaN values skipped
 */
public record Stats(double mean, double std, int count, int nans) {

    /**
     * The statistics of {@code values}, NaN values skipped.
     *
     * @param values the values
     * @return the statistics
     */
    public static Stats of(double[] values) {
        double s = 0;
        int n = 0, nan = 0;
        for (double v : values) {
            if (Double.isNaN(v)) { nan++; continue; }
            s += v;
            n++;
        }
        if (n == 0) return new Stats(Double.NaN, Double.NaN, 0, nan);
        double m = s / n;
        if (n < 2) return new Stats(m, Double.NaN, n, nan);
        double q = 0;
        for (double v : values) {
            if (Double.isNaN(v)) continue;
            q += (v - m) * (v - m);
        }
        return new Stats(m, Math.sqrt(q / (n - 1)), n, nan);
    }

    /**
     * The statistics of {@code values}, NaN values skipped.
     *
     * @param values the values
     * @return the statistics
     */
    public static Stats of(java.util.List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
