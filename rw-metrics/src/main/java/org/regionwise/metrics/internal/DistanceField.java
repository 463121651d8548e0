package org.regionwise.metrics.internal;

/**
 * Euclidean distance, in mm, from chosen query voxels to the nearest of a set of site voxels on a 3D-padded grid
 * (2D grids have {@code nz = 1}; no site lies off the plane, so the z spacing never matters there).
 */
public interface DistanceField {

    /**
     * @param sites    flat indices (x fastest on {@code size3}) of the sites, at least one
     * @param size3    {@code {nx, ny, nz}}
     * @param spacing3 mm per axis, 3 values
     * @param queries  flat indices whose distance is wanted
     * @return {@code d[i]} = min over sites {@code s} of {@code sqrt(sum_a ((q_a - s_a) * spacing_a)^2)} for
     *         {@code q = queries[i]}, in double precision
     */
    double[] distancesAt(int[] sites, int[] size3, double[] spacing3, int[] queries);
}
