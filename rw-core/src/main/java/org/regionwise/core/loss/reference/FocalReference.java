package org.regionwise.core.loss.reference;

/**
 * Focal loss (Lin et al. 2017) {@code L = -(1/(B N)) sum_{b,i} alpha (1 - p_y)^gamma log p_y}, exact (no epsilon;
 * {@code log p_y} from the log-softmax). With {@code q = p_y}, {@code dq/ds_k = q ([k = y] - p_k)} gives
 * {@code dL/ds_k = (alpha / (B N)) (gamma (1 - q)^(gamma - 1) q log q - (1 - q)^gamma) ([k = y] - p_k)}.
 * {@code gamma = 0} is cross-entropy scaled by alpha.
 */
final class FocalReference implements ReferenceLoss {
    private final double gamma;
    private final double alpha;

    FocalReference(double gamma, double alpha) { this.gamma = gamma; this.alpha = alpha; }

    @Override public LossValue evaluate(LossBatch batch) {
        Softmax sm = Softmax.of(batch);
        int k = batch.classes();
        int[] y = batch.labels();
        double m = y.length;
        double sum = 0;
        double[] grad = new double[batch.size()];
        for (int v = 0; v < y.length; v++) {
            int base = v * k;
            double q = sm.p[base + y[v]];
            double logQ = sm.logP[base + y[v]];
            double oneMinusQ = -Math.expm1(logQ); // 1 - q, accurate when q is close to 1
            double modulator = gamma == 0 ? 1 : Math.pow(oneMinusQ, gamma);
            sum -= alpha * modulator * logQ;
            // gamma (1-q)^(gamma-1) q log q; its limit is 0 as q -> 1 (log q ~ -(1-q)), also for gamma < 1
            double slope = (gamma == 0 || oneMinusQ == 0) ? 0 : gamma * Math.pow(oneMinusQ, gamma - 1) * q * logQ;
            double factor = alpha / m * (slope - modulator);
            for (int c = 0; c < k; c++) grad[base + c] = -factor * sm.p[base + c];
            grad[base + y[v]] += factor;
        }
        return new LossValue(sum / m, grad);
    }
}
