package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.Maps;

class MultiScaleMapsTest {
    @Test
    void powersOfTwoGiveNnUNetShapesAndRecomputedMaps() {
        Grid g = Grid.of(new int[] {40, 27}, new double[] {0.5, 2});
        LabelImage labels = new LabelImage(g, blobs(g));
        List<MultiScaleMaps.Scale> scales = MultiScaleMaps.powersOfTwo(RegionWiseMaps.create(Maps.rectified()), 4).compute(labels, 3);
        assertThat(scales).hasSize(4);
        // NumPy round (half to even): 27 -> 13.5 -> 14, 6.75 -> 7, 3.375 -> 3
        int[][] expected = {{40, 27}, {20, 14}, {10, 7}, {5, 3}};
        for (int s = 0; s < 4; s++) {
            MultiScaleMaps.Scale sc = scales.get(s);
            assertThat(sc.level()).isEqualTo(s);
            assertThat(sc.labels().grid().sizes()).containsExactly(expected[s]);
            assertThat(sc.maps().grid().sizes()).containsExactly(expected[s]);
            assertThat(sc.labels().grid().spacing(0)).isEqualTo(0.5 * 40 / expected[s][0]);
            // recomputed, not downsampled: every present class reaches -1 at its deepest voxel
            StabilityReport r = StabilityDiagnostic.check(sc.maps(), sc.labels());
            assertThat(r.stable()).isTrue();
            long[] counts = sc.labels().classCounts(3);
            for (int k = 0; k < 3; k++) {
                float min = 1;
                for (float v : sc.maps().data(k)) min = Math.min(min, v);
                assertThat(min).isEqualTo(counts[k] > 0 ? -1f : 1f);
            }
        }
        assertThat(scales.get(0).labels()).isSameAs(labels);
    }

    @Test
    void nearestNeighbourPicksTheCentreAlignedVoxel() {
        // 8 -> 4 takes 1, 3, 5, 7 (skimage/scipy order 0 rounds 2o + 0.5 up)
        int[] y = {0, 1, 2, 3, 4, 5, 6, 7};
        LabelImage row = new LabelImage(Grid.of2D(8, 1), y);
        assertThat(MultiScaleMaps.downsample(row, new double[] {0.5, 1}).data()).containsExactly(1, 3, 5, 7);
        // 7 -> round(3.5) = 4: floor((o + 0.5) * 7 / 4) = 0, 2, 4, 6
        LabelImage odd = new LabelImage(Grid.of2D(7, 1), new int[] {0, 1, 2, 3, 4, 5, 6});
        assertThat(MultiScaleMaps.downsample(odd, new double[] {0.5, 1}).data()).containsExactly(0, 2, 4, 6);
        // anisotropic factors per axis in 3D, as nnU-Net's deep_supervision_scales
        LabelImage vol = LabelImage.zeros(Grid.of3D(8, 8, 5));
        List<MultiScaleMaps.Scale> s = new MultiScaleMaps(new ActiveContourMap(),
                List.of(new double[] {1, 1, 1}, new double[] {0.5, 0.5, 1}, new double[] {0.25, 0.25, 0.5})).compute(vol, 2);
        assertThat(s.get(1).labels().grid().sizes()).containsExactly(4, 4, 5);
        assertThat(s.get(2).labels().grid().sizes()).containsExactly(2, 2, 2);
    }

    @Test
    void rejectsBadFactors() {
        assertThatThrownBy(() -> new MultiScaleMaps(new ActiveContourMap(), List.of(new double[] {2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor 2.0");
        assertThatThrownBy(() -> new MultiScaleMaps(new ActiveContourMap(), List.of(new double[] {1, 1, 1})).compute(TestLabels.square7(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 factors");
    }

    private static int[] blobs(Grid g) {
        int[] y = new int[g.voxelCount()];
        for (int j = 0; j < 27; j++) {
            for (int i = 0; i < 40; i++) {
                if ((i - 12) * (i - 12) + (j - 13) * (j - 13) < 60) y[i + 40 * j] = 1;
                if (i >= 26 && i < 36 && j >= 4 && j < 20) y[i + 40 * j] = 2;
            }
        }
        return y;
    }
}
