/**
 * Internals of the distance transform: the windowed-minimum and lower-envelope kernels, the stores, the passes and
 * the thread pool.
 */
@NullMarked
package org.regionwise.maps.distance.internal;

import org.jspecify.annotations.NullMarked;
