package org.regionwise.core.loss.reference;

import org.regionwise.core.loss.LossSpec;

/**
 * A loss evaluated exactly, in double precision, with its gradient with respect to the logits.
 * Obtain one with {@link #of(LossSpec)}; instances are stateless and thread-safe.
 */
@FunctionalInterface
public interface ReferenceLoss {

    /**
     * Value and gradient {@code dL/dlogits} of this loss on {@code batch}.
     *
     * @param batch logits, labels and maps
     * @return the value and gradient
     */
    LossValue evaluate(LossBatch batch);

    /**
     * The reference implementation of {@code spec}. The returned loss checks that the batch carries exactly
     * {@code spec.maps().size()} maps.
     *
     * @param spec the loss
     * @return its reference implementation
     */
    static ReferenceLoss of(LossSpec spec) {
        ReferenceLoss inner = ReferenceLosses.create(spec);
        int expected = spec.maps().size();
        return batch -> {
            if (batch.maps().size() != expected) {
                throw new IllegalArgumentException("loss " + spec.id() + " needs " + expected + " map(s) (one per entry of spec.maps()), the batch has "
                        + batch.maps().size());
            }
            return inner.evaluate(batch);
        };
    }
}
