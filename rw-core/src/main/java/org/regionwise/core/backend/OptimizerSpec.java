package org.regionwise.core.backend;

/**
 * Adam with the nnU-Net recipe knobs: learning rate, weight decay, polynomial decay and gradient clipping.
 *
 * @param learningRate      initial learning rate (paper: 1e-4)
 * @param weightDecay       weight decay (paper: 3e-5)
 * @param decoupledWeightDecay true: AdamW-style {@code w -= lr * wd * w}; false: L2 term {@code wd * w} added to the
 *                          gradient, as PyTorch's {@code Adam(weight_decay=...)} in the paper
 * @param polyPower         poly schedule {@code lr_e = lr * (1 - e / E)^power}; 0 keeps the rate constant (paper: 0.9)
 * @param clipNorm          clip gradients by global norm; {@code <= 0} disables (paper: 12)
 */
public record OptimizerSpec(double learningRate, double weightDecay, boolean decoupledWeightDecay,
                            double polyPower, double clipNorm) {
    /**
     * Checks every setting's range.
     *
     * @param learningRate initial learning rate (paper: 1e-4)
     * @param weightDecay weight decay (paper: 3e-5)
     * @param decoupledWeightDecay true: AdamW-style {@code w -= lr * wd * w}; false: L2 term {@code wd * w} added to
     *                             the gradient, as PyTorch's {@code Adam(weight_decay=...)} in the paper
     * @param polyPower poly schedule {@code lr_e = lr * (1 - e / E)^power}; 0 keeps the rate constant (paper: 0.9)
     * @param clipNorm clip gradients by global norm; {@code <= 0} disables (paper: 12)
     */
    public OptimizerSpec {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        if (!(polyPower >= 0)) throw new IllegalArgumentException("poly power must be >= 0, got " + polyPower);
    }

    /**
     * The paper's recipe: Adam 1e-4, L2 weight decay 3e-5, poly 0.9, clip 12.
     *
     * @return the paper's optimiser settings
     */
    public static OptimizerSpec paper() { return new OptimizerSpec(1e-4, 3e-5, false, 0.9, 12); }

    /**
     * Learning rate at 0-based epoch {@code epoch} of {@code epochs}.
     *
     * @param epoch the 0-based epoch
     * @param epochs the total number of epochs
     * @return {@code learningRate * (1 - epoch/epochs)^polyPower}
     */
    public double learningRateAt(int epoch, int epochs) {
        if (polyPower == 0) return learningRate;
        return learningRate * Math.pow(Math.max(0, 1 - (double) epoch / epochs), polyPower);
    }
}
