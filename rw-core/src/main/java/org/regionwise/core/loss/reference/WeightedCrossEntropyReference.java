package org.regionwise.core.loss.reference;

import java.util.List;
import org.regionwise.core.loss.ClassWeighting;

/**
 * Weighted cross-entropy {@code L = -sum_{b,i} w_{y} log p_{y} / sum_{b,i} w_{y}}: normalised by the sum of the
 * voxel weights (as PyTorch's {@code CrossEntropyLoss(weight=...)} with mean reduction), so that uniform weights give
 * plain cross-entropy. Gradient {@code dL/ds_k = w_y (p_k - [k = y]) / W}.
 *
 * <p>Weights are either given (one per class) or the inverse class frequency of the batch's ground truth,
 * {@code w_k = N_total / (K n_k)} with {@code n_k} voxels of class k among {@code N_total = B N}, and {@code w_k = 0}
 * for classes absent from the batch. When the voxel weights sum to 0 (every present class has weight 0) the loss and
 * its gradient are 0.
 */
final class WeightedCrossEntropyReference implements ReferenceLoss {
    private final ClassWeighting weighting;

    WeightedCrossEntropyReference(ClassWeighting weighting) { this.weighting = weighting; }

    /** The class weights this loss applies to {@code batch}. */
    double[] weights(LossBatch batch) {
        int k = batch.classes();
        if (weighting instanceof ClassWeighting.Given given) {
            List<Double> w = given.weights();
            if (w.size() != k) {
                throw new IllegalArgumentException("weighted cross-entropy has " + w.size() + " class weights but the batch has K = " + k + " classes");
            }
            double[] out = new double[k];
            for (int c = 0; c < k; c++) out[c] = w.get(c);
            return out;
        }
        long[] counts = new long[k];
        for (int y : batch.labels()) counts[y]++;
        double total = batch.labels().length;
        double[] out = new double[k];
        for (int c = 0; c < k; c++) out[c] = counts[c] == 0 ? 0 : total / ((double) k * counts[c]);
        return out;
    }

    @Override public LossValue evaluate(LossBatch batch) {
        double[] w = weights(batch);
        Softmax sm = Softmax.of(batch);
        int k = batch.classes();
        int[] y = batch.labels();
        double wSum = 0;
        for (int label : y) wSum += w[label];
        double[] grad = new double[batch.size()];
        if (wSum == 0) return new LossValue(0, grad);
        double sum = 0;
        for (int v = 0; v < y.length; v++) {
            int base = v * k;
            double wy = w[y[v]];
            if (wy == 0) continue;
            sum -= wy * sm.logP[base + y[v]];
            for (int c = 0; c < k; c++) grad[base + c] = wy * sm.p[base + c] / wSum;
            grad[base + y[v]] -= wy / wSum;
        }
        return new LossValue(sum / wSum, grad);
    }
}
