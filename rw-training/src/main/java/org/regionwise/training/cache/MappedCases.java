package org.regionwise.training.cache;

import org.regionwise.core.backend.LazySamples;

/**
 * Samples read from memory-mapped case files: the 2D slices of {@link CachedSlices} or the whole volumes of
 * {@link CachedVolumes}. What callers check or select without decoding a sample goes through here.
 */
public sealed interface MappedCases extends LazySamples permits CachedSlices, CachedVolumes {
    /**
     * The case sample {@code i} comes from.
     *
     * @param i a position in this list
     * @return the mapped case
     */
    CachedCase caseAt(int i);

    /**
     * The samples at {@code positions} of this list, in that order (a view sharing the mapped cases).
     *
     * @param positions indices into this list
     * @return the selection
     */
    MappedCases select(int[] positions);
}
