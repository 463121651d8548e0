package org.regionwise.maps;

import java.util.Random;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Label images for the map tests. */
final class TestLabels {
    private TestLabels() {}

    /** 7x7, class 1 = the centre 3x3 square (x, y in 2..4), background elsewhere. */
    static LabelImage square7() {
        int[] y = new int[49];
        for (int j = 2; j <= 4; j++) for (int i = 2; i <= 4; i++) y[i + 7 * j] = 1;
        return new LabelImage(Grid.of2D(7, 7), y);
    }

    /** Random blobs of labels 1..classes-1 on background, on a random 2D or 3D grid with anisotropic spacing. */
    static LabelImage randomBlobs(long seed, int classes, boolean threeD) {
        Random r = new Random(seed);
        int[] size = threeD ? new int[] {6 + r.nextInt(14), 6 + r.nextInt(14), 3 + r.nextInt(10)}
                : new int[] {8 + r.nextInt(40), 8 + r.nextInt(40)};
        double[] spacing = new double[size.length];
        for (int a = 0; a < size.length; a++) spacing[a] = 0.3 + 2.5 * r.nextDouble();
        Grid g = Grid.of(size, spacing);
        int n = g.voxelCount();
        int[] y = new int[n];
        int blobs = 1 + r.nextInt(6);
        for (int b = 0; b < blobs; b++) {
            int label = 1 + r.nextInt(Math.max(1, classes - 1));
            if (classes == 1) label = 0;
            int[] c = new int[size.length];
            for (int a = 0; a < size.length; a++) c[a] = r.nextInt(size[a]);
            double rad = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                int rest = i;
                double s = 0;
                for (int a = 0; a < size.length; a++) {
                    double t = rest % size[a] - c[a];
                    rest /= size[a];
                    s += t * t;
                }
                if (s <= rad * rad) y[i] = label;
            }
        }
        return new LabelImage(g, y);
    }
}
