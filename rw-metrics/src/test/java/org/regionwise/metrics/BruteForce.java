package org.regionwise.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * Test oracle written from the definitions, independently of the production code: erosion with the structuring
 * element of the connectivity (outside the image is background), surface = mask and not eroded, all-pairs
 * distances, percentiles by full sort.
 */
public final class BruteForce {
    private BruteForce() {}

    /** Coordinates {x, y, z} of the surface voxels of {@code label}, in flat-index order. */
    static List<int[]> surface(LabelImage img, int label, int connectivity) {
        Grid g = img.grid();
        int rank = g.dimensions();
        int nx = g.size(0);
        int ny = g.size(1);
        int nz = rank == 3 ? g.size(2) : 1;
        List<int[]> out = new ArrayList<>();
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    if (img.data()[x + nx * (y + ny * z)] != label) continue;
                    boolean eroded = true; // stays in the erosion
                    for (int dz = rank == 3 ? -1 : 0; dz <= (rank == 3 ? 1 : 0) && eroded; dz++) {
                        for (int dy = -1; dy <= 1 && eroded; dy++) {
                            for (int dx = -1; dx <= 1 && eroded; dx++) {
                                int nonZero = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                                if (nonZero == 0 || nonZero > connectivity) continue;
                                int xx = x + dx;
                                int yy = y + dy;
                                int zz = z + dz;
                                boolean inside = xx >= 0 && xx < nx && yy >= 0 && yy < ny && zz >= 0 && zz < nz;
                                if (!inside || img.data()[xx + nx * (yy + ny * zz)] != label) eroded = false;
                            }
                        }
                    }
                    if (!eroded) out.add(new int[] {x, y, z});
                }
            }
        }
        return out;
    }

    /** For each voxel of {@code from}, the smallest distance (mm) to a voxel of {@code to}. */
    static double[] directed(List<int[]> from, List<int[]> to, double[] spacing) {
        double sx = spacing[0];
        double sy = spacing[1];
        double sz = spacing.length == 3 ? spacing[2] : 1;
        double[] d = new double[from.size()];
        for (int i = 0; i < from.size(); i++) {
            int[] p = from.get(i);
            double best = Double.POSITIVE_INFINITY;
            for (int[] q : to) {
                double a = (p[0] - q[0]) * sx;
                double b = (p[1] - q[1]) * sy;
                double c = (p[2] - q[2]) * sz;
                best = Math.min(best, a * a + b * b + c * c);
            }
            d[i] = Math.sqrt(best);
        }
        return d;
    }

    /** numpy.percentile(v, p) with the default linear method, by full sort. */
    public static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (s[hi] - s[lo]) * (h - lo);
    }

    static double max(double[] v) { return Arrays.stream(v).max().orElse(Double.NaN); }

    static double mean(double[] v) { return Arrays.stream(v).average().orElse(Double.NaN); }

    static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * Random labels 0..classes on {@code g}: a few random boxes/balls per class plus salt noise, so that masks have
     * holes, several components and touch the border sometimes.
     */
    static LabelImage randomLabels(Grid g, int classes, Random rnd, double noise) {
        int rank = g.dimensions();
        int nx = g.size(0);
        int ny = g.size(1);
        int nz = rank == 3 ? g.size(2) : 1;
        int[] d = new int[g.voxelCount()];
        for (int k = 1; k <= classes; k++) {
            int blobs = 1 + rnd.nextInt(3);
            for (int b = 0; b < blobs; b++) {
                int cx = rnd.nextInt(nx);
                int cy = rnd.nextInt(ny);
                int cz = rnd.nextInt(nz);
                int r = 1 + rnd.nextInt(Math.max(1, Math.min(nx, ny) / 3));
                for (int z = 0; z < nz; z++) {
                    for (int y = 0; y < ny; y++) {
                        for (int x = 0; x < nx; x++) {
                            int dx = x - cx;
                            int dy = y - cy;
                            int dz = rank == 3 ? z - cz : 0;
                            if (dx * dx + dy * dy + dz * dz <= r * r) d[x + nx * (y + ny * z)] = k;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < d.length; i++) if (rnd.nextDouble() < noise) d[i] = rnd.nextInt(classes + 1);
        return new LabelImage(g, d);
    }
}
