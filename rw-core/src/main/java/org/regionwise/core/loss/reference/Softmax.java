package org.regionwise.core.loss.reference;

/**
 * Softmax over the class axis in log space: {@code log p_k = s_k - m - log sum_j exp(s_j - m)} with
 * {@code m = max_j s_j}, so no exponent overflows and {@code log p} stays finite where {@code p} underflows.
 */
final class Softmax {
    /** Probabilities, layout of the logits. */
    final double[] p;
    /** Log-probabilities, layout of the logits. */
    final double[] logP;

    private Softmax(double[] p, double[] logP) { this.p = p; this.logP = logP; }

    static Softmax of(LossBatch batch) {
        int k = batch.classes();
        double[] s = batch.logits();
        double[] p = new double[s.length];
        double[] logP = new double[s.length];
        for (int base = 0; base < s.length; base += k) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) max = Math.max(max, s[base + c]);
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.exp(s[base + c] - max);
            double logSum = Math.log(sum);
            for (int c = 0; c < k; c++) {
                logP[base + c] = s[base + c] - max - logSum;
                p[base + c] = Math.exp(logP[base + c]);
            }
        }
        return new Softmax(p, logP);
    }

    /**
     * Back-propagates {@code g = dL/dp} through the softmax: {@code dL/ds_j = p_j (g_j - sum_k p_k g_k)} per voxel.
     */
    double[] backward(double[] g, int classes) {
        double[] out = new double[g.length];
        for (int base = 0; base < g.length; base += classes) {
            double dot = 0;
            for (int c = 0; c < classes; c++) dot += p[base + c] * g[base + c];
            for (int c = 0; c < classes; c++) out[base + c] = p[base + c] * (g[base + c] - dot);
        }
        return out;
    }
}
