package org.regionwise.core.experiment;

import org.regionwise.core.backend.OptimizerSpec;

/**
 * Immutable, fluent Adam settings over {@link OptimizerSpec}: {@code Adam.learningRate(1e-4).weightDecay(3e-5)}.
 * Every method returns a new instance. Unset knobs keep the paper's recipe ({@link OptimizerSpec#paper()}:
 * learning rate 1e-4, L2 weight decay 3e-5, poly power 0.9, gradient-norm clip 12).
 */
public final class Adam {
    private final OptimizerSpec spec;

    private Adam(OptimizerSpec spec) { this.spec = spec; }

    /**
     * The paper's recipe.
     *
     * @return Adam 1e-4, L2 weight decay 3e-5, poly 0.9, clip 12
     */
    public static Adam paper() { return new Adam(OptimizerSpec.paper()); }

    /**
     * The paper's recipe with initial learning rate {@code learningRate}.
     *
     * @param learningRate the initial learning rate
     * @return the optimiser
     */
    public static Adam learningRate(double learningRate) { return paper().withLearningRate(learningRate); }

    /**
     * Wraps an existing spec.
     *
     * @param spec the settings
     * @return the optimiser
     */
    public static Adam of(OptimizerSpec spec) { return new Adam(spec); }

    /**
     * This optimiser with initial learning rate {@code learningRate}.
     *
     * @param learningRate the initial learning rate
     * @return a new optimiser
     */
    public Adam withLearningRate(double learningRate) {
        return new Adam(new OptimizerSpec(learningRate, spec.weightDecay(), spec.decoupledWeightDecay(), spec.polyPower(), spec.clipNorm()));
    }

    /**
     * L2 weight decay added to the gradient (as PyTorch's {@code Adam(weight_decay=...)}).
     *
     * @param weightDecay the decay factor; 0 disables it
     * @return a new optimiser
     */
    public Adam weightDecay(double weightDecay) {
        return new Adam(new OptimizerSpec(spec.learningRate(), weightDecay, false, spec.polyPower(), spec.clipNorm()));
    }

    /**
     * Decoupled (AdamW-style) weight decay.
     *
     * @param weightDecay the decay factor; 0 disables it
     * @return a new optimiser
     */
    public Adam decoupledWeightDecay(double weightDecay) {
        return new Adam(new OptimizerSpec(spec.learningRate(), weightDecay, true, spec.polyPower(), spec.clipNorm()));
    }

    /**
     * Poly schedule {@code lr * (1 - e/E)^power}.
     *
     * @param power the poly power; 0 keeps the rate constant
     * @return a new optimiser
     */
    public Adam polyPower(double power) {
        return new Adam(new OptimizerSpec(spec.learningRate(), spec.weightDecay(), spec.decoupledWeightDecay(), power, spec.clipNorm()));
    }

    /**
     * No learning-rate decay.
     *
     * @return a new optimiser
     */
    public Adam constantLearningRate() { return polyPower(0); }

    /**
     * Clip gradients by global norm {@code clipNorm}.
     *
     * @param clipNorm the largest global gradient norm; 0 disables clipping
     * @return a new optimiser
     */
    public Adam clipNorm(double clipNorm) {
        return new Adam(new OptimizerSpec(spec.learningRate(), spec.weightDecay(), spec.decoupledWeightDecay(), spec.polyPower(), clipNorm));
    }

    /**
     * No gradient clipping.
     *
     * @return a new optimiser
     */
    public Adam noClipping() { return clipNorm(0); }

    /**
     * The settings.
     *
     * @return the immutable spec
     */
    public OptimizerSpec spec() { return spec; }

    @Override public boolean equals(@org.jspecify.annotations.Nullable Object o) { return o instanceof Adam a && a.spec.equals(spec); }
    @Override public int hashCode() { return spec.hashCode(); }
    @Override public String toString() { return "Adam" + spec; }
}
