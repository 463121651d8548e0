package org.regionwise.training.internal;

import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.RegionWiseMaps;
import org.regionwise.maps.distance.EuclideanDistanceTransform;

/**
 * Turns the loss's {@link MapSpec}s into the rw-maps functions that compute them on the CPU, per augmented patch.
 * Each pipeline worker computes whole patches, so the distance transform runs single-threaded inside a worker.
 */
public final class MapFactory {
    private MapFactory() {}

    public static RegionWiseMap create(MapSpec spec) {
        return RegionWiseMaps.create(spec, EuclideanDistanceTransform.create().threads(1));
    }
}
