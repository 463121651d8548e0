package org.regionwise.examples.data;

import java.util.List;
import java.util.Random;
import org.regionwise.core.backend.Sample;
import org.regionwise.examples.data.internal.Blob;
import org.regionwise.examples.data.internal.Canvas;

/**
 * An axial FLAIR-like brain slice with small scattered hyperintense lesions (white-matter-lesion / small-tumour
 * tasks): an elliptic brain with dark ventricles, and 1 to 6 small lesions (radius 1–3.5 px at 64 px) at random
 * positions in the brain; about a quarter of the cases also get one bright unlabelled distractor. Labels: 0
 * background, 1 lesion. The foreground is about 1% of the pixels: the most imbalanced task.
 */
public final class LesionPhantom implements Phantom {
    @Override public String name() { return "synthetic-lesions"; }

    @Override public List<String> classNames() { return List.of("background", "lesion"); }

    @Override public double spacingMm() { return 1.0; }

    @Override public String description() {
        return "Embedded synthetic lesion phantom (FLAIR-like): elliptic brain with dark ventricles, 1-6 small bright "
                + "lesions at random positions (radius 1-3.5 px at 64 px), occasionally a bright unlabelled distractor "
                + "on the skull; Gaussian noise, smooth bias field; 1 mm pixels; z-score normalised per image.";
    }

    @Override public Sample generate(String id, Random r, int size) {
        double s = size / 64.0;
        double mid = size / 2.0;
        Canvas c = new Canvas(size);
        Blob skull = Blob.random(r, mid, mid, s * uniform(r, 26, 29), s * uniform(r, 22, 26), 2, 0.04);
        c.paint(skull::contains, 0.8, -1);
        c.paint((x, y) -> skull.contains(x, y, 0.9), uniform(r, 0.45, 0.55), -1);
        Blob ventricles = Blob.random(r, mid + s * uniform(r, -2, 2), mid + s * uniform(r, -2, 2),
                s * uniform(r, 3, 6), s * uniform(r, 6, 10), 3, 0.25);
        c.paint(ventricles::contains, uniform(r, 0.15, 0.25), -1);
        int lesions = 1 + r.nextInt(6);
        for (int l = 0; l < lesions; l++) {
            double[] p = skull.pointAt(uniform(r, 0.1, 0.75), uniform(r, 0, 2 * Math.PI));
            double lr = s * uniform(r, 1.0, 3.5);
            Blob lesion = Blob.random(r, p[0], p[1], lr, lr * uniform(r, 0.6, 1.0), 2, 0.2);
            c.paint(lesion::contains, uniform(r, 0.8, 1.0), 1);
        }
        if (r.nextInt(4) == 0) {
            double[] p = skull.pointAt(0.95, uniform(r, 0, 2 * Math.PI));
            Blob d = Blob.random(r, p[0], p[1], s * 2, s * 2, 2, 0.1);
            c.paint((x, y) -> d.contains(x, y) && c.labelAt(clamp(x, size), clamp(y, size)) == 0, 0.95, -1);
        }
        return c.render(id, r, 0.05, 0.25, 0.07, spacingMm());
    }

    private static int clamp(double v, int size) { return Math.max(0, Math.min(size - 1, (int) v)); }

    private static double uniform(Random r, double lo, double hi) { return CardiacPhantom.uniform(r, lo, hi); }
}
