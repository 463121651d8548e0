/**
 * Images on a voxel grid with physical spacing.
 *
 * <h2>Axis order</h2>
 * Every image stores its voxels in one flat primitive array, <b>x fastest</b> (NIfTI / Fortran order):
 * the voxel {@code (x, y, z)} lives at {@code x + nx * (y + ny * z)}. A 2D image has two axes and is stored as
 * {@code x + nx * y}. Spacing is in millimetres per axis, in the same order.
 *
 * <p>Types: {@link org.regionwise.core.image.Grid} (size, spacing, spatial frame),
 * {@link org.regionwise.core.image.LabelImage} (integer labels), {@link org.regionwise.core.image.FloatImage}
 * (intensities or one map) and {@link org.regionwise.core.image.ClassMaps} (K per-class float maps, one contiguous
 * array per class; {@code map(k)} is a view that copies nothing).
 */
@NullMarked
package org.regionwise.core.image;

import org.jspecify.annotations.NullMarked;
