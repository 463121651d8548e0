package org.regionwise.core.map;

import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;

/**
 * Computes the region-wise map {@code Z} of a ground truth: one float map per class on the labels' grid.
 *
 * <p>The RW loss is {@code L = mean_{k,i}(softmax(logits)_{k,i} * Z_{k,i})}; {@code Z} carries no gradient.
 * The stability principle (Valverde &amp; Tohka 2023) asks that at every voxel the ground-truth class holds the
 * strictly smallest value and that values are bounded independently of image size.
 */
@FunctionalInterface
public interface RegionWiseMap {
    /**
     * @param labels  ground truth, every label in {@code [0, classes)}
     * @param classes K, the number of classes (maps returned)
     * @return K maps on {@code labels.grid()}
     */
    ClassMaps compute(LabelImage labels, int classes);
}
