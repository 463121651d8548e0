package org.regionwise.tensorflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Synthetic 2D cases for the benchmarks: K-1 nested/overlapping blobs of increasing intensity plus noise. */
final class BenchData implements TrainingData {
    private final List<Sample> training, validation;
    private final int classes;

    BenchData(int cases, int size, int classes, long seed) {
        this.classes = classes;
        Random r = new Random(seed);
        List<Sample> all = new ArrayList<>();
        for (int c = 0; c <= cases; c++) {
            Grid g = Grid.of(new int[] {size, size}, new double[] {1, 1});
            float[] img = new float[size * size];
            int[] lab = new int[size * size];
            for (int k = 1; k < classes; k++) {
                double cx = size * (0.2 + 0.6 * r.nextDouble()), cy = size * (0.2 + 0.6 * r.nextDouble());
                double ra = size * (0.05 + 0.15 * r.nextDouble()), rb = size * (0.05 + 0.15 * r.nextDouble());
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double dx = (x - cx) / ra, dy = (y - cy) / rb;
                        if (dx * dx + dy * dy < 1) lab[x + size * y] = k;
                    }
                }
            }
            for (int i = 0; i < img.length; i++) img[i] = (float) (100 + 40 * lab[i] + 15 * r.nextGaussian());
            all.add(new Sample("bench" + c, new FloatImage(g, img), new LabelImage(g, lab)));
        }
        training = List.copyOf(all.subList(0, cases));
        validation = List.of(all.get(cases));
    }

    @Override public String name() { return "bench-blobs"; }
    @Override public List<String> classNames() {
        List<String> n = new ArrayList<>();
        for (int k = 0; k < classes; k++) n.add("class" + k);
        return n;
    }
    @Override public List<Sample> training() { return training; }
    @Override public List<Sample> validation() { return validation; }

    /** Resident set size of this process in MiB from /proc/self/status (VmRSS), or -1 when unavailable. */
    static double rssMiB() {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
