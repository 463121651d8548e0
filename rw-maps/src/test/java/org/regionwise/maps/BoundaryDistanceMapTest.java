package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.BoundaryVariant;
import org.regionwise.core.map.DistanceUnits;
import org.regionwise.core.map.Maps;
import org.regionwise.maps.distance.BruteForceEdt;
import org.regionwise.maps.distance.EuclideanDistanceTransform;

class BoundaryDistanceMapTest {
    private static final EuclideanDistanceTransform EDT = EuclideanDistanceTransform.create();

    static LongStream seeds() { return LongStream.range(100, 124); }

    @Test
    void sevenBySevenBothVariants() {
        LabelImage labels = TestLabels.square7();
        ClassMaps paper = RegionWiseMaps.create(Maps.boundary()).compute(labels, 3);
        ClassMaps kerv = new BoundaryDistanceMap(BoundaryVariant.KERVADEC, DistanceUnits.VOXELS, EDT).compute(labels, 3);
        int centre = 3 + 7 * 3, ring = 2 + 7 * 3, corner = 0, edge = 3 + 7;
        // class 1: inside -d_in (paper) / 1 - d_in (Kervadec); outside the distance to the square
        assertThat(paper.get(1, centre)).isEqualTo(-2f);
        assertThat(paper.get(1, ring)).isEqualTo(-1f);
        assertThat(kerv.get(1, centre)).isEqualTo(-1f);
        assertThat(kerv.get(1, ring)).isEqualTo(0f);
        assertThat((double) paper.get(1, corner)).isCloseTo(2 * Math.sqrt(2), within(1e-6));
        assertThat(paper.get(1, edge)).isEqualTo(1f);
        assertThat(kerv.get(1, edge)).isEqualTo(1f);
        // absent class 2: all 0 in both variants (not the paper code's stale map)
        assertThat(paper.data(2)).containsOnly(0f);
        assertThat(kerv.data(2)).containsOnly(0f);
        // background: outside (the square) positive distance to background, inside -d to the square
        assertThat(paper.get(0, centre)).isEqualTo(2f);
        assertThat((double) paper.get(0, corner)).isCloseTo(-2 * Math.sqrt(2), within(1e-6));
        assertThat((double) kerv.get(0, corner)).isCloseTo(1 - 2 * Math.sqrt(2), within(1e-6));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void kervadecMatchesItsFormulaWithAnisotropicSpacing(long seed) {
        int classes = 2 + (int) (seed % 3);
        LabelImage labels = TestLabels.randomBlobs(seed, classes, seed % 2 == 0);
        Grid g = labels.grid();
        double[] spacing = g.spacings();
        ClassMaps z = RegionWiseMaps.create(Maps.boundaryKervadec()).compute(labels, classes);
        ClassMaps paper = RegionWiseMaps.create(new org.regionwise.core.map.MapSpec.Boundary(
                BoundaryVariant.REGION_WISE_PAPER, DistanceUnits.PHYSICAL)).compute(labels, classes);
        int[] y = labels.data();
        for (int k = 0; k < classes; k++) {
            boolean[] pos = new boolean[y.length];
            boolean[] neg = new boolean[y.length];
            boolean any = false, all = true;
            for (int i = 0; i < y.length; i++) {
                pos[i] = y[i] == k;
                neg[i] = !pos[i];
                any |= pos[i];
                all &= pos[i];
            }
            if (!any) {
                assertThat(z.data(k)).containsOnly(0f);
                continue;
            }
            if (all) {
                assertThat(z.data(k)).containsOnly(0f);
                assertThat(paper.data(k)).containsOnly(-1f);
                continue;
            }
            double[] distNeg = BruteForceEdt.squared(neg, g.sizes(), spacing);   // distance of neg voxels to pos
            double[] distPos = BruteForceEdt.squared(pos, g.sizes(), spacing);
            for (int i = 0; i < y.length; i++) {
                // one_hot2dist: dist(negmask) * negmask - (dist(posmask) - 1) * posmask
                double e = Math.sqrt(distNeg[i]) * (neg[i] ? 1 : 0) - (Math.sqrt(distPos[i]) - 1) * (pos[i] ? 1 : 0);
                assertThat((double) z.get(k, i)).as("class %d voxel %d", k, i).isCloseTo(e, within(1e-5 * Math.max(1, Math.abs(e))));
                double ep = Math.sqrt(distNeg[i]) * (neg[i] ? 1 : 0) - Math.sqrt(distPos[i]) * (pos[i] ? 1 : 0);
                assertThat((double) paper.get(k, i)).isCloseTo(ep, within(1e-5 * Math.max(1, Math.abs(ep))));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void paperVariantKeepsTheOrderingButIsUnbounded(long seed) {
        int classes = 3;
        LabelImage labels = TestLabels.randomBlobs(seed, classes, seed % 2 == 1);
        StabilityReport r = StabilityDiagnostic.check(RegionWiseMaps.create(Maps.boundary()), labels, classes);
        // the paper's variant is <= -1 on the true class and >= 0 elsewhere (0 for absent classes)
        assertThat(r.orderingHolds()).as(r.summary()).isTrue();
        assertThat(r.minMargin()).isGreaterThanOrEqualTo(1.0 - 1e-6);
        if (r.max() > 1 || r.min() < -1) {
            assertThat(r.boundedness()).isEqualTo(StabilityReport.Boundedness.GROWS_WITH_SIZE);
            assertThat(r.stable()).isFalse();
        }
    }

    @Test
    void classCoveringTheImage() {
        LabelImage full = new LabelImage(Grid.of2D(4, 3), new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        assertThat(RegionWiseMaps.create(Maps.boundary()).compute(full, 2).data(1)).containsOnly(-1f);
        assertThat(RegionWiseMaps.create(Maps.boundary()).compute(full, 2).data(0)).containsOnly(0f);
        assertThat(RegionWiseMaps.create(Maps.boundaryKervadec()).compute(full, 2).data(1)).containsOnly(0f);
    }
}
