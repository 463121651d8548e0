package org.regionwise.maps.distance.internal;

/**
 * The one-dimensional kernel of the separable exact distance transform: the lower envelope of parabolas of
 * Felzenszwalb and Huttenlocher, "Distance Transforms of Sampled Functions", Theory of Computing 8 (2012) 415-428,
 * doi:10.4086/toc.2012.v008a019.
 *
 * <p>For a sampled function {@code f} on one line with <b>unit</b> spacing it computes
 * {@code D(p) = min_q ( f(q) + (p - q)^2 )} in time linear in the line length. The metric (anisotropic voxel
 * spacing) is not part of the sweep: the caller divides {@code f} by the squared spacing of the axis before and
 * multiplies the result by it after (see {@link SquaredStore}).
 *
 * <p>Distance-transform specialisation: a voxel with {@code f = 0} (background) is a zero of the function and hides
 * every site beyond it, because {@code (p-r)^2 > (p-q)^2} for any {@code r} behind {@code q}. The line is therefore
 * solved run by run: each maximal run of foreground voxels ({@code f > 0}) together with the background voxel on each
 * side; background voxels are written 0 directly. Sites with {@code f = +inf} (no background seen yet) are skipped;
 * a run with no finite site stays {@code +inf}.
 *
 * <p>Not thread-safe: one instance per worker thread; its scratch arrays grow to the longest line and are reused.
 */
public final class LowerEnvelope {
    private int[] v = new int[16];
    private double[] z = new double[17];
    private double[] h = new double[16];
    private double[] g = new double[16];

    /**
     * Solves one line: {@code out[off + p*stride] = min_q (in[off + q*stride] + (p - q)^2)} for
     * {@code p, q in [0, n)}. {@code in} must hold values {@code >= 0} or {@code +inf}; {@code in} and {@code out}
     * must not overlap. With {@code stride} lanes and {@code off} the lane, this solves one lane of the interleaved
     * blocks of {@link WindowedMinimum}.
     *
     * @param in     the sampled function
     * @param off    index of the line's first voxel, in {@code in} and in {@code out}
     * @param stride index step between neighbouring voxels of the line
     * @param n      voxels on the line
     * @param out    the result
     */
    public void solve(double[] in, int off, int stride, int n, double[] out) {
        ensure(n + 2);
        int p = 0;
        while (p < n) {
            if (!(in[off + p * stride] > 0)) {    // background: a zero of f
                out[off + p * stride] = 0;
                p++;
                continue;
            }
            int a = p;
            while (p < n && in[off + p * stride] > 0) p++;
            int b = p - 1;                          // foreground run [a, b]
            int lo = a > 0 ? a - 1 : a;             // include the bounding zeros as sites
            int hi = b < n - 1 ? b + 1 : b;
            solveRun(in, off, stride, lo, hi, a, b, out);
        }
    }

    /** Envelope of the finite sites in {@code [lo, hi]}, evaluated on {@code [a, b]} (local coordinates from lo). */
    private void solveRun(double[] in, int off, int stride, int lo, int hi, int a, int b, double[] out) {
        final int[] v = this.v;       // abscissae of the envelope's parabolas (local)
        final double[] z = this.z;    // z[j]: left end of parabola j's interval; z[0] = -inf
        final double[] h = this.h;    // h[j] = f(v[j]) + v[j]^2
        final double[] g = this.g;    // g[j] = f(v[j])
        int k = -1;
        for (int q = lo; q <= hi; q++) {
            double f = in[off + q * stride];
            if (f == Double.POSITIVE_INFINITY) continue;
            int x = q - lo;
            double hq = f + (double) x * x;
            if (k < 0) {
                k = 0;
                v[0] = x;
                h[0] = hq;
                g[0] = f;
                z[0] = Double.NEGATIVE_INFINITY;
                continue;
            }
            // intersection with the rightmost parabola; z[0] = -inf stops the loop at k = 0
            double s = (hq - h[k]) / (2.0 * (x - v[k]));
            while (s <= z[k]) {
                k--;
                s = (hq - h[k]) / (2.0 * (x - v[k]));
            }
            k++;
            v[k] = x;
            h[k] = hq;
            g[k] = f;
            z[k] = s;
        }
        if (k < 0) {
            for (int p = a; p <= b; p++) out[off + p * stride] = Double.POSITIVE_INFINITY;
            return;
        }
        z[k + 1] = Double.POSITIVE_INFINITY;      // sentinel: the last parabola extends to +inf
        int j = 0;
        for (int p = a; p <= b; p++) {
            int x = p - lo;
            while (z[j + 1] < x) j++;
            double d = x - v[j];
            out[off + p * stride] = d * d + g[j];
        }
    }

    private void ensure(int n) {
        if (v.length < n) {
            v = new int[n];
            h = new double[n];
            g = new double[n];
            z = new double[n + 1];
        }
    }
}
