package org.regionwise.core.loss.reference;

/**
 * Cross-entropy {@code L = -(1/(B N)) sum_{b,i} log p_{y}} with {@code log p} from the log-softmax (no epsilon);
 * {@code dL/ds_k = (p_k - [k = y]) / (B N)}.
 */
final class CrossEntropyReference implements ReferenceLoss {
    @Override public LossValue evaluate(LossBatch batch) {
        Softmax sm = Softmax.of(batch);
        int k = batch.classes();
        int[] y = batch.labels();
        double m = y.length;
        double sum = 0;
        double[] grad = new double[batch.size()];
        for (int v = 0; v < y.length; v++) {
            int base = v * k;
            sum -= sm.logP[base + y[v]];
            for (int c = 0; c < k; c++) grad[base + c] = sm.p[base + c] / m;
            grad[base + y[v]] -= 1 / m;
        }
        return new LossValue(sum / m, grad);
    }
}
