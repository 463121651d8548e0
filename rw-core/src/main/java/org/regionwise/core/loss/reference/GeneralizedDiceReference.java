package org.regionwise.core.loss.reference;

/**
 * Generalized Dice loss (Sudre et al. 2017), per image and averaged over the batch:
 * {@code L = 1 - mean_b (2 sum_c w_c I_c + s) / (sum_c w_c (P_c + Y_c) + s)} with {@code I_c = sum_i p y},
 * {@code P_c = sum_i p}, {@code Y_c = sum_i y} over image {@code b}'s voxels, {@code c} over all classes or 1..K-1
 * when background is excluded, and weights {@code w_c = 1 / Y_c^2} (no gradient).
 *
 * <p>Guard for absent classes ({@code Y_c = 0}, where {@code 1/Y_c^2} is infinite): such a class takes the largest
 * weight among the image's present classes (as MONAI's {@code GeneralizedDiceLoss}), so predicting it is still
 * penalised through the denominator; if no counted class is present in the image, every weight is 1.
 * A term whose denominator is exactly 0 (only possible with {@code s = 0}) counts as 1 with no gradient.
 */
final class GeneralizedDiceReference implements ReferenceLoss {
    private final double smooth;
    private final boolean includeBackground;

    GeneralizedDiceReference(double smooth, boolean includeBackground) {
        this.smooth = smooth;
        this.includeBackground = includeBackground;
    }

    /** The weights {@code w_c} of image {@code b} (index = class; classes not counted get 0). */
    double[] weights(LossBatch batch, int b) {
        int k = batch.classes();
        int n = batch.voxels();
        int first = includeBackground ? 0 : 1;
        double[] count = new double[k];
        for (int v = b * n; v < (b + 1) * n; v++) count[batch.labels()[v]]++;
        double[] w = new double[k];
        double max = 0;
        for (int c = first; c < k; c++) {
            if (count[c] > 0) { w[c] = 1 / (count[c] * count[c]); max = Math.max(max, w[c]); }
        }
        for (int c = first; c < k; c++) if (count[c] == 0) w[c] = max == 0 ? 1 : max;
        if (max == 0) for (int c = first; c < k; c++) w[c] = 1;
        return w;
    }

    @Override public LossValue evaluate(LossBatch batch) {
        Softmax sm = Softmax.of(batch);
        int k = batch.classes();
        int n = batch.voxels();
        int[] y = batch.labels();
        int first = includeBackground ? 0 : 1;
        double[] g = new double[batch.size()];
        double sum = 0;
        for (int b = 0; b < batch.batch(); b++) {
            double[] w = weights(batch, b);
            double num = smooth, den = smooth;
            for (int v = b * n; v < (b + 1) * n; v++) {
                for (int c = first; c < k; c++) {
                    double p = sm.p[v * k + c];
                    double yv = y[v] == c ? 1 : 0;
                    num += 2 * w[c] * p * yv;
                    den += w[c] * (p + yv);
                }
            }
            if (den == 0) { sum += 1; continue; }
            sum += num / den;
            for (int v = b * n; v < (b + 1) * n; v++) {
                for (int c = first; c < k; c++) {
                    double yv = y[v] == c ? 1 : 0;
                    g[v * k + c] = -w[c] * (2 * yv * den - num) / (den * den) / batch.batch();
                }
            }
        }
        return new LossValue(1 - sum / batch.batch(), sm.backward(g, k));
    }
}
