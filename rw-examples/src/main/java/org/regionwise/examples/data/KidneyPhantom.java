package org.regionwise.examples.data;

import java.util.List;
import java.util.Random;
import org.regionwise.core.backend.Sample;
import org.regionwise.examples.data.internal.Blob;
import org.regionwise.examples.data.internal.Canvas;

/**
 * An axial contrast-CT-like slice (the paper's KiTS19 task): a kidney (irregular ellipse, bright cortex-like
 * intensity) on a random side of an elliptic abdomen, and a small heterogeneous tumour (radius 2–5 px at 64 px)
 * centred near the kidney's rim so that it may bulge out of it. Labels: 0 background, 1 kidney, 2 tumour.
 */
public final class KidneyPhantom implements Phantom {
    @Override public String name() { return "synthetic-kidney"; }

    @Override public List<String> classNames() { return List.of("background", "kidney", "tumour"); }

    @Override public double spacingMm() { return 1.0; }

    @Override public String description() {
        return "Embedded synthetic kidney phantom (KiTS-like): elliptic abdomen with a spine-like bright blob and "
                + "distractor organs, one irregular kidney on a random side, one small tumour near the kidney rim "
                + "(sometimes bulging out), tumour darker than kidney with texture; Gaussian noise, smooth bias field; "
                + "1 mm pixels; z-score normalised per image.";
    }

    @Override public Sample generate(String id, Random r, int size) {
        double s = size / 64.0;
        double mid = size / 2.0;
        Canvas c = new Canvas(size);
        Blob abdomen = Blob.random(r, mid, mid, s * uniform(r, 26, 30), s * uniform(r, 20, 25), 3, 0.06);
        c.paint(abdomen::contains, uniform(r, 0.3, 0.4), -1);
        Blob spine = Blob.random(r, mid + s * uniform(r, -1, 1), mid + s * uniform(r, 9, 13), s * 4, s * 4, 2, 0.1);
        c.paint(spine::contains, 1.0, -1);
        int distractors = 2 + r.nextInt(3);
        for (int d = 0; d < distractors; d++) {
            double[] p = abdomen.pointAt(uniform(r, 0.2, 0.7), uniform(r, Math.PI, 2 * Math.PI));
            Blob b = Blob.random(r, p[0], p[1], s * uniform(r, 3, 7), s * uniform(r, 3, 6), 2, 0.2);
            c.paint(b::contains, uniform(r, 0.45, 0.8), -1);
        }
        double sideSign = r.nextBoolean() ? 1 : -1;
        double kx = mid + sideSign * s * uniform(r, 10, 15), ky = mid + s * uniform(r, 0, 6);
        Blob kidney = Blob.random(r, kx, ky, s * uniform(r, 8, 11), s * uniform(r, 4.5, 6.5), 3, 0.15);
        double kidneyI = uniform(r, 0.75, 0.9);
        c.paint(kidney::contains, kidneyI, 1);
        double[] p = kidney.pointAt(uniform(r, 0.5, 1.0), uniform(r, 0, 2 * Math.PI));
        double tr = s * uniform(r, 2, 5);
        Blob tumour = Blob.random(r, p[0], p[1], tr, tr * uniform(r, 0.75, 1.0), 2, 0.15);
        c.paint(tumour::contains, kidneyI * uniform(r, 0.55, 0.75), 2);
        return c.render(id, r, 0.08, 0.2, 0.06, spacingMm());
    }

    private static double uniform(Random r, double lo, double hi) { return CardiacPhantom.uniform(r, lo, hi); }
}
