package org.regionwise.metrics.internal;

import java.util.stream.IntStream;

/**
 * Exact nearest-site distances with a k-d tree over the site voxels (coordinates in mm): build {@code O(n log n)},
 * each query about {@code O(log n)}. Cheaper than a dense transform when the sites (surface voxels, ~N² for an N³
 * object) are few compared with the voxels of the crop. Queries run in parallel on the common fork-join pool.
 */
public final class KdTreeDistanceField implements DistanceField {
    private static final int LEAF = 8;

    @Override
    public double[] distancesAt(int[] sites, int[] size3, double[] spacing3, int[] queries) {
        Tree t = new Tree(sites, size3, spacing3);
        double[] out = new double[queries.length];
        int nx = size3[0];
        int ny = size3[1];
        int chunks = Math.max(1, Math.min(queries.length / 2048, 4 * Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) queries.length * c / chunks);
            int to = (int) ((long) queries.length * (c + 1) / chunks);
            for (int i = from; i < to; i++) {
                int q = queries[i];
                double x = (q % nx) * spacing3[0];
                double y = ((q / nx) % ny) * spacing3[1];
                double z = (q / (nx * ny)) * spacing3[2];
                out[i] = Math.sqrt(t.nearestSquared(x, y, z));
            }
        });
        return out;
    }

    /**
     * An implicit balanced tree over interleaved coordinates {@code pts[3i..3i+2]}: node [lo, hi) splits at
     * mid = (lo + hi) / 2 on axis[mid]; buckets of at most {@link #LEAF} points are scanned linearly.
     */
    private static final class Tree {
        final double[] pts;
        final byte[] axis;
        final int n;

        Tree(int[] sites, int[] size3, double[] spacing3) {
            n = sites.length;
            pts = new double[3 * n];
            axis = new byte[n];
            int nx = size3[0];
            int ny = size3[1];
            for (int i = 0; i < n; i++) {
                int s = sites[i];
                pts[3 * i] = (s % nx) * spacing3[0];
                pts[3 * i + 1] = ((s / nx) % ny) * spacing3[1];
                pts[3 * i + 2] = (s / (nx * ny)) * spacing3[2];
            }
            build(0, n);
        }

        private void build(int lo, int hi) {
            if (hi - lo <= LEAF) return;
            int a = widestAxis(lo, hi);
            int mid = (lo + hi) >>> 1;
            select(a, lo, hi - 1, mid);
            axis[mid] = (byte) a;
            build(lo, mid);
            build(mid + 1, hi);
        }

        private int widestAxis(int lo, int hi) {
            double best = -1;
            int a = 0;
            for (int k = 0; k < 3; k++) {
                double mn = Double.POSITIVE_INFINITY;
                double mx = Double.NEGATIVE_INFINITY;
                for (int i = lo; i < hi; i++) {
                    double c = pts[3 * i + k];
                    if (c < mn) mn = c;
                    if (c > mx) mx = c;
                }
                if (mx - mn > best) {
                    best = mx - mn;
                    a = k;
                }
            }
            return a;
        }

        /** Quickselect on coordinate {@code a} over points [left..right] so that point k holds its order statistic. */
        private void select(int a, int left, int right, int k) {
            double[] p = pts;
            while (right > left) {
                int mid = (left + right) >>> 1;
                if (p[3 * mid + a] < p[3 * left + a]) swap(mid, left);
                if (p[3 * right + a] < p[3 * left + a]) swap(right, left);
                if (p[3 * right + a] < p[3 * mid + a]) swap(right, mid);
                double pivot = p[3 * mid + a];
                int i = left;
                int j = right;
                while (i <= j) {
                    while (p[3 * i + a] < pivot) i++;
                    while (p[3 * j + a] > pivot) j--;
                    if (i <= j) {
                        swap(i, j);
                        i++;
                        j--;
                    }
                }
                if (k <= j) right = j;
                else if (k >= i) left = i;
                else return;
            }
        }

        private void swap(int i, int j) {
            for (int k = 0; k < 3; k++) {
                double t = pts[3 * i + k];
                pts[3 * i + k] = pts[3 * j + k];
                pts[3 * j + k] = t;
            }
        }

        double nearestSquared(double x, double y, double z) {
            return search(0, n, x, y, z, Double.POSITIVE_INFINITY);
        }

        private double search(int lo, int hi, double x, double y, double z, double best) {
            double[] p = pts;
            if (hi - lo <= LEAF) {
                for (int i = lo; i < hi; i++) {
                    double dx = p[3 * i] - x;
                    double dy = p[3 * i + 1] - y;
                    double dz = p[3 * i + 2] - z;
                    double d = dx * dx + dy * dy + dz * dz;
                    if (d < best) best = d;
                }
                return best;
            }
            int mid = (lo + hi) >>> 1;
            double dx = p[3 * mid] - x;
            double dy = p[3 * mid + 1] - y;
            double dz = p[3 * mid + 2] - z;
            double d = dx * dx + dy * dy + dz * dz;
            if (d < best) best = d;
            int a = axis[mid];
            double diff = (a == 0 ? x : a == 1 ? y : z) - p[3 * mid + a];
            if (diff < 0) {
                best = search(lo, mid, x, y, z, best);
                if (diff * diff < best) best = search(mid + 1, hi, x, y, z, best);
            } else {
                best = search(mid + 1, hi, x, y, z, best);
                if (diff * diff < best) best = search(lo, mid, x, y, z, best);
            }
            return best;
        }
    }
}
