package org.regionwise.core.map;

/** The two signed distance maps used as Boundary loss. */
public enum BoundaryVariant {
    /** Kervadec et al.: {@code dist_out * neg - (dist_in - 1) * pos}; an absent class is all 0. */
    KERVADEC,
    /** The RW paper's code: {@code dist_out * neg - dist_in * pos} (without its stale-map bug for absent classes). */
    REGION_WISE_PAPER
}
