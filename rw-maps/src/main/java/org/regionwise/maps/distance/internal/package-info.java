/** Internals of the distance transform: the lower-envelope kernel, the stores, the passes and the thread pool. */
@NullMarked
package org.regionwise.maps.distance.internal;

import org.jspecify.annotations.NullMarked;
