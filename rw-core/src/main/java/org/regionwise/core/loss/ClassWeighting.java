package org.regionwise.core.loss;

import java.util.List;

/** How a weighted cross-entropy weighs classes. */
public sealed interface ClassWeighting {
    /**
     * Fixed weights, one per class.
     *
     * @param weights one finite, non-negative weight per class, index = label
     */
    record Given(List<Double> weights) implements ClassWeighting {
        /**
         * Copies the weights and checks that each is finite and non-negative.
         *
         * @param weights one finite, non-negative weight per class, index = label
         */
        public Given {
            weights = List.copyOf(weights);
            for (int k = 0; k < weights.size(); k++) {
                double w = weights.get(k);
                if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("weight of class " + k + " must be finite and >= 0, got " + w);
            }
        }
    }

    /** {@code w_k = N / (K * n_k)} from the class frequencies of the batch's ground truth (absent classes get 0). */
    record InverseFrequency() implements ClassWeighting {}
}
