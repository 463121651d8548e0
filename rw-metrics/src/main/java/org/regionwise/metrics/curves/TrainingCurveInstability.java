package org.regionwise.metrics.curves;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Instability measures of training curves (our own definitions; the paper's formula is not public).
 *
 * <p><b>Drop episode.</b> In a curve {@code c_0..c_{n-1}} a drop episode is a maximal run of steps
 * {@code c_i >= c_{i+1} >= ... >= c_j} that contains at least one strict decrease; its depth is {@code c_i - c_j}.
 * It is counted when its depth is strictly greater than the threshold, so a slow decline that is deeper in total than
 * the threshold counts once, and noise of less than the threshold does not count. Typical threshold for Dice: 0.05.
 */
public final class TrainingCurveInstability {
    private TrainingCurveInstability() {}

    /**
     * Instability of one curve.
     *
     * @param curve         at least one finite value per evaluation, e.g. validation Dice per epoch
     * @param dropThreshold depth a drop must exceed to be counted, finite and >= 0
     * @return the instability measures
     */
    public static Instability of(double[] curve, double dropThreshold) {
        requireCurve(curve, "curve");
        if (!(dropThreshold >= 0) || Double.isInfinite(dropThreshold)) {
            throw new IllegalArgumentException("drop threshold must be finite and >= 0, got " + dropThreshold);
        }
        int n = curve.length;
        int drops = 0;
        double maxDepth = 0;
        double totalDepth = 0;
        double tv = 0;
        double best = curve[0];
        double drawdown = 0;
        int t = 0;
        while (t < n - 1) {
            if (curve[t + 1] < curve[t]) {
                int start = t;
                while (t < n - 1 && curve[t + 1] <= curve[t]) t++;
                double depth = curve[start] - curve[t];
                maxDepth = Math.max(maxDepth, depth);
                if (depth > dropThreshold) {
                    drops++;
                    totalDepth += depth;
                }
            } else {
                t++;
            }
        }
        for (int i = 1; i < n; i++) {
            tv += Math.abs(curve[i] - curve[i - 1]);
            best = Math.max(best, curve[i]);
            drawdown = Math.max(drawdown, best - curve[i]);
        }
        return new Instability(n, dropThreshold, drops, maxDepth, totalDepth, drawdown, tv, n > 1 ? tv / (n - 1) : 0);
    }

    /**
     * Spread across runs over the last {@code lastEpochs} evaluations. Standard deviations are sample (n - 1)
     * standard deviations (Commons Math {@link StandardDeviation}).
     *
     * @param curves     one curve per run (at least 2), all of the same length
     * @param lastEpochs N, 1 to the curve length
     * @return the spread
     */
    public static RunSpread acrossRuns(double[][] curves, int lastEpochs) {
        if (curves.length < 2) {
            throw new IllegalArgumentException("the spread across runs needs at least 2 runs, got " + curves.length);
        }
        int n = curves[0].length;
        for (int r = 0; r < curves.length; r++) {
            requireCurve(curves[r], "run " + r);
            if (curves[r].length != n) {
                throw new IllegalArgumentException("run " + r + " has " + curves[r].length + " evaluations but run 0 has " + n);
            }
        }
        if (lastEpochs < 1 || lastEpochs > n) {
            throw new IllegalArgumentException("lastEpochs must be in [1, " + n + "] (the curve length), got " + lastEpochs);
        }
        int runs = curves.length;
        StandardDeviation sd = new StandardDeviation(true);
        double[] column = new double[runs];
        double sumStd = 0;
        double maxStd = 0;
        for (int t = n - lastEpochs; t < n; t++) {
            for (int r = 0; r < runs; r++) column[r] = curves[r][t];
            double s = sd.evaluate(column);
            sumStd += s;
            maxStd = Math.max(maxStd, s);
        }
        double[] means = new double[runs];
        Mean mean = new Mean();
        for (int r = 0; r < runs; r++) means[r] = mean.evaluate(curves[r], n - lastEpochs, lastEpochs);
        return new RunSpread(runs, lastEpochs, sumStd / lastEpochs, maxStd, sd.evaluate(means), means);
    }

    private static void requireCurve(double[] curve, String what) {
        if (curve.length == 0) throw new IllegalArgumentException(what + " is empty: a curve needs at least one value");
        for (int i = 0; i < curve.length; i++) {
            if (!Double.isFinite(curve[i])) {
                throw new IllegalArgumentException(what + " has a non-finite value " + curve[i] + " at index " + i);
            }
        }
    }
}
