package org.regionwise.maps.distance.internal;

/**
 * The same one-dimensional minimum as {@link LowerEnvelope}, {@code D(p) = min_q ( f(q) + (p - q)^2 )} (unit
 * spacing), computed for a block of {@code lanes} parallel lines at once by widening a window around each voxel.
 *
 * <p>Layout: the block is interleaved, voxel {@code t} of lane {@code j} at {@code buf[t * lanes + j]}, so that one
 * step of the window is a branch-free loop over the lanes that the JIT compiles to vector instructions.
 *
 * <p>Exactness: start from {@code D = f(p)} and visit the sites at offsets {@code r = 1, 2, ...} on both sides while
 * {@code r^2 < max_lanes D}. Any site farther away adds at least {@code r^2 >= D} to a value {@code >= 0}, so it
 * cannot lower any lane's minimum: the result is the exact minimum of the same sums the envelope evaluates. The
 * number of steps for a voxel is about its distance to the nearest background in the dimensions seen so far, small
 * for the thin structures of segmentation labels (2.6 voxels on average for the random blobs of the benchmark), large
 * inside big ones. A voxel needing more than {@code maxSteps} steps makes {@link #solve} give up and the caller uses
 * the linear-time envelope for the block instead, so large structures cost at most a bounded amount more.
 *
 * <p>Not thread-safe: one instance per worker thread.
 */
public final class WindowedMinimum {
    private final int lanes;
    private final int maxSteps;
    private final double[] d;

    /**
     * A kernel for blocks of {@code lanes} lines.
     *
     * @param lanes    lines per block, {@code >= 1}
     * @param maxSteps the largest window half-width tried before giving up, {@code >= 1}
     */
    public WindowedMinimum(int lanes, int maxSteps) {
        if (lanes < 1 || maxSteps < 1) {
            throw new IllegalArgumentException("lanes and maxSteps must be >= 1, got " + lanes + ", " + maxSteps);
        }
        this.lanes = lanes;
        this.maxSteps = maxSteps;
        this.d = new double[lanes];
    }

    /**
     * Solves a block: {@code out[t*lanes + j] = min_q (in[q*lanes + j] + (t - q)^2)} for {@code t, q in [0, n)}.
     * {@code in} must hold values {@code >= 0} or {@code +inf} and not overlap {@code out}.
     *
     * @param in  the block, interleaved, {@code n * lanes} values
     * @param n   voxels per line
     * @param out the result, interleaved; partly written when this returns false
     * @return false when some voxel needs more than {@code maxSteps} steps (the block was not solved)
     */
    public boolean solve(double[] in, int n, double[] out) {
        final int lanes = this.lanes;
        final double[] d = this.d;
        for (int t = 0; t < n; t++) {
            int row = t * lanes;
            double largest = 0;
            for (int j = 0; j < lanes; j++) {
                double v = in[row + j];
                d[j] = v;
                largest = Math.max(largest, v);
            }
            for (int r = 1; (double) r * r < largest; r++) {
                if (r > maxSteps) return false;
                boolean left = t - r >= 0, right = t + r < n;
                if (!left && !right) break;           // the whole line seen: what is left is +inf
                double r2 = (double) r * r;
                if (left) {
                    int o = row - r * lanes;
                    for (int j = 0; j < lanes; j++) d[j] = Math.min(d[j], in[o + j] + r2);
                }
                if (right) {
                    int o = row + r * lanes;
                    for (int j = 0; j < lanes; j++) d[j] = Math.min(d[j], in[o + j] + r2);
                }
                largest = 0;
                for (int j = 0; j < lanes; j++) largest = Math.max(largest, d[j]);
            }
            System.arraycopy(d, 0, out, row, lanes);
        }
        return true;
    }
}
