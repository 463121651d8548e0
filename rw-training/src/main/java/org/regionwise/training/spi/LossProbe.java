package org.regionwise.training.spi;

import java.util.List;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.reference.LossValue;

/**
 * An engine's loss lowering evaluated alone, in float64, on given logits: what the conformance suite compares with
 * rw-core's {@link org.regionwise.core.loss.reference.ReferenceLoss} (value and gradient with respect to the logits).
 */
@FunctionalInterface
public interface LossProbe {

    /**
     * The loss {@code spec} and its gradient with respect to the logits.
     *
     * @param spec the loss
     * @param batch B
     * @param height H
     * @param width W
     * @param classes K
     * @param logits {@code [batch, height, width, classes]} flat
     * @param labels {@code [batch, height, width]} flat
     * @param maps   one {@code [batch, height, width, classes]} array per map of {@code spec}
     * @param alphas the alphas of the gradual combinations ({@link GradualAlphas#at})
     * @return the value and gradient
     */
    LossValue evaluate(LossSpec spec, int batch, int height, int width, int classes, double[] logits, int[] labels,
                       List<double[]> maps, double[] alphas);
}
