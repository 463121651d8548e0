package org.regionwise.metrics.internal;

import org.regionwise.maps.distance.EuclideanDistanceTransform;

/**
 * Distances read from rw-maps' exact Euclidean distance transform of the complement of the sites, in double precision
 * ({@link EuclideanDistanceTransform#squaredDistance}), as medpy reads SciPy's {@code distance_transform_edt} of
 * {@code ~reference_border}. Cost: a few passes over every voxel of the (cropped) grid, multi-threaded.
 */
public final class TransformDistanceField implements DistanceField {
    private final EuclideanDistanceTransform edt;

    public TransformDistanceField(EuclideanDistanceTransform edt) {
        this.edt = edt;
    }

    @Override
    public double[] distancesAt(int[] sites, int[] size3, double[] spacing3, int[] queries) {
        boolean[] mask = new boolean[size3[0] * size3[1] * size3[2]];
        java.util.Arrays.fill(mask, true);
        for (int s : sites) mask[s] = false;
        double[] sq = edt.squaredDistance(mask, size3, spacing3);
        double[] out = new double[queries.length];
        for (int i = 0; i < queries.length; i++) out[i] = Math.sqrt(sq[queries[i]]);
        return out;
    }
}
