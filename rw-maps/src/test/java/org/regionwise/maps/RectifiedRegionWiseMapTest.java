package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.Maps;
import org.regionwise.core.map.RegionWiseMap;
import org.regionwise.maps.distance.EuclideanDistanceTransform;

class RectifiedRegionWiseMapTest {
    private static final RegionWiseMap RRW = RegionWiseMaps.create(Maps.rectified());

    static LongStream seeds() { return LongStream.range(0, 24); }

    @Test
    void sevenBySevenVector() {
        ClassMaps z = RRW.compute(TestLabels.square7(), 3);
        double r8 = 2 * Math.sqrt(2);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 7; x++) {
                int i = x + 7 * y;
                boolean inSquare = x >= 2 && x <= 4 && y >= 2 && y <= 4;
                // class 1: -1 at the centre, -0.5 on the ring, +1 elsewhere
                double e1 = !inSquare ? 1 : (x == 3 && y == 3 ? -1 : -0.5);
                assertThat((double) z.get(1, i)).as("class 1 at (%d,%d)", x, y).isCloseTo(e1, within(1e-6));
                // class 2 is absent: all +1
                assertThat(z.get(2, i)).isEqualTo(1f);
                // class 0: +1 in the square, else -d/(2 sqrt 2), d the distance to the nearest square pixel
                int dx = Math.max(0, Math.max(2 - x, x - 4));
                int dy = Math.max(0, Math.max(2 - y, y - 4));
                double e0 = inSquare ? 1 : -Math.hypot(dx, dy) / r8;
                assertThat((double) z.get(0, i)).as("class 0 at (%d,%d)", x, y).isCloseTo(e0, within(1e-6));
            }
        }
        assertThat(z.get(0, 0)).isCloseTo(-1f, within(1e-6f));                        // corners
        assertThat(z.get(0, 6 + 7 * 6)).isCloseTo(-1f, within(1e-6f));
        assertThat((double) z.get(0, 3 + 7)).isCloseTo(-1 / r8, within(1e-6));          // next to an edge
        assertThat((double) z.get(0, 1 + 7)).isCloseTo(-0.5, within(1e-6));             // (1,1)
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void invariantsOnRandomLabels(long seed) {
        int classes = 2 + (int) (seed % 4);
        LabelImage labels = TestLabels.randomBlobs(seed, classes, seed % 2 == 0);
        DistanceUnits units = seed % 3 == 0 ? DistanceUnits.PHYSICAL : DistanceUnits.VOXELS;
        ClassMaps z = RegionWiseMaps.create(Maps.rectified(units)).compute(labels, classes);
        int[] y = labels.data();
        long[] counts = labels.classCounts(classes);
        for (int k = 0; k < classes; k++) {
            float min = Float.MAX_VALUE;
            for (int i = 0; i < y.length; i++) {
                float v = z.get(k, i);
                if (y[i] == k) {
                    assertThat(v).isBetween(-1f, -Float.MIN_VALUE);
                    min = Math.min(min, v);
                } else {
                    assertThat(v).isEqualTo(1f);
                }
            }
            if (counts[k] > 0) assertThat(min).as("deepest voxel of class %d", k).isEqualTo(-1f);
        }
        assertThat(StabilityDiagnostic.check(z, labels).stable()).isTrue();
    }

    @Test
    void physicalUnitsChangeTheProfileNotTheRange() {
        // 5x5, spacing 1 mm along x and 3 mm along y, class 1 = the centre 3x3 square
        int[] y = new int[25];
        for (int j = 1; j <= 3; j++) for (int i = 1; i <= 3; i++) y[i + 5 * j] = 1;
        LabelImage labels = new LabelImage(Grid.of(new int[] {5, 5}, new double[] {1, 3}), y);
        ClassMaps vox = RRW.compute(labels, 2);
        ClassMaps mm = RegionWiseMaps.create(Maps.rectified(DistanceUnits.PHYSICAL)).compute(labels, 2);
        // voxels: centre d = 2, ring d = 1
        assertThat(vox.get(1, 2 + 5 * 2)).isEqualTo(-1f);
        assertThat(vox.get(1, 2 + 5)).isEqualTo(-0.5f);
        assertThat(vox.get(1, 1 + 5 * 2)).isEqualTo(-0.5f);
        // mm: centre d = 2 (along x), (2,1) d = 2 (along x; along y it is 3), (1,2) d = 1
        assertThat(mm.get(1, 2 + 5 * 2)).isEqualTo(-1f);
        assertThat(mm.get(1, 2 + 5)).isEqualTo(-1f);
        assertThat(mm.get(1, 1 + 5 * 2)).isEqualTo(-0.5f);
        assertThat(mm.range()).containsExactly(-1.0, 1.0);
    }

    @Test
    void classCoveringTheImageIsMinusOne() {
        LabelImage full = LabelImage.zeros(Grid.of3D(4, 5, 6));
        ClassMaps z = RRW.compute(full, 2);
        assertThat(z.data(0)).containsOnly(-1f);
        assertThat(z.data(1)).containsOnly(1f);
        assertThat(StabilityDiagnostic.check(z, full).stable()).isTrue();
    }

    @Test
    void singleVoxelClassIsMinusOneThere() {
        int[] y = new int[25];
        y[12] = 1;
        ClassMaps z = RRW.compute(new LabelImage(Grid.of2D(5, 5), y), 2);
        assertThat(z.get(1, 12)).isEqualTo(-1f);
        assertThat(z.get(0, 12)).isEqualTo(1f);
    }

    @Test
    void rejectsLabelsOutsideK() {
        assertThatThrownBy(() -> RRW.compute(TestLabels.square7(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K=1");
    }

    @Test
    void threadCountDoesNotMatter() {
        LabelImage labels = TestLabels.randomBlobs(99, 3, true);
        ClassMaps a = new RectifiedRegionWiseMap(DistanceUnits.VOXELS, EuclideanDistanceTransform.create().threads(1)).compute(labels, 3);
        ClassMaps b = new RectifiedRegionWiseMap(DistanceUnits.VOXELS, EuclideanDistanceTransform.create().threads(4)).compute(labels, 3);
        for (int k = 0; k < 3; k++) assertThat(b.data(k)).containsExactly(a.data(k));
    }
}
