package org.regionwise.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.map.Maps;
import org.regionwise.maps.RegionWiseMaps;
import org.regionwise.training.conformance.SyntheticData;

/** Gradient diagnostics on a network forced to predict background, against the RW gradient written out by hand. */
class GradientDiagnosticsTest {

    @Test
    void rrwGradientNormsMatchTheClosedFormAndLowProbabilitiesAreCounted() {
        SyntheticData data = new SyntheticData(1, 32, 3, 7);
        Sample s = data.validation().get(0);
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 1, 3, 2, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1);
        List<GradientDiagnostics.ClassDiagnostics> d = new GradientDiagnostics(Losses.rectifiedRegionWise(), 3)
                .measure(new BackgroundEngine.Net(spec), List.of(s), 0);

        // the network's softmax: p = (0.999, 0.0005, 0.0005) everywhere; dL/ds_ik = p_k (z_k - sum_j p_j z_j) / (N K)
        ClassMaps z = RegionWiseMaps.create(Maps.rectified()).compute(s.labels(), 3);
        int n = s.labels().data().length;
        // softmax(ln p) renormalises the float probabilities; the background's z_0 - zbar cancels to ~1e-3, so use them exactly
        double sum = (double) 0.999f + 0.0005f + 0.0005f;
        double[] p = {0.999f / sum, 0.0005f / sum, 0.0005f / sum};
        double[] sq = new double[3];
        long[] count = new long[3];
        for (int i = 0; i < n; i++) {
            double zbar = 0;
            for (int k = 0; k < 3; k++) zbar += p[k] * z.get(k, i);
            int y = s.labels().data()[i];
            for (int k = 0; k < 3; k++) {
                double g = p[k] * (z.get(k, i) - zbar) / (n * 3.0);
                sq[y] += g * g;
            }
            count[y]++;
        }
        for (int c = 0; c < 3; c++) {
            GradientDiagnostics.ClassDiagnostics cd = d.get(c);
            assertThat(cd.classIndex()).isEqualTo(c);
            assertThat(cd.voxels()).isEqualTo(count[c]).isPositive();
            assertThat(cd.gradientNorm()).as("class %d", c).isCloseTo(Math.sqrt(sq[c]), within(1e-6 * Math.sqrt(sq[c])));
            assertThat(cd.meanProbability()).isCloseTo(p[c], within(1e-6));
            assertThat(cd.fractionBelow1Percent()).isEqualTo(c == 0 ? 0.0 : 1.0);
        }
        // the collapse mechanism in numbers: a wrongly predicted foreground voxel gets about the gradient of a rightly
        // predicted background voxel (both O(1 - p_max) = O(1e-3)), so the far more numerous background voxels win
        double rrwRatio = (d.get(1).gradientNorm() / Math.sqrt(count[1])) / (d.get(0).gradientNorm() / Math.sqrt(count[0]));
        assertThat(rrwRatio).isBetween(0.1, 10.0);

        // CE does not vanish: its gradient on the foreground is ~|p - y| = O(1) per voxel
        List<GradientDiagnostics.ClassDiagnostics> ce = new GradientDiagnostics(Losses.crossEntropy(), 3)
                .measure(new BackgroundEngine.Net(spec), List.of(s), 0);
        assertThat(ce.get(1).gradientNorm() / Math.sqrt(count[1])).isGreaterThan(100 * ce.get(0).gradientNorm() / Math.sqrt(count[0]));
        assertThat(new GradientDiagnostics(Losses.crossEntropy(), 3).csvRows(0, ce).lines())
                .hasSize(3).first().asString().startsWith("1,ce,0," + count[0] + ",");
    }
}
