package org.regionwise.maps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.map.Maps;
import org.regionwise.core.map.RegionWiseMap;

class StabilityDiagnosticTest {
    private static final LabelImage LABELS = TestLabels.square7();

    @Test
    void rrwAndAcPass() {
        StabilityReport rrw = StabilityDiagnostic.check(RegionWiseMaps.create(Maps.rectified()), LABELS, 3);
        assertThat(rrw.stable()).isTrue();
        assertThat(rrw.violations()).isZero();
        assertThat(rrw.minMargin()).isCloseTo(1 + 1 / (2 * Math.sqrt(2)), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(rrw.boundedness()).isEqualTo(StabilityReport.Boundedness.UNIT_RANGE);
        assertThat(rrw.sizeGrowth()).isNaN();
        assertThat(rrw.summary()).startsWith("STABLE").contains("all 49 voxels").contains("[-1, 1]");
        assertThat(StabilityDiagnostic.check(RegionWiseMaps.create(Maps.activeContour()), LABELS, 3).stable()).isTrue();
    }

    @Test
    void boundaryMapsKeepTheOrderingButGrowWithSize() {
        StabilityReport r = StabilityDiagnostic.check(RegionWiseMaps.create(Maps.boundary()), LABELS, 3);
        assertThat(r.orderingHolds()).isTrue();
        assertThat(r.stable()).isFalse();
        assertThat(r.boundedness()).isEqualTo(StabilityReport.Boundedness.GROWS_WITH_SIZE);
        assertThat(r.sizeGrowth()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.3));
        assertThat(r.summary()).startsWith("UNSTABLE").contains("unbounded");
        // without the map, the diagnostic cannot tell: it says so
        StabilityReport plain = StabilityDiagnostic.check(RegionWiseMaps.create(Maps.boundary()).compute(LABELS, 3), LABELS);
        assertThat(plain.boundedness()).isEqualTo(StabilityReport.Boundedness.UNKNOWN);
        assertThat(plain.stable()).isFalse();
        assertThat(plain.summary()).contains("not tested");
    }

    @Test
    void aBoundedMapOutsideTheUnitRangeIsRecognised() {
        RegionWiseMap twice = new WeightedMap(java.util.List.of(new WeightedMap.Term(2, new RectifiedRegionWiseMap())));
        StabilityReport r = StabilityDiagnostic.check(twice, LABELS, 3);
        assertThat(r.boundedness()).isEqualTo(StabilityReport.Boundedness.SIZE_INDEPENDENT);
        assertThat(r.stable()).isTrue();
        assertThat(r.max()).isEqualTo(2.0);
    }

    @Test
    void aBrokenMapFails() {
        // Y instead of 1 - Y: the true class holds the largest value
        RegionWiseMap broken = (labels, classes) -> {
            ClassMaps z = new ActiveContourMap().compute(labels, classes);
            for (int k = 0; k < classes; k++) {
                float[] d = z.data(k);
                for (int i = 0; i < d.length; i++) d[i] = 1 - d[i];
            }
            return z;
        };
        StabilityReport r = StabilityDiagnostic.check(broken, LABELS, 3);
        assertThat(r.violations()).isEqualTo(49);
        assertThat(r.minMargin()).isEqualTo(-1.0);
        assertThat(r.stable()).isFalse();
        assertThat(r.summary()).startsWith("UNSTABLE").contains("49 of 49 voxels").contains("(x=0, y=0)");
        // a tie is a violation too
        StabilityReport tie = StabilityDiagnostic.check(ClassMaps.zeros(LABELS.grid(), 3), LABELS);
        assertThat(tie.violations()).isEqualTo(49);
        assertThat(tie.minMargin()).isZero();
    }

    @Test
    void nonFiniteValuesAreReported() {
        ClassMaps z = RegionWiseMaps.create(Maps.rectified()).compute(LABELS, 3);
        z.data(2)[5] = Float.NaN;
        StabilityReport r = StabilityDiagnostic.check(z, LABELS);
        assertThat(r.nonFinite()).isEqualTo(1);
        assertThat(r.boundedness()).isEqualTo(StabilityReport.Boundedness.NON_FINITE);
        assertThat(r.violations()).isEqualTo(1);
        assertThat(r.stable()).isFalse();
    }
}
