/**
 * The preprocessed case cache: datasets larger than memory. Each case is preprocessed once (normalised, cropped to
 * the region that differs from the background) and written by {@link org.regionwise.training.cache.CaseFile} into
 * one flat little-endian file with a small header (shape, spacing, crop box, original grid, per-slice statistics,
 * CRC32C checksum, the stamp of its source files); {@link org.regionwise.training.cache.CachedCase} memory-maps it,
 * and {@link org.regionwise.training.cache.CachedSlices} presents the 2D training slices of many cases as a
 * {@code List<Sample>} that the trainer samples patches from without loading the cases into the heap;
 * {@link org.regionwise.training.cache.CachedVolumes} presents whole cases the same way for 3D training.
 */
@NullMarked
package org.regionwise.training.cache;

import org.jspecify.annotations.NullMarked;
