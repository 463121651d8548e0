/**
 * Region-wise maps: the immutable {@link org.regionwise.core.map.MapSpec} descriptions (built with
 * {@link org.regionwise.core.map.Maps}) and the {@link org.regionwise.core.map.RegionWiseMap} function that computes
 * K per-class maps {@code Z} from a label image. The implementations live in {@code rw-maps}.
 */
@NullMarked
package org.regionwise.core.map;

import org.jspecify.annotations.NullMarked;
