package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.Maps;
import org.regionwise.maps.distance.EuclideanDistanceTransform;

class UNetBorderMapTest {
    private static final UNetBorderMap MAP = new UNetBorderMap(10, 5, EuclideanDistanceTransform.create());

    static LongStream seeds() { return LongStream.range(300, 312); }

    @Test
    void twoObjectsOnALine() {
        // 9x1: objects at x = 2 (label 1) and x = 6 (label 2); background elsewhere
        int[] y = {0, 0, 1, 0, 0, 0, 2, 0, 0};
        LabelImage labels = new LabelImage(Grid.of2D(9, 1), y);
        double[] w = MAP.weights(labels, 3);
        // w_c = N / (P n_c) = 9 / (3 * 7) for background, 9 / 3 for each object
        double wb = 9.0 / 21, wo = 3.0;
        assertThat(w[2]).isCloseTo(wo, within(1e-12));
        assertThat(w[6]).isCloseTo(wo, within(1e-12));
        // background x = 4: d1 = 2, d2 = 2; x = 0: d1 = 2, d2 = 6
        assertThat(w[4]).isCloseTo(wb + 10 * Math.exp(-16.0 / 50), within(1e-6));
        assertThat(w[0]).isCloseTo(wb + 10 * Math.exp(-64.0 / 50), within(1e-6));
        ClassMaps z = MAP.compute(labels, 3);
        double max = Arrays.stream(w).max().orElseThrow();
        for (int i = 0; i < 9; i++) {
            for (int k = 0; k < 3; k++) {
                double e = y[i] == k ? -w[i] / max : 1;
                assertThat((double) z.get(k, i)).isCloseTo(e, within(1e-6));
            }
        }
        assertThat(StabilityDiagnostic.check(z, labels).stable()).isTrue();
    }

    @Test
    void oneObjectHasNoBorderTerm() {
        LabelImage labels = TestLabels.square7();
        double[] w = MAP.weights(labels, 2);
        for (int i = 0; i < 49; i++) assertThat(w[i]).isCloseTo(labels.get(i) == 1 ? 49.0 / 18 : 49.0 / 80, within(1e-12));
        // inside the square -w/max = -1 (the rarer class has the larger weight), background -(49/80)/(49/18)
        ClassMaps z = MAP.compute(labels, 2);
        assertThat(z.get(1, 24)).isEqualTo(-1f);
        assertThat((double) z.get(0, 0)).isCloseTo(-18.0 / 80, within(1e-6));
    }

    @Test
    void classCoveringTheImageIsMinusOne() {
        ClassMaps z = MAP.compute(LabelImage.zeros(Grid.of3D(3, 4, 5)), 2);
        assertThat(z.data(0)).containsOnly(-1f);
        assertThat(z.data(1)).containsOnly(1f);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void matchesBruteForceAndIsStable(long seed) {
        int classes = 3;
        LabelImage labels = TestLabels.randomBlobs(seed, classes, seed % 2 == 0);
        int[] y = labels.data();
        int[] size = labels.grid().sizes();
        int n = y.length;
        // brute force: components by flood fill are trusted from ConnectedComponentsTest; distances by brute force
        boolean[] fg = new boolean[n];
        for (int i = 0; i < n; i++) fg[i] = y[i] != 0;
        int[] comp = org.regionwise.maps.internal.ConnectedComponents.label(fg, size);
        int count = org.regionwise.maps.internal.ConnectedComponents.count(comp);
        double[] w = MAP.weights(labels, classes);
        long[] counts = labels.classCounts(classes);
        int present = (int) Arrays.stream(counts).filter(c -> c > 0).count();
        for (int i = 0; i < n; i++) {
            double e = (double) n / (present * counts[y[i]]);
            if (y[i] == 0 && count >= 2) {
                double[] d = new double[count];
                Arrays.fill(d, Double.POSITIVE_INFINITY);
                for (int j = 0; j < n; j++) {
                    if (comp[j] == 0) continue;
                    d[comp[j] - 1] = Math.min(d[comp[j] - 1], distance(i, j, size));
                }
                Arrays.sort(d);
                e += 10 * Math.exp(-(d[0] + d[1]) * (d[0] + d[1]) / 50);
            }
            assertThat(w[i]).as("voxel %d", i).isCloseTo(e, within(1e-5 * e));
        }
        StabilityReport r = StabilityDiagnostic.check(RegionWiseMaps.create(Maps.unetBorder()).compute(labels, classes), labels);
        assertThat(r.stable()).as(r.summary()).isTrue();
        assertThat(r.boundedness()).isEqualTo(StabilityReport.Boundedness.UNIT_RANGE);
    }

    private static double distance(int i, int j, int[] size) {
        double s = 0;
        for (int a = 0; a < size.length; a++) {
            double t = i % size[a] - j % size[a];
            i /= size[a];
            j /= size[a];
            s += t * t;
        }
        return Math.sqrt(s);
    }
}
