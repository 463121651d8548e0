package org.regionwise.examples.data;

import java.util.List;
import java.util.Random;
import org.regionwise.core.backend.Sample;
import org.regionwise.examples.data.internal.Blob;
import org.regionwise.examples.data.internal.Canvas;

/**
 * A short-axis cine-MRI-like slice (the paper's ACDC task): a bright left-ventricle (LV) cavity, a darker myocardium
 * ring of random thickness around it, and a bright right-ventricle (RV) crescent wrapped around one side of the
 * myocardium, inside an elliptic thorax. Labels: 0 background, 1 RV, 2 myocardium, 3 LV (the ACDC convention).
 * Sizes scale with the image: at 64 px the LV radius is 4.5–7.5 px and the wall 2–4 px thick.
 */
public final class CardiacPhantom implements Phantom {
    @Override public String name() { return "synthetic-cardiac"; }

    @Override public List<String> classNames() { return List.of("background", "RV", "myocardium", "LV"); }

    @Override public double spacingMm() { return 1.5; }

    @Override public String description() {
        return "Embedded synthetic short-axis cardiac phantom (ACDC-like): random irregular LV cavity (bright), "
                + "myocardium ring (dark, random thickness), RV crescent (bright) on a random side, inside an elliptic "
                + "thorax; additive Gaussian noise, a smooth multiplicative bias field, 5% tissue texture; "
                + "1.5 mm pixels; z-score normalised per image.";
    }

    @Override public Sample generate(String id, Random r, int size) {
        double s = size / 64.0;
        Canvas c = new Canvas(size);
        double mid = size / 2.0;
        Blob thorax = Blob.random(r, mid + s * uniform(r, -2, 2), mid + s * uniform(r, -2, 2),
                s * uniform(r, 24, 30), s * uniform(r, 19, 25), 3, 0.08);
        c.paint(thorax::contains, uniform(r, 0.25, 0.35), -1);
        // a few organ-like distractor blobs in the thorax (no label)
        int distractors = 2 + r.nextInt(3);
        for (int d = 0; d < distractors; d++) {
            double[] p = thorax.pointAt(uniform(r, 0.3, 0.8), uniform(r, 0, 2 * Math.PI));
            Blob b = Blob.random(r, p[0], p[1], s * uniform(r, 2, 5), s * uniform(r, 2, 5), 2, 0.2);
            c.paint(b::contains, uniform(r, 0.1, 0.5), -1);
        }
        double lvR = s * uniform(r, 4.5, 7.5);
        double wall = s * uniform(r, 2, 4);
        double cx = mid + s * uniform(r, -7, 7), cy = mid + s * uniform(r, -6, 6);
        double ecc = uniform(r, 0.85, 1.15);
        Blob lv = Blob.random(r, cx, cy, lvR * ecc, lvR / ecc, 3, 0.12);
        double outerScale = (lvR + wall) / lvR;
        double side = uniform(r, 0, 2 * Math.PI);
        double rvDist = lvR + wall + s * uniform(r, 0.5, 2.5);
        double rvR = s * uniform(r, 6, 10);
        Blob rv = Blob.random(r, cx + rvDist * Math.cos(side), cy + rvDist * Math.sin(side),
                rvR, rvR * uniform(r, 0.5, 0.8), 3, 0.1);
        double blood = uniform(r, 0.85, 1.0);
        c.paint((x, y) -> rv.contains(x, y) && !lv.contains(x, y, outerScale + 0.15), blood * uniform(r, 0.85, 1.0), 1);
        c.paint((x, y) -> lv.contains(x, y, outerScale), uniform(r, 0.4, 0.5), 2);
        c.paint(lv::contains, blood, 3);
        return c.render(id, r, 0.05, 0.25, 0.07, spacingMm());
    }

    static double uniform(Random r, double lo, double hi) { return lo + (hi - lo) * r.nextDouble(); }
}
