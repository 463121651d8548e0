package org.regionwise.metrics.internal;

/**
 * Percentiles by selection (expected linear time), with NumPy's default {@code method='linear'}: the virtual index is
 * {@code h = (n - 1) p / 100}, and the value is interpolated between the order statistics {@code floor(h)} and
 * {@code floor(h) + 1} exactly as {@code numpy.lib.function_base._lerp} does.
 */
public final class Selection {
    private Selection() {}

    /**
     * The {@code p}-th percentile of {@code values[0..n)}, reordering that range in place.
     *
     * @param p in [0, 100]
     * @return NaN when {@code n == 0}
     */
    public static double percentile(double[] values, int n, double p) {
        if (n == 0) return Double.NaN;
        double h = (n - 1) * (p / 100.0);
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) return select(values, n, n - 1);
        double gamma = h - lo;
        double a = select(values, n, lo);
        if (gamma == 0) return a;
        // the (lo+1)-th order statistic is the minimum of the part right of lo after selection
        double b = Double.POSITIVE_INFINITY;
        for (int i = lo + 1; i < n; i++) if (values[i] < b) b = values[i];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /** The {@code k}-th smallest (0-based) of {@code values[0..n)}; afterwards smaller ones lie left, larger right. */
    public static double select(double[] v, int n, int k) {
        int left = 0;
        int right = n - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            // median of three as pivot
            if (v[mid] < v[left]) swap(v, mid, left);
            if (v[right] < v[left]) swap(v, right, left);
            if (v[right] < v[mid]) swap(v, right, mid);
            double pivot = v[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (v[i] < pivot) i++;
                while (v[j] > pivot) j--;
                if (i <= j) {
                    swap(v, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return v[k];
        }
        return v[k];
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}
