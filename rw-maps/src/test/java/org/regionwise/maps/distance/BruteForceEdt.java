package org.regionwise.maps.distance;

/** Oracle: for every foreground voxel, the minimum over all background voxels of the weighted squared distance. */
public final class BruteForceEdt {
    private BruteForceEdt() {}

    public static double[] squared(boolean[] mask, int[] size, double[] spacing) {
        int n = mask.length, d = size.length;
        int[][] coords = new int[n][d];
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int a = 0; a < d; a++) {
                coords[i][a] = rest % size[a];
                rest /= size[a];
            }
        }
        int[] background = new int[n];
        int nb = 0;
        for (int i = 0; i < n; i++) if (!mask[i]) background[nb++] = i;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (!mask[i]) continue;
            double best = Double.POSITIVE_INFINITY;
            for (int b = 0; b < nb; b++) {
                int[] q = coords[background[b]];
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double t = (coords[i][a] - q[a]) * spacing[a];
                    s += t * t;
                }
                if (s < best) best = s;
            }
            out[i] = best;
        }
        return out;
    }
}
