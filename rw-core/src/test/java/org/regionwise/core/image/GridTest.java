package org.regionwise.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridTest {

    @Test
    void indexIsXFastest() {
        Grid g = Grid.of3D(4, 3, 2);
        assertThat(g.index(0, 0, 0)).isZero();
        assertThat(g.index(1, 0, 0)).isEqualTo(1);
        assertThat(g.index(0, 1, 0)).isEqualTo(4);
        assertThat(g.index(0, 0, 1)).isEqualTo(12);
        assertThat(g.index(3, 2, 1)).isEqualTo(23);
        assertThat(g.voxelCount()).isEqualTo(24);
        assertThat(Grid.of2D(5, 3).index(4, 2)).isEqualTo(14);
    }

    @ParameterizedTest(name = "spacing {0}")
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void invalidSpacingIsRejectedNamingTheAxisAndValue(double bad) {
        assertThatThrownBy(() -> Grid.of(new int[] {2, 2, 2}, new double[] {1, bad, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voxel spacing must be finite and > 0 mm")
                .hasMessageContaining("axis 1 has " + bad);
    }

    @Test
    void emptyAndWrongShapes() {
        assertThatThrownBy(() -> Grid.of3D(4, 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 1 has 0").hasMessageContaining("the image is empty");
        assertThatThrownBy(() -> Grid.of(new int[] {3}, new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 or 3 axes, got 1");
        assertThatThrownBy(() -> Grid.of(new int[] {3, 3}, new double[] {1, 1, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spacing has 3 values but the grid has 2 axes");
        assertThatThrownBy(() -> Grid.of3D(100_000, 100_000, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one Java array can hold");
    }

    @Test
    void descriptionsAndEquality() {
        Grid g = Grid.of(new int[] {181, 217, 181}, new double[] {1, 1, 2.5});
        assertThat(g.describeSize()).isEqualTo("181×217×181");
        assertThat(g.describeSpacing()).isEqualTo("1×1×2.5 mm");
        assertThat(g).isEqualTo(Grid.of(new int[] {181, 217, 181}, new double[] {1, 1, 2.5}));
        assertThat(g).isNotEqualTo(g.withSpacing(new double[] {1, 1, 2}));
        assertThat(g.sameShape(g.withSpacing(new double[] {1, 1, 2}))).isTrue();
        assertThat(g.diagonalMm()).isCloseTo(Math.sqrt(181 * 181 + 217 * 217 + 452.5 * 452.5), within(1e-9));
    }

    @Test
    void requireSameShapeNamesBothSizes() {
        assertThatThrownBy(() -> Grid.of3D(2, 3, 4).requireSameShape(Grid.of3D(2, 3, 5), "labels vs image"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size mismatch (labels vs image): 2×3×4 vs 2×3×5");
    }

    @Test
    void arraysAreCopiedInAndOut() {
        int[] size = {2, 2};
        double[] spacing = {1, 1};
        Grid g = Grid.of(size, spacing);
        size[0] = 9;
        spacing[0] = 9;
        g.sizes()[1] = 9;
        g.spacings()[1] = 9;
        assertThat(g.sizes()).containsExactly(2, 2);
        assertThat(g.spacings()).containsExactly(1, 1);
    }

    @Test
    void unknownFrameHasSpacingOnTheSformDiagonal() {
        SpatialFrame f = Grid.of(new int[] {2, 2, 2}, new double[] {0.5, 2, 3}).frame();
        assertThat(f.qformCode()).isZero();
        assertThat(f.sformCode()).isZero();
        assertThat(f.srow()).containsExactly(0.5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0);
        assertThatThrownBy(() -> new SpatialFrame(0, 0, new double[2], new double[3], 1, new double[12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quaternion needs 3 values");
    }
}
