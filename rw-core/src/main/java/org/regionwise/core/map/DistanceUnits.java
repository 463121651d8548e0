package org.regionwise.core.map;

/** Units in which distances inside a map are measured before any normalisation. */
public enum DistanceUnits {
    /** Every axis has unit step, as the paper's reference code (no {@code sampling}). */
    VOXELS,
    /** Distances in mm from the grid's spacing. */
    PHYSICAL
}
