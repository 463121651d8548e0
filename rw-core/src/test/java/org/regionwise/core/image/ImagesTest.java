package org.regionwise.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LabelImage, FloatImage, ClassMaps and slicing. */
class ImagesTest {

    @Test
    void sizeMismatchesNameBothSizes() {
        Grid g = Grid.of3D(2, 3, 4);
        assertThatThrownBy(() -> new LabelImage(g, new int[23])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size mismatch: 23 labels for grid 2×3×4 (24 voxels)");
        assertThatThrownBy(() -> new FloatImage(g, new float[25])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size mismatch: 25 values for grid 2×3×4 (24 voxels)");
        assertThatThrownBy(() -> new ClassMaps(g, new float[][] {new float[24], new float[3]}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size mismatch: class 1 map has 3 values for grid 2×3×4 (24 voxels)");
        assertThatThrownBy(() -> new ClassMaps(g, new float[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one class");
    }

    @Test
    void negativeLabelsAreRejectedNamingTheVoxel() {
        int[] v = new int[24];
        v[Grid.of3D(2, 3, 4).index(1, 2, 3)] = -1;
        assertThatThrownBy(() -> new LabelImage(Grid.of3D(2, 3, 4), v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label -1 at voxel (x=1, y=2, z=3) is negative");
    }

    @Test
    void labelsOutsideTheClassRangeAreNamed() {
        int[] v = {0, 1, 2, 5, 1, 0};
        LabelImage l = new LabelImage(Grid.of2D(3, 2), v);
        assertThat(l.requireClasses(6)).isSameAs(l);
        assertThatThrownBy(() -> l.requireClasses(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 5 at voxel (x=0, y=1) is outside [0, 3): K=3 is smaller than the largest label 5");
        assertThatThrownBy(() -> l.requireClasses(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void labelStatistics() {
        LabelImage l = new LabelImage(Grid.of2D(3, 2), new int[] {0, 1, 2, 2, 1, 2});
        assertThat(l.maxLabel()).isEqualTo(2);
        assertThat(l.histogram()).containsExactly(
                org.assertj.core.api.Assertions.entry(0, 1L), org.assertj.core.api.Assertions.entry(1, 2L),
                org.assertj.core.api.Assertions.entry(2, 3L));
        assertThat(l.classCounts(4)).containsExactly(1, 2, 3, 0);
        assertThat(l.classCounts(2)).containsExactly(1, 2);
        assertThat(l.mask(2)).containsExactly(false, false, true, true, false, true);
        assertThat(LabelImage.zeros(Grid.of2D(2, 2)).maxLabel()).isZero();
    }

    @Test
    void copiesAreDeep() {
        LabelImage l = new LabelImage(Grid.of2D(2, 1), new int[] {1, 2});
        LabelImage c = l.copy();
        c.data()[0] = 7;
        assertThat(l.get(0)).isEqualTo(1);
        FloatImage f = new FloatImage(Grid.of2D(2, 1), new float[] {1, 2});
        f.copy().data()[0] = 7;
        assertThat(f.get(0)).isEqualTo(1);
    }

    @Test
    void floatRangeIgnoresNan() {
        assertThat(new FloatImage(Grid.of2D(3, 1), new float[] {Float.NaN, -2, 5}).range()).containsExactly(-2, 5);
        assertThat(new FloatImage(Grid.of2D(1, 1), new float[] {Float.NaN}).range()[0]).isNaN();
    }

    @ParameterizedTest(name = "axis {0}")
    @ValueSource(ints = {0, 1, 2})
    void slicesMatchABruteForceOracle(int axis) {
        Grid g = Grid.of(new int[] {5, 4, 3}, new double[] {0.5, 0.75, 2.5});
        Random r = new Random(axis);
        float[] fv = new float[g.voxelCount()];
        int[] lv = new int[g.voxelCount()];
        for (int i = 0; i < fv.length; i++) {
            fv[i] = r.nextFloat();
            lv[i] = r.nextInt(4);
        }
        FloatImage f = new FloatImage(g, fv);
        LabelImage l = new LabelImage(g, lv);
        int[] other = axis == 0 ? new int[] {1, 2} : axis == 1 ? new int[] {0, 2} : new int[] {0, 1};
        for (int index = 0; index < g.size(axis); index++) {
            FloatImage fs = f.slice(axis, index);
            LabelImage ls = l.slice(axis, index);
            assertThat(fs.grid().sizes()).containsExactly(g.size(other[0]), g.size(other[1]));
            assertThat(fs.grid().spacings()).containsExactly(g.spacing(other[0]), g.spacing(other[1]));
            for (int v = 0; v < g.size(other[1]); v++) {
                for (int u = 0; u < g.size(other[0]); u++) {
                    int[] xyz = new int[3];
                    xyz[axis] = index;
                    xyz[other[0]] = u;
                    xyz[other[1]] = v;
                    assertThat(fs.get(u, v)).isEqualTo(f.get(xyz[0], xyz[1], xyz[2]));
                    assertThat(ls.get(u, v)).isEqualTo(l.get(xyz[0], xyz[1], xyz[2]));
                }
            }
        }
    }

    @Test
    void sliceArgumentsAreChecked() {
        FloatImage f = FloatImage.zeros(Grid.of3D(2, 3, 4));
        assertThatThrownBy(() -> f.slice(2, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice 4 is outside axis 2 of size 4");
        assertThatThrownBy(() -> f.slice(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis must be 0, 1 or 2, got 3");
        assertThatThrownBy(() -> FloatImage.zeros(Grid.of2D(2, 2)).slice(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a 3D image can be sliced");
    }

    @Test
    void classMapsInterleavingRoundTripsAndArgmaxTakesTheFirstOnTies() {
        Grid g = Grid.of2D(3, 1);
        ClassMaps m = new ClassMaps(g, new float[][] {{1, 0, 5}, {1, 2, -1}});
        float[] inter = m.toInterleavedChannelsLast();
        assertThat(inter).containsExactly(1, 1, 0, 2, 5, -1);
        ClassMaps back = ClassMaps.fromInterleavedChannelsLast(g, 2, inter);
        assertThat(back.data(0)).containsExactly(m.data(0));
        assertThat(back.data(1)).containsExactly(m.data(1));
        assertThat(m.argmax().data()).containsExactly(0, 1, 0);
        assertThat(m.range()).containsExactly(-1, 5);
        assertThat(m.map(1).data()).isSameAs(m.data(1));
        assertThatThrownBy(() -> ClassMaps.fromInterleavedChannelsLast(g, 2, new float[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 values for 3 voxels x 2 classes");
        assertThatThrownBy(() -> ClassMaps.zeros(g, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 1, got 0");
    }
}
