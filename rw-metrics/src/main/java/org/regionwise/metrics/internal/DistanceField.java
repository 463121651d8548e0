package org.regionwise.metrics.internal;

/**
 * Euclidean distance, in mm, from chosen query voxels to the nearest site voxel of a 3D-padded grid (2D grids have
 * {@code nz = 1} and spacing 1 on z, which never matters because no site lies off the plane).
 */
public interface DistanceField {

    /**
     * @param sites    at least one {@code true}; flat x-fastest on {@code size3}
     * @param size3    {@code {nx, ny, nz}}
     * @param spacing3 mm per axis, 3 values
     * @param queries  flat indices whose distance is wanted
     * @return {@code d[i]} = min over sites {@code s} of {@code sqrt(sum_a ((q_a - s_a) * spacing_a)^2)} for
     *         {@code q = queries[i]}
     */
    double[] distancesAt(boolean[] sites, int[] size3, double[] spacing3, int[] queries);
}
