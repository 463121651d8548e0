package org.regionwise.core.loss;

import java.util.ArrayList;
import java.util.List;

/**
 * Weights of a deep-supervised loss {@code L = sum_s w_s loss(output_s, labels_s)} over decoder outputs
 * {@code s = 0} (full resolution) to {@code S-1} (lowest): {@code w_s ∝ 1/2^s}, the lowest-resolution output gets
 * {@code 0} (when {@code S > 1}), and the weights are normalised to sum to 1 (nnU-Net v1, used by the RW paper).
 * E.g. {@code of(4)} gives {@code 4/7, 2/7, 1/7, 0}.
 *
 * @param weights one weight per output, index = scale
 */
public record DeepSupervisionWeights(List<Double> weights) {
    /**
     * Copies the weights and checks that there is at least one.
     *
     * @param weights one weight per output, index = scale
     */
    public DeepSupervisionWeights {
        weights = List.copyOf(weights);
        if (weights.isEmpty()) throw new IllegalArgumentException("deep supervision needs at least one output");
    }

    /**
     * The paper's weights for {@code scales} outputs ({@code >= 1}).
     *
     * @param scales the number of outputs
     * @return the weights
     */
    public static DeepSupervisionWeights of(int scales) {
        if (scales < 1) throw new IllegalArgumentException("deep supervision needs >= 1 output scale, got " + scales);
        double[] raw = new double[scales];
        double sum = 0;
        for (int s = 0; s < scales; s++) {
            raw[s] = (scales > 1 && s == scales - 1) ? 0 : 1.0 / (1L << s);
            sum += raw[s];
        }
        List<Double> w = new ArrayList<>();
        for (double r : raw) w.add(r / sum);
        return new DeepSupervisionWeights(w);
    }

    /**
     * Number of outputs S.
     *
     * @return S
     */
    public int scales() { return weights.size(); }

    /**
     * The weight of output {@code scale}.
     *
     * @param scale the 0-based output, 0 = full resolution
     * @return the weight
     */
    public double weight(int scale) { return weights.get(scale); }

    /**
     * {@code sum_s w_s losses[s]}; {@code losses} has one value per scale.
     *
     * @param losses one loss per scale
     * @return the weighted sum
     */
    public double combine(double... losses) {
        if (losses.length != weights.size()) {
            throw new IllegalArgumentException("got " + losses.length + " per-scale losses for " + weights.size() + " deep-supervision scales");
        }
        double total = 0;
        for (int s = 0; s < losses.length; s++) total += weights.get(s) * losses[s];
        return total;
    }
}
