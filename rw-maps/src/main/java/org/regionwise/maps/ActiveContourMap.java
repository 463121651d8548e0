package org.regionwise.maps;

import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.internal.MapSupport;

/**
 * The active-contour (AC) region term as an RW map: {@code Z = 1 - Y}, i.e. {@code z_ik = 0} if voxel i has label
 * k and {@code 1} otherwise (Valverde &amp; Tohka 2023: the AC loss with {@code c1 = 1, c2 = 0} equals
 * {@code sum_i sum_k yhat_ik (1 - y_ik)}; the length term has no RW form). An absent class is all 1, a class covering
 * the image all 0. Values in {@code {0, 1}}: stable, with margin 1.
 */
public final class ActiveContourMap implements RegionWiseMap {
    @Override
    public ClassMaps compute(LabelImage labels, int classes) {
        MapSupport.checkInput(labels, classes, "active-contour map");
        int[] y = labels.data();
        float[][] z = new float[classes][y.length];
        for (int k = 0; k < classes; k++) {
            float[] zk = z[k];
            for (int i = 0; i < y.length; i++) zk[i] = y[i] == k ? 0f : 1f;
        }
        return new ClassMaps(labels.grid(), z);
    }

    @Override public String toString() { return "ActiveContourMap"; }
}
