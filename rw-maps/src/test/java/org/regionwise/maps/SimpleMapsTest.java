package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.MapSpec;
import org.regionwise.core.map.Maps;
import org.regionwise.core.map.RegionWiseMap;

/** Active contour, class-balanced, weighted and custom maps. */
class SimpleMapsTest {
    static LongStream seeds() { return LongStream.range(200, 216); }

    @Test
    void activeContourIsOneMinusY() {
        ClassMaps z = RegionWiseMaps.create(Maps.activeContour()).compute(TestLabels.square7(), 3);
        int[] y = TestLabels.square7().data();
        for (int i = 0; i < 49; i++) {
            for (int k = 0; k < 3; k++) assertThat(z.get(k, i)).isEqualTo(y[i] == k ? 0f : 1f);
        }
        assertThat(z.data(2)).containsOnly(1f);
        StabilityReport r = StabilityDiagnostic.check(z, TestLabels.square7());
        assertThat(r.stable()).isTrue();
        assertThat(r.minMargin()).isEqualTo(1.0);
    }

    @Test
    void classBalancedUsesOutsideValuesPerClass() {
        int[] y = new int[49];
        for (int j = 2; j <= 4; j++) for (int i = 2; i <= 4; i++) y[i + 7 * j] = 1;
        LabelImage labels = new LabelImage(Grid.of2D(7, 7), y);
        ClassMaps z = RegionWiseMaps.create(Maps.classBalanced(0.95, 0.05)).compute(labels, 2);
        ClassMaps rrw = RegionWiseMaps.create(Maps.rectified()).compute(labels, 2);
        for (int i = 0; i < 49; i++) {
            assertThat(z.get(0, i)).isEqualTo(y[i] == 0 ? rrw.get(0, i) : 0.95f);
            assertThat(z.get(1, i)).isEqualTo(y[i] == 1 ? rrw.get(1, i) : 0.05f);
        }
        assertThat(StabilityDiagnostic.check(z, labels).stable()).isTrue();
        // absent class: all its outside value; full class: -1
        ClassMaps allBg = RegionWiseMaps.create(Maps.classBalanced(0.95, 0.05)).compute(LabelImage.zeros(Grid.of2D(5, 4)), 2);
        assertThat(allBg.data(0)).containsOnly(-1f);
        assertThat(allBg.data(1)).containsOnly(0.05f);
    }

    @Test
    void classBalancedNeedsOneValuePerClass() {
        assertThatThrownBy(() -> RegionWiseMaps.create(Maps.classBalanced(0.95, 0.05)).compute(TestLabels.square7(), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 outside values").hasMessageContaining("K=3");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void classBalancedAndAcInvariants(long seed) {
        int classes = 2 + (int) (seed % 3);
        LabelImage labels = TestLabels.randomBlobs(seed, classes, seed % 2 == 0);
        double[] w = new double[classes];
        for (int k = 0; k < classes; k++) w[k] = 0.1 + 0.8 * k / classes;
        ClassMaps cb = RegionWiseMaps.create(Maps.classBalanced(w)).compute(labels, classes);
        StabilityReport r = StabilityDiagnostic.check(cb, labels);
        assertThat(r.stable()).as(r.summary()).isTrue();
        assertThat(r.min()).isGreaterThanOrEqualTo(-1);
        assertThat(r.max()).isLessThanOrEqualTo(0.9);
        assertThat(StabilityDiagnostic.check(RegionWiseMaps.create(Maps.activeContour()).compute(labels, classes), labels).stable()).isTrue();
    }

    @Test
    void weightedMapIsTheWeightedSum() {
        LabelImage labels = TestLabels.square7();
        ClassMaps rrw = RegionWiseMaps.create(Maps.rectified()).compute(labels, 3);
        ClassMaps ac = RegionWiseMaps.create(Maps.activeContour()).compute(labels, 3);
        ClassMaps z = RegionWiseMaps.create(Maps.weighted(0.7, Maps.rectified(), 0.3, Maps.activeContour())).compute(labels, 3);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 49; i++) {
                assertThat(z.get(k, i)).isCloseTo(0.7f * rrw.get(k, i) + 0.3f * ac.get(k, i), within(1e-6f));
            }
        }
        assertThat(StabilityDiagnostic.check(z, labels).stable()).isTrue();
    }

    @Test
    void customMapDelegatesAndIsChecked() {
        RegionWiseMap ac = new ActiveContourMap();
        RegionWiseMap custom = RegionWiseMaps.create(Maps.custom("mine", ac));
        assertThat(custom.compute(TestLabels.square7(), 3).data(1)).containsExactly(ac.compute(TestLabels.square7(), 3).data(1));
        RegionWiseMap wrongK = RegionWiseMaps.create(Maps.custom("broken", (l, k) -> ClassMaps.zeros(l.grid(), k + 1)));
        assertThatThrownBy(() -> wrongK.compute(TestLabels.square7(), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'broken'").hasMessageContaining("4 class maps");
        RegionWiseMap wrongGrid = RegionWiseMaps.create(Maps.custom("tiny", (l, k) -> ClassMaps.zeros(Grid.of2D(2, 2), k)));
        assertThatThrownBy(() -> wrongGrid.compute(TestLabels.square7(), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2×2");
    }

    @Test
    void everySpecHasAnImplementation() {
        List<MapSpec> specs = List.of(Maps.rectified(), Maps.boundary(), Maps.boundaryKervadec(), Maps.activeContour(),
                Maps.classBalanced(0.5, 0.5, 0.5), Maps.unetBorder(), Maps.weighted(1, Maps.rectified(), 1, Maps.activeContour()),
                Maps.custom("ac", new ActiveContourMap()));
        for (MapSpec s : specs) {
            ClassMaps z = RegionWiseMaps.create(s).compute(TestLabels.square7(), 3);
            assertThat(z.classes()).as(s.id()).isEqualTo(3);
            assertThat(z.grid()).isEqualTo(TestLabels.square7().grid());
        }
    }
}
