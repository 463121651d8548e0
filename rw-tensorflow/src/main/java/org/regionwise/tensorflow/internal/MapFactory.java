package org.regionwise.tensorflow.internal;

import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.RegionWiseMap;

/** Turns the loss's {@link MapSpec}s into the functions that compute them on the CPU, per augmented patch. */
final class MapFactory {
    private MapFactory() {}

    static RegionWiseMap create(MapSpec spec) {
        if (spec instanceof MapSpec.Custom c) return c.function();
        if (spec instanceof MapSpec.ActiveContour) return MapFactory::activeContour;
        throw new UnsupportedOperationException("map " + spec.id() + " needs rw-maps' RegionWiseMaps (not merged yet)");
    }

    /** {@code Z = 1 - Y}. */
    static ClassMaps activeContour(LabelImage labels, int classes) {
        int[] y = labels.data();
        float[][] z = new float[classes][y.length];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < y.length; i++) z[k][i] = y[i] == k ? 0f : 1f;
        }
        return new ClassMaps(labels.grid(), z);
    }
}
