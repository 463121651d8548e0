package org.regionwise.training.spi;

import java.util.List;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.reference.LossValue;

/**
 * An engine's loss lowering evaluated alone, in float64, on given logits: what the conformance suite compares with
 * rw-core's {@link org.regionwise.core.loss.reference.ReferenceLoss} (value and gradient with respect to the logits).
 */
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

    /**
     * The loss on 3D inputs {@code [batch, depth, height, width, classes]}, as a 3D network's training lowers it.
     * The default views them as {@code [batch, depth height, width, classes]}, which is exact for a lowering that
     * flattens the spatial axes (every loss here reduces over all voxels of an image); an engine whose 3D graph differs
     * overrides it.
     *
     * @param spec the loss
     * @param batch B
     * @param depth D
     * @param height H
     * @param width W
     * @param classes K
     * @param logits {@code [batch, depth, height, width, classes]} flat
     * @param labels {@code [batch, depth, height, width]} flat
     * @param maps   one {@code [batch, depth, height, width, classes]} array per map of {@code spec}
     * @param alphas the alphas of the gradual combinations
     * @return the value and gradient
     */
    default LossValue evaluate3d(LossSpec spec, int batch, int depth, int height, int width, int classes, double[] logits,
                                 int[] labels, List<double[]> maps, double[] alphas) {
        return evaluate(spec, batch, depth * height, width, classes, logits, labels, maps, alphas);
    }
}
