package org.regionwise.training.spi;

import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.loss.DeepSupervisionWeights;

/**
 * How many output scales a U-Net trains: {@code max(1, depth - 1)} with deep supervision (nnU-Net: every decoder
 * output but the lowest, whose weight is 0), 1 without. Scale {@code s} has {@code 2^-s} of the input's size.
 */
public final class OutputScales {
    private OutputScales() {}

    /**
     * The number of output scales trained: {@code depth - 1} with deep supervision (at least 1), else 1.
     *
     * @param spec the network
     * @return the count
     */
    public static int of(ModelSpec.UNet spec) {
        return spec.deepSupervision() ? Math.max(1, spec.depth() - 1) : 1;
    }

    /**
     * The weight of each trained output scale in the total loss {@code sum_s w_s L_s}:
     * {@link DeepSupervisionWeights#of(int)} over the {@code depth} decoder outputs ({@code w_s ~ 2^-s}, the lowest
     * output 0 and not built, sum 1, nnU-Net); {@code [1]} without deep supervision. Every engine uses these.
     *
     * @param spec the network
     * @return one weight per scale
     */
    public static double[] weights(ModelSpec.UNet spec) {
        int scales = of(spec);
        if (scales == 1) return new double[] {1};
        DeepSupervisionWeights w = DeepSupervisionWeights.of(scales + 1);
        double[] out = new double[scales];
        for (int s = 0; s < scales; s++) out[s] = w.weight(s);
        return out;
    }
}
