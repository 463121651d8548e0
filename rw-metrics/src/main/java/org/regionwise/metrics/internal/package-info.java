/** Internals of rw-metrics (cropping, surface extraction, distance fields, selection, file writing); not API. */
@NullMarked
package org.regionwise.metrics.internal;

import org.jspecify.annotations.NullMarked;
