/**
 * Exact Euclidean distance transforms: {@link org.regionwise.maps.distance.EuclideanDistanceTransform}
 * (SciPy {@code distance_transform_edt} semantics, anisotropic spacing, multi-threaded).
 */
@NullMarked
package org.regionwise.maps.distance;

import org.jspecify.annotations.NullMarked;
