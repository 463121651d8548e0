package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.Maps;

/** The frequency-balanced RRW map ({@code rrw-balanced}) against a hand computation and the stability principle. */
class FrequencyBalancedRegionWiseMapTest {

    /**
     * A 1 x 6 row {@code [0 0 0 0 1 1]}: n_0 = 4, n_1 = 2, so v_0 = 2/4 = 0.5 and v_1 = 1. RRW (voxel units, SciPy
     * semantics, the border is no boundary): class 0 inside distances 4 3 2 1 (max 4), class 1 inside distances 1 2
     * (max 2). Hence z_0 = 0.5 * (-1, -0.75, -0.5, -0.25) on class 0 and 1 * (+1, +1) on class 1; z_1 = 0.5 * (+1 x 4)
     * on class 0 and 1 * (-0.5, -1) on class 1.
     */
    @Test
    void matchesTheHandComputationOnARow() {
        LabelImage y = new LabelImage(Grid.of2D(6, 1), new int[] {0, 0, 0, 0, 1, 1});
        ClassMaps z = RegionWiseMaps.create(Maps.frequencyBalanced()).compute(y, 2);
        assertThat(z.data(0)).containsExactly(-0.5f, -0.375f, -0.25f, -0.125f, 1f, 1f);
        assertThat(z.data(1)).containsExactly(0.5f, 0.5f, 0.5f, 0.5f, -0.5f, -1f);
    }

    /** Three classes with an absent one: n = (6, 2, 0, 1) on a 3x3 image; v = (1/6, 1/2, -, 1); the absent class 2 is +v_y. */
    @Test
    void weightsComeFromTheImagesLabelCountsAndAnAbsentClassIsTheScaledOutsideValue() {
        int[] lab = {0, 0, 0, 0, 1, 1, 0, 0, 3};
        LabelImage y = new LabelImage(Grid.of2D(3, 3), lab);
        assertThat(FrequencyBalancedRegionWiseMap.weights(lab, 4)).containsExactly(new double[] {1 / 6.0, 0.5, 0, 1}, within(1e-15));
        ClassMaps z = RegionWiseMaps.create(Maps.frequencyBalanced()).compute(y, 4);
        ClassMaps rrw = RegionWiseMaps.create(Maps.rectified()).compute(y, 4);
        double[] v = {1 / 6.0, 0.5, 0, 1};
        for (int i = 0; i < 9; i++) {
            for (int k = 0; k < 4; k++) {
                assertThat((double) z.get(k, i)).as("voxel %d class %d", i, k).isCloseTo(v[lab[i]] * rrw.get(k, i), within(1e-7));
            }
            assertThat((double) z.get(2, i)).isCloseTo(v[lab[i]], within(1e-7));
        }
    }

    @Test
    void oneClassImageIsPlainRrw() {
        LabelImage y = new LabelImage(Grid.of2D(4, 4), new int[16]);
        ClassMaps z = RegionWiseMaps.create(Maps.frequencyBalanced()).compute(y, 3);
        assertThat(z.data(0)).containsOnly(-1f);
        assertThat(z.data(1)).containsOnly(1f);
        assertThat(z.data(2)).containsOnly(1f);
    }

    static LongStream seeds() { return LongStream.range(300, 312); }

    /** Random 2D and 3D label images: values in [-1, 1] and the ground-truth class strictly smallest at every voxel. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keepsTheStabilityPrinciple(long seed) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(3);
        Grid g = seed % 2 == 0 ? Grid.of2D(9 + r.nextInt(8), 7 + r.nextInt(8)) : Grid.of(new int[] {6, 7, 5}, new double[] {1, 1, 2.5});
        int[] lab = new int[g.voxelCount()];
        for (int i = 0; i < lab.length; i++) lab[i] = r.nextDouble() < 0.7 ? 0 : 1 + r.nextInt(k - 1);
        LabelImage y = new LabelImage(g, lab);
        var map = RegionWiseMaps.create(Maps.frequencyBalanced());
        ClassMaps z = map.compute(y, k);
        StabilityReport report = StabilityDiagnostic.check(z, y, map);
        assertThat(report.stable()).as(report.toString()).isTrue();
        for (int c = 0; c < k; c++) for (float v : z.data(c)) assertThat(v).isBetween(-1f, 1f);
    }
}
