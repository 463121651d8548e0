/**
 * RegionWise core: the vocabulary shared by every module.
 *
 * <p>Sub-packages: {@code image} (grids with spacing, label images, intensity images, per-class maps),
 * {@code io} (NIfTI-1 and PNG), {@code map} and {@code loss} (immutable descriptions of region-wise maps and losses),
 * {@code backend} (the service-provider interface a training backend implements).
 */
@NullMarked
package org.regionwise.core;

import org.jspecify.annotations.NullMarked;
