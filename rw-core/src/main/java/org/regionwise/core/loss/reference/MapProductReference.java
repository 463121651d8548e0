package org.regionwise.core.loss.reference;

/**
 * The region-wise form {@code L = (1/M) sum_{b,i,k} p_{b,i,k} Z_{b,i,k}} with {@code M = B * N * K}, shared by the RW
 * loss (any RW map) and the Boundary loss (signed distance map). {@code Z} carries no gradient, so
 * {@code dL/ds_j = p_j (z_j - sum_k p_k z_k) / M} (Valverde &amp; Tohka 2023; Kervadec et al. 2019).
 */
final class MapProductReference implements ReferenceLoss {
    @Override public LossValue evaluate(LossBatch batch) {
        Softmax sm = Softmax.of(batch);
        double[] z = batch.maps().get(0);
        double m = batch.size();
        double sum = 0;
        double[] g = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            sum += sm.p[j] * z[j];
            g[j] = z[j] / m;
        }
        return new LossValue(sum / m, sm.backward(g, batch.classes()));
    }
}
