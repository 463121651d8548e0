package org.regionwise.metrics.internal;

import org.regionwise.maps.distance.EuclideanDistanceTransform;

/**
 * The distance field the metrics use: a k-d tree over the surface voxels when they are few compared with the voxels
 * of the crop, otherwise rw-maps' dense exact distance transform. Both are exact in double precision, so the choice
 * changes the time, never the result.
 */
public final class DistanceFields {
    /** Tree cost per (site + query) relative to transform cost per voxel: CPU time of both on 256³ blobs (README). */
    static final int TREE_COST_FACTOR = 40;

    private static final DistanceField TRANSFORM = new TransformDistanceField(EuclideanDistanceTransform.create());
    private static final DistanceField TREE = new KdTreeDistanceField();
    private static final DistanceField STANDARD = (sites, size3, spacing3, queries) -> {
        long voxels = (long) size3[0] * size3[1] * size3[2];
        long points = (long) sites.length + queries.length;
        return points * TREE_COST_FACTOR < voxels
                ? TREE.distancesAt(sites, size3, spacing3, queries)
                : TRANSFORM.distancesAt(sites, size3, spacing3, queries);
    };

    private DistanceFields() {}

    /** The adaptive field used by every public entry point. */
    public static DistanceField standard() { return STANDARD; }

    /** Always the dense transform (tests, benchmarks). */
    public static DistanceField transform() { return TRANSFORM; }

    /** Always the k-d tree (tests, benchmarks). */
    public static DistanceField tree() { return TREE; }
}
