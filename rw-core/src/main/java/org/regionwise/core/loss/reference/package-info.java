/**
 * The pure-Java, double-precision reference of every {@link org.regionwise.core.loss.LossSpec}: the value and the
 * exact gradient with respect to the logits, for any batch size, any number of classes K, 2D or 3D (the spatial
 * extent is just a voxel count).
 *
 * <p>Every backend tests its lowering of a loss against {@link org.regionwise.core.loss.reference.ReferenceLoss}:
 * evaluate both on the same {@link org.regionwise.core.loss.reference.LossBatch} and compare value and gradient.
 * The reference itself is tested against central finite differences and closed forms.
 *
 * <p>Layout is channels-last and flat: {@code logits[((b * voxels) + i) * classes + k]},
 * {@code labels[b * voxels + i]}. Softmax is over the class axis and computed in log space (numerically stable).
 */
@NullMarked
package org.regionwise.core.loss.reference;

import org.jspecify.annotations.NullMarked;
