package org.regionwise.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

class HandComputedMetricsTest {

    /** A 2D image with a filled rectangle [x0, x1) × [y0, y1) of {@code label}. */
    static LabelImage rect2D(Grid g, int x0, int x1, int y0, int y1, int label) {
        int[] d = new int[g.voxelCount()];
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) d[g.index(x, y)] = label;
        return new LabelImage(g, d);
    }

    @Test
    void twoSquaresOffsetByThreeVoxelsAlongXHaveHausdorffThreeTimesSpacing() {
        Grid g = Grid.of(new int[] {20, 20}, new double[] {2.0, 0.5});
        LabelImage ref = rect2D(g, 4, 10, 4, 10, 1);
        LabelImage pred = rect2D(g, 7, 13, 4, 10, 1);
        assertThat(Metrics.hausdorff(pred, ref, 1)).isCloseTo(3 * 2.0, within(1e-12));
        // along y the same offset is 3 x 0.5 mm
        LabelImage predY = rect2D(g, 4, 10, 7, 13, 1);
        assertThat(Metrics.hausdorff(predY, ref, 1)).isCloseTo(3 * 0.5, within(1e-12));
    }

    @Test
    void diceOfOverlappingSquares() {
        Grid g = Grid.of2D(20, 20);
        LabelImage ref = rect2D(g, 4, 10, 4, 10, 1);  // 36 voxels
        LabelImage pred = rect2D(g, 7, 13, 4, 10, 1); // 36 voxels, 18 shared
        assertThat(Metrics.dice(pred, ref, 1)).isCloseTo(2.0 * 18 / 72, within(1e-15));
    }

    @Test
    void identicalMasksHaveZeroDistancesAndDiceOne() {
        Grid g = Grid.of(new int[] {12, 9}, new double[] {0.7, 1.3});
        LabelImage a = rect2D(g, 2, 7, 3, 8, 2);
        assertThat(Metrics.dice(a, a, 2)).isEqualTo(1.0);
        assertThat(Metrics.hausdorff(a, a, 2)).isZero();
        assertThat(Metrics.hausdorff95(a, a, 2)).isZero();
    }

    @Test
    void emptyMasksGiveNaNNeverZero() {
        Grid g = Grid.of2D(8, 8);
        LabelImage empty = LabelImage.zeros(g);
        LabelImage one = rect2D(g, 3, 4, 3, 4, 1);
        assertThat(Metrics.dice(empty, empty, 1)).isNaN();
        assertThat(Metrics.dice(empty, one, 1)).isZero();
        assertThat(Metrics.hausdorff(empty, one, 1)).isNaN();
        assertThat(Metrics.hausdorff(one, empty, 1)).isNaN();
        assertThat(Metrics.hausdorff95(empty, empty, 1)).isNaN();
    }

    @Test
    void mismatchedGridsAreRejectedNamingBothSizes() {
        LabelImage a = LabelImage.zeros(Grid.of2D(8, 8));
        LabelImage b = LabelImage.zeros(Grid.of2D(8, 9));
        assertThatThrownBy(() -> Metrics.dice(a, b, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8×8").hasMessageContaining("8×9");
    }
}
