package org.regionwise.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Empty, full and one-voxel masks under every empty-mask policy. */
class EmptyMaskPolicyTest {
    static final Grid G = Grid.of(new int[] {6, 5, 4}, new double[] {1.0, 2.0, 3.0});
    static final EnumSet<Metric> DISTANCES = EnumSet.of(Metric.HAUSDORFF, Metric.HAUSDORFF95,
            Metric.AVERAGE_SURFACE_DISTANCE, Metric.AVERAGE_SYMMETRIC_SURFACE_DISTANCE);

    static LabelImage oneVoxel(int x, int y, int z) {
        int[] d = new int[G.voxelCount()];
        d[G.index(x, y, z)] = 1;
        return new LabelImage(G, d);
    }

    static LabelImage full() {
        int[] d = new int[G.voxelCount()];
        java.util.Arrays.fill(d, 1);
        return new LabelImage(G, d);
    }

    static EvaluationOptions options(EmptyMaskPolicy p) {
        EvaluationOptions o = EvaluationOptions.defaults();
        return p == EmptyMaskPolicy.FIXED ? o.withFixedEmptyValue(123.0) : o.withEmptyPolicy(p);
    }

    @ParameterizedTest
    @EnumSource(EmptyMaskPolicy.class)
    void missedStructureIsNeverASilentZeroOrASilentDrop(EmptyMaskPolicy policy) {
        LabelImage empty = LabelImage.zeros(G);
        LabelImage ref = oneVoxel(2, 2, 2);
        CaseEvaluation e = Metrics.evaluate("c", empty, ref, new int[] {1}, options(policy));
        assertThat(e.value(1, Metric.DICE)).isZero();
        assertThat(e.value(1, Metric.SURFACE_DICE)).isZero();
        assertThat(e.value(1, Metric.RECALL)).isZero();
        assertThat(e.get(1, Metric.PRECISION).isDefined()).isFalse();
        assertThat(e.get(1, Metric.PRECISION).note()).contains("prediction is empty");
        for (Metric m : DISTANCES) {
            switch (policy) {
                case NAN -> {
                    assertThat(e.value(1, m)).isNaN();
                    assertThat(e.get(1, m).note()).contains("prediction is empty for label 1").contains("reference has 1 voxels");
                }
                case INFINITY -> assertThat(e.value(1, m)).isEqualTo(Double.POSITIVE_INFINITY);
                case DIAGONAL -> assertThat(e.value(1, m)).isCloseTo(Math.sqrt(36 + 100 + 144), within(1e-12));
                case FIXED -> assertThat(e.value(1, m)).isEqualTo(123.0);
                case SKIP -> {
                    assertThat(e.find(1, m)).isEmpty();
                    assertThat(e.skipped()).containsKey(new MetricId("c", 1, m));
                    assertThatThrownBy(() -> e.get(1, m)).hasMessageContaining("skipped");
                }
            }
            if (policy != EmptyMaskPolicy.NAN && policy != EmptyMaskPolicy.SKIP) {
                assertThat(e.get(1, m).note()).contains("by empty-mask policy " + policy);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EmptyMaskPolicy.class)
    void bothEmptyIsUndefinedUnderEveryPolicyButSkip(EmptyMaskPolicy policy) {
        LabelImage empty = LabelImage.zeros(G);
        CaseEvaluation e = Metrics.evaluate("c", empty, empty, new int[] {1}, options(policy));
        assertThat(e.value(1, Metric.DICE)).isNaN();
        assertThat(e.get(1, Metric.DICE).note()).contains("both empty");
        assertThat(e.value(1, Metric.IOU)).isNaN();
        assertThat(e.value(1, Metric.SURFACE_DICE)).isNaN();
        assertThat(e.value(1, Metric.ABSOLUTE_VOLUME_DIFFERENCE)).isZero();
        for (Metric m : DISTANCES) {
            if (policy == EmptyMaskPolicy.SKIP) assertThat(e.skipped().get(new MetricId("c", 1, m))).contains("both empty");
            else assertThat(e.get(1, m).note()).contains("both empty");
            if (policy != EmptyMaskPolicy.SKIP) assertThat(e.value(1, m)).isNaN();
        }
    }

    @Test
    void hallucinatedStructureFollowsThePolicyToo() {
        CaseEvaluation e = Metrics.evaluate("c", oneVoxel(1, 1, 1), LabelImage.zeros(G), new int[] {1},
                EvaluationOptions.defaults().withEmptyPolicy(EmptyMaskPolicy.INFINITY));
        assertThat(e.value(1, Metric.HAUSDORFF)).isInfinite();
        assertThat(e.get(1, Metric.HAUSDORFF).note()).contains("reference is empty");
        assertThat(e.get(1, Metric.RECALL).isDefined()).isFalse();
        assertThat(e.get(1, Metric.RELATIVE_VOLUME_DIFFERENCE).isDefined()).isFalse();
        assertThat(e.value(1, Metric.PRECISION)).isZero();
    }

    @Test
    void oneVoxelMasksAreTheirOwnSurface() {
        // (1,1,1) and (4,3,2): offsets 3, 2, 1 voxels → sqrt(9*1 + 4*4 + 1*9) mm
        double d = Math.sqrt(9 + 16 + 9);
        CaseEvaluation e = Metrics.evaluate("c", oneVoxel(1, 1, 1), oneVoxel(4, 3, 2), new int[] {1});
        assertThat(e.value(1, Metric.HAUSDORFF)).isCloseTo(d, within(1e-12));
        assertThat(e.value(1, Metric.HAUSDORFF95)).isCloseTo(d, within(1e-12));
        assertThat(e.value(1, Metric.AVERAGE_SYMMETRIC_SURFACE_DISTANCE)).isCloseTo(d, within(1e-12));
        assertThat(e.value(1, Metric.DICE)).isZero();
        assertThat(e.value(1, Metric.ABSOLUTE_VOLUME_DIFFERENCE)).isZero();
    }

    @Test
    void fullMaskHasItsSurfaceOnTheImageBorderAsInMedpy() {
        // a full mask is eroded from the border (SciPy border_value=0): its surface is the outer layer of the image.
        // Against a one-voxel reference in the middle the farthest surface voxel is a corner.
        LabelImage ref = oneVoxel(2, 2, 1);
        SurfaceDistances sd = SurfaceDistances.compute(full(), ref, 1);
        int interior = (6 - 2) * (5 - 2) * (4 - 2);
        assertThat(sd.predictionSurfaceVoxels()).isEqualTo(6 * 5 * 4 - interior);
        double corner = Math.sqrt(Math.pow(3 * 1.0, 2) + Math.pow(2 * 2.0, 2) + Math.pow(2 * 3.0, 2)); // (5,4,3)
        assertThat(sd.hausdorff()).isCloseTo(corner, within(1e-12));
        CaseEvaluation e = Metrics.evaluate("c", full(), full(), new int[] {1});
        assertThat(e.value(1, Metric.HAUSDORFF)).isZero();
        assertThat(e.value(1, Metric.DICE)).isEqualTo(1.0);
    }

    @Test
    void singleSliceVolumeIsAllSurfaceLikeScipyIn3D() {
        Grid flat = Grid.of(new int[] {5, 5, 1}, new double[] {1, 1, 1});
        int[] d = new int[25];
        java.util.Arrays.fill(d, 1);
        SurfaceDistances sd = SurfaceDistances.compute(new LabelImage(flat, d), new LabelImage(flat, d.clone()), 1);
        assertThat(sd.predictionSurfaceVoxels()).isEqualTo(25);
    }

    @Test
    void optionsRejectBadValuesWithTheValueInTheMessage() {
        assertThatThrownBy(() -> EvaluationOptions.defaults().withFixedEmptyValue(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> EvaluationOptions.defaults().withConnectivity(4)).hasMessageContaining("4");
        assertThatThrownBy(() -> Metrics.evaluate("c2d", LabelImage.zeros(Grid.of2D(4, 4)), LabelImage.zeros(Grid.of2D(4, 4)),
                new int[] {1}, EvaluationOptions.defaults().withConnectivity(3))).hasMessageContaining("connectivity 3")
                .hasMessageContaining("c2d");
        assertThatThrownBy(() -> Metrics.evaluate("c", full(), full(), new int[] {1, 1})).hasMessageContaining("twice");
        assertThatThrownBy(() -> Metrics.evaluate("c", full(), full(), new int[] {})).hasMessageContaining("no class labels");
    }

    @Test
    void spacingComesFromTheReference() {
        Grid other = Grid.of(new int[] {6, 5, 4}, new double[] {9, 9, 9});
        int[] a = new int[G.voxelCount()];
        a[G.index(1, 1, 1)] = 1;
        int[] b = new int[G.voxelCount()];
        b[G.index(3, 1, 1)] = 1;
        assertThat(Metrics.hausdorff(new LabelImage(other, a), new LabelImage(G, b), 1)).isCloseTo(2.0, within(1e-12));
        assertThat(Metrics.hausdorff(new LabelImage(G, a), new LabelImage(other, b), 1)).isCloseTo(18.0, within(1e-12));
    }

    @Test
    void overlapMetricsOnAHandCase() {
        // pred: 2 voxels, ref: 3 voxels, 1 shared; voxel volume 6 mm³
        int[] p = new int[G.voxelCount()];
        int[] r = new int[G.voxelCount()];
        p[0] = 1;
        p[1] = 1;
        r[1] = 1;
        r[2] = 1;
        r[3] = 1;
        CaseEvaluation e = Metrics.evaluate("c", new LabelImage(G, p), new LabelImage(G, r), new int[] {1});
        assertThat(e.value(1, Metric.DICE)).isCloseTo(2.0 / 5, within(1e-15));
        assertThat(e.value(1, Metric.IOU)).isCloseTo(1.0 / 4, within(1e-15));
        assertThat(e.value(1, Metric.PRECISION)).isCloseTo(1.0 / 2, within(1e-15));
        assertThat(e.value(1, Metric.RECALL)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(e.value(1, Metric.ABSOLUTE_VOLUME_DIFFERENCE)).isCloseTo(6.0, within(1e-12));
        assertThat(e.value(1, Metric.RELATIVE_VOLUME_DIFFERENCE)).isCloseTo(-1.0 / 3, within(1e-15));
    }
}
