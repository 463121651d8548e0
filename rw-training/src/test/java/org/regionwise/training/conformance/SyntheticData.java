package org.regionwise.training.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.Maps;

/** A trivially learnable task: bright noisy disks (class 1, and a brighter core as class 2 when K = 3) on a dark background. */
public final class SyntheticData implements TrainingData {
    private final List<Sample> training, validation;
    private final int classes;

    private SyntheticData(List<Sample> training, List<Sample> validation, int classes) {
        this.training = List.copyOf(training);
        this.validation = List.copyOf(validation);
        this.classes = classes;
    }

    /**
     * {@code n} training volumes and one validation volume of {@code size}³ voxels of {@code spacing} (mm), each with
     * a bright ellipsoid (a sphere in mm) as class 1 and, for K > 2, its inner half as class 2.
     */
    public static SyntheticData volumes(int n, int size, int classes, long seed, double... spacing) {
        Random r = new Random(seed);
        List<Sample> all = new ArrayList<>();
        for (int c = 0; c < n + 1; c++) all.add(sphere("case" + c, size, size, size, spacing, classes, r));
        return new SyntheticData(all.subList(0, n), all.subList(n, n + 1), classes);
    }

    /** One volume of {@link #volumes}. */
    public static Sample sphere(String id, int nx, int ny, int nz, double[] spacing, int classes, Random r) {
        Grid g = Grid.of(new int[] {nx, ny, nz}, spacing.clone());
        float[] img = new float[g.voxelCount()];
        int[] lab = new int[g.voxelCount()];
        double cx = nx * (0.35 + 0.3 * r.nextDouble()), cy = ny * (0.35 + 0.3 * r.nextDouble()), cz = nz * (0.35 + 0.3 * r.nextDouble());
        double ext = Math.min(nx * spacing[0], Math.min(ny * spacing[1], nz * spacing[2]));
        double rad = ext * (0.15 + 0.1 * r.nextDouble());
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double d = Math.sqrt(sq((x - cx) * spacing[0]) + sq((y - cy) * spacing[1]) + sq((z - cz) * spacing[2]));
                    int l = d < rad ? 1 : 0;
                    if (classes > 2 && d < rad / 2) l = 2;
                    int i = x + nx * (y + ny * z);
                    lab[i] = l;
                    img[i] = (float) (100 + 50 * l + 10 * r.nextGaussian());
                }
            }
        }
        return new Sample(id, new FloatImage(g, img), new LabelImage(g, lab));
    }

    private static double sq(double v) { return v * v; }

    public SyntheticData(int n, int size, int classes, long seed) {
        Random r = new Random(seed);
        this.classes = classes;
        List<Sample> all = new ArrayList<>();
        for (int c = 0; c < n + 1; c++) all.add(disk("case" + c, size, size, classes, r));
        this.training = List.copyOf(all.subList(0, n));
        this.validation = List.of(all.get(n));
    }

    public static Sample disk(String id, int nx, int ny, int classes, Random r) {
        Grid g = Grid.of(new int[] {nx, ny}, new double[] {1.0, 1.2});
        float[] img = new float[nx * ny];
        int[] lab = new int[nx * ny];
        double cx = nx * (0.3 + 0.4 * r.nextDouble()), cy = ny * (0.3 + 0.4 * r.nextDouble());
        double rad = Math.min(nx, ny) * (0.15 + 0.1 * r.nextDouble());
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double d = Math.hypot(x - cx, y - cy);
                int l = d < rad ? 1 : 0;
                if (classes > 2 && d < rad / 2) l = 2;
                lab[x + nx * y] = l;
                img[x + nx * y] = (float) (100 + 50 * l + 10 * r.nextGaussian());
            }
        }
        return new Sample(id, new FloatImage(g, img), new LabelImage(g, lab));
    }

    @Override public String name() { return "synthetic-disks"; }
    @Override public List<String> classNames() {
        return classes == 2 ? List.of("background", "disk") : List.of("background", "disk", "core");
    }
    @Override public List<Sample> training() { return training; }
    @Override public List<Sample> validation() { return validation; }

    /** A brute-force rectified RW map (test oracle until rw-maps is merged): -d/max d inside class k, +1 outside. */
    static MapSpec bruteForceRectified() {
        return Maps.custom("rrw-bruteforce", SyntheticData::rectified);
    }

    public static ClassMaps rectified(LabelImage labels, int classes) {
        Grid g = labels.grid();
        int nx = g.size(0), ny = g.size(1);
        int[] y = labels.data();
        float[][] z = new float[classes][y.length];
        for (int k = 0; k < classes; k++) {
            double[] d = new double[y.length];
            double max = 0;
            boolean any = false;
            for (int i = 0; i < y.length; i++) {
                if (y[i] != k) continue;
                any = true;
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < y.length; j++) {
                    if (y[j] == k) continue;
                    double dx = (i % nx) - (j % nx), dy = (i / nx) - (j / nx);
                    best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
                }
                d[i] = Double.isInfinite(best) ? Math.max(nx, ny) : best;
                max = Math.max(max, d[i]);
            }
            for (int i = 0; i < y.length; i++) z[k][i] = !any || y[i] != k ? 1f : (float) (-d[i] / max);
        }
        return new ClassMaps(g, z);
    }
}
