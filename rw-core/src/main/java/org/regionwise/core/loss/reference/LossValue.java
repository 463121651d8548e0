package org.regionwise.core.loss.reference;

import java.util.Objects;

/**
 * A loss value and its gradient {@code dL/dlogits} in the layout of {@link LossBatch#logits()}.
 *
 * @param value    the scalar loss
 * @param gradient {@code dL/ds} per logit (owned by this value)
 */
public record LossValue(double value, double[] gradient) {
    /**
     * Checks that there is a gradient.
     *
     * @param value the scalar loss
     * @param gradient {@code dL/ds} per logit (owned by this value)
     */
    public LossValue { Objects.requireNonNull(gradient, "gradient"); }
}
