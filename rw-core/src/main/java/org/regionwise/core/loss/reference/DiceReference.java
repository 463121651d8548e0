package org.regionwise.core.loss.reference;

/**
 * Soft Dice loss {@code L = 1 - mean_{g,c} (2 I_{g,c} + s) / (P_{g,c} + Y_{g,c} + s)} with
 * {@code I = sum_i p y}, {@code P = sum_i p}, {@code Y = sum_i y} over the voxels of group {@code g}: each image
 * (per-image Dice, the paper's) or the whole batch ({@code batchDice}); {@code c} runs over all classes, or over
 * classes 1..K-1 when background is excluded; {@code s} is the smoothing.
 *
 * <p>{@code dL/dp_{i,c} = -(2 y_{i,c} D - (2 I + s)) / (G |C| D^2)} with {@code D = P + Y + s}, then back through the
 * softmax. A term whose denominator is exactly 0 (only possible with {@code s = 0}) counts as Dice 1 with no gradient.
 */
final class DiceReference implements ReferenceLoss {
    private final double smooth;
    private final boolean includeBackground;
    private final boolean batchDice;

    DiceReference(double smooth, boolean includeBackground, boolean batchDice) {
        this.smooth = smooth;
        this.includeBackground = includeBackground;
        this.batchDice = batchDice;
    }

    @Override public LossValue evaluate(LossBatch batch) {
        Softmax sm = Softmax.of(batch);
        int k = batch.classes();
        int[] y = batch.labels();
        int groups = batchDice ? 1 : batch.batch();
        int voxelsPerGroup = y.length / groups;
        int first = includeBackground ? 0 : 1;
        double terms = (double) groups * (k - first);
        double[] g = new double[batch.size()];
        double diceSum = 0;
        for (int grp = 0; grp < groups; grp++) {
            int v0 = grp * voxelsPerGroup;
            for (int c = first; c < k; c++) {
                double inter = 0, pSum = 0, ySum = 0;
                for (int v = v0; v < v0 + voxelsPerGroup; v++) {
                    double p = sm.p[v * k + c];
                    pSum += p;
                    if (y[v] == c) { inter += p; ySum += 1; }
                }
                double num = 2 * inter + smooth;
                double den = pSum + ySum + smooth;
                if (den == 0) { diceSum += 1; continue; }
                diceSum += num / den;
                for (int v = v0; v < v0 + voxelsPerGroup; v++) {
                    double yv = y[v] == c ? 1 : 0;
                    g[v * k + c] = -(2 * yv * den - num) / (den * den) / terms;
                }
            }
        }
        return new LossValue(1 - diceSum / terms, sm.backward(g, k));
    }
}
