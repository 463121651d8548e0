package org.regionwise.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.backend.Sample;

class Colin27Test {

    private static void requireTemplates() {
        Assumptions.assumeTrue(Colin27.available(Colin27.DEFAULT_DIRECTORY),
                "Colin27 templates missing in /usr/share/mricron/templates: install the Debian package mricron-data (CI does)");
    }

    @Test
    void subcorticalTaskHasFiveClassesOnForegroundSlicesSplitBySlabs() {
        requireTemplates();
        SplitDataset d = Colin27.load(Colin27.Task.SUBCORTICAL, Colin27.Options.defaults());
        assertThat(d.classNames()).containsExactly("background", "caudate", "putamen", "pallidum", "thalamus");
        List<Sample> all = new ArrayList<>(d.training());
        all.addAll(d.validation());
        all.addAll(d.test());
        // AAL 71-78 span axial slices z = 59..97: 39 slices, minus the gap slices
        assertThat(all.size()).isBetween(30, 39);
        assertThat(d.test()).isNotEmpty();
        assertThat(d.validation()).isNotEmpty();
        for (Sample s : all) {
            assertThat(s.image().grid().sizes()).containsExactly(181, 217);
            assertThat(s.labels().maxLabel()).isPositive();
        }
        // every class appears in training
        long[] counts = new long[5];
        for (Sample s : d.training()) {
            long[] c = s.labels().classCounts(5);
            for (int k = 0; k < 5; k++) counts[k] += c[k];
        }
        for (int k = 0; k < 5; k++) assertThat(counts[k]).as("class %d", k).isPositive();
        // no training slice is adjacent to a test or validation slice
        for (Sample t : d.training()) {
            int z = sliceOf(t);
            for (Sample o : d.test()) assertThat(Math.abs(sliceOf(o) - z)).isGreaterThan(1);
            for (Sample o : d.validation()) assertThat(Math.abs(sliceOf(o) - z)).isGreaterThan(1);
        }
        assertThat(d.description()).contains("mricron-data", "contiguous slabs");
    }

    @Test
    void brainTaskIsBinaryWithNormalisedHeadIntensities() {
        requireTemplates();
        SplitDataset d = Colin27.load(Colin27.Task.BRAIN, Colin27.Options.defaults());
        assertThat(d.classes()).isEqualTo(2);
        assertThat(d.training().size() + d.validation().size() + d.test().size()).isBetween(120, 181);
        double[] f = SplitDataset.classFractions(d.training(), 2);
        assertThat(f[1]).isBetween(0.1, 0.5);
        assertThat(d.normalization()).isEqualTo(IntensityNormalization.zScoreNonZero());
    }

    @Test
    void missingPackageSaysHowToInstallIt(@TempDir Path empty) {
        Colin27.Options o = new Colin27.Options(empty, 2, new SlabSplit(5, 1), true);
        assertThatThrownBy(() -> Colin27.load(Colin27.Task.BRAIN, o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ch2.nii.gz").hasMessageContaining("apt-get install mricron-data");
    }

    @Test
    void aalLabelsMergeLeftAndRight() {
        assertThat(Colin27.subcortical(71)).isEqualTo(1);
        assertThat(Colin27.subcortical(72)).isEqualTo(1);
        assertThat(Colin27.subcortical(74)).isEqualTo(2);
        assertThat(Colin27.subcortical(75)).isEqualTo(3);
        assertThat(Colin27.subcortical(78)).isEqualTo(4);
        assertThat(Colin27.subcortical(70)).isZero();
        assertThat(Colin27.subcortical(79)).isZero();
    }

    private static int sliceOf(Sample s) { return Integer.parseInt(s.id().substring(s.id().lastIndexOf('z') + 1)); }
}
