package org.regionwise.examples.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regionwise.core.image.LabelImage;
import org.regionwise.examples.experiment.Scoring;

/**
 * Test oracle: Dice by counting, 2D Hausdorff by comparing every pair of surface pixels (pixels of the class with
 * a 4-neighbour outside the class; border pixels count as surface, as medpy erodes with a background border),
 * and instability as the number of drops of the curve by more than 0.05.
 */
public final class BruteForceScoring implements Scoring {
    @Override public double dice(LabelImage prediction, LabelImage truth, int label) { return diceOf(prediction, truth, label); }

    public static double diceOf(LabelImage p, LabelImage t, int label) {
        long a = 0, b = 0, both = 0;
        for (int i = 0; i < p.data().length; i++) {
            boolean x = p.get(i) == label, y = t.get(i) == label;
            if (x) a++;
            if (y) b++;
            if (x && y) both++;
        }
        return a + b == 0 ? Double.NaN : 2.0 * both / (a + b);
    }

    @Override public double hausdorffMm(LabelImage prediction, LabelImage truth, int label) {
        List<double[]> a = surface(prediction, label), b = surface(truth, label);
        if (a.isEmpty() || b.isEmpty()) return Double.NaN;
        return Math.max(directed(a, b), directed(b, a));
    }

    private static double directed(List<double[]> a, List<double[]> b) {
        double worst = 0;
        for (double[] p : a) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] q : b) best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
            worst = Math.max(worst, best);
        }
        return worst;
    }

    private static List<double[]> surface(LabelImage l, int label) {
        int nx = l.grid().size(0), ny = l.grid().size(1);
        double sx = l.grid().spacing(0), sy = l.grid().spacing(1);
        List<double[]> out = new ArrayList<>();
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                if (l.get(x, y) != label) continue;
                boolean edge = x == 0 || y == 0 || x == nx - 1 || y == ny - 1
                        || l.get(x - 1, y) != label || l.get(x + 1, y) != label || l.get(x, y - 1) != label || l.get(x, y + 1) != label;
                if (edge) out.add(new double[] {x * sx, y * sy});
            }
        }
        return out;
    }

    @Override public Map<String, Double> instability(double[] curve) {
        int drops = 0;
        for (int i = 1; i < curve.length; i++) if (curve[i - 1] - curve[i] > 0.05) drops++;
        return Map.of("drops", (double) drops);
    }
}
