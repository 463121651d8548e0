package org.regionwise.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.internal.DistanceField;
import org.regionwise.metrics.internal.DistanceFields;
import org.regionwise.metrics.internal.SurfacePairDistances;

/** Every surface metric against the all-pairs oracle on random anisotropic 2D and 3D masks (fixed seeds). */
class SurfaceDistancesVsBruteForceTest {
    private static final double TOL = 1e-6; // mm

    static Stream<Arguments> cases() {
        return IntStream.range(0, 40).mapToObj(seed -> {
            Random r = new Random(1000 + seed);
            boolean threeD = seed % 2 == 1;
            int[] size = threeD ? new int[] {4 + r.nextInt(12), 4 + r.nextInt(12), 2 + r.nextInt(10)}
                    : new int[] {4 + r.nextInt(30), 4 + r.nextInt(30)};
            double[] spacing = new double[size.length];
            for (int a = 0; a < spacing.length; a++) spacing[a] = 0.3 + 2.7 * r.nextDouble();
            int connectivity = 1 + r.nextInt(size.length);
            double noise = r.nextInt(3) * 0.05;
            return Arguments.of(seed, size, spacing, connectivity, noise);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void directedDistancesAndEveryMetricMatchTheOracle(int seed, int[] size, double[] spacing, int connectivity, double noise) {
        Random r = new Random(seed);
        Grid g = Grid.of(size, spacing);
        LabelImage ref = BruteForce.randomLabels(g, 2, r, noise);
        LabelImage pred = BruteForce.randomLabels(g, 2, r, noise);
        for (int label = 1; label <= 2; label++) {
            List<int[]> sp = BruteForce.surface(pred, label, connectivity);
            List<int[]> sr = BruteForce.surface(ref, label, connectivity);
            SurfaceDistances sd = SurfaceDistances.compute(pred, ref, label, connectivity);
            assertThat(sd.predictionSurfaceVoxels()).isEqualTo(sp.size());
            assertThat(sd.referenceSurfaceVoxels()).isEqualTo(sr.size());
            if (sp.isEmpty() || sr.isEmpty()) {
                assertThat(sd.hausdorff()).isNaN();
                continue;
            }
            double[] a = BruteForce.directed(sp, sr, spacing);
            double[] b = BruteForce.directed(sr, sp, spacing);
            assertThat(sd.predictionToReference()).containsExactly(a, within(TOL));
            assertThat(sd.referenceToPrediction()).containsExactly(b, within(TOL));
            for (DistanceField field : new DistanceField[] {DistanceFields.tree(), DistanceFields.transform()}) {
                double[][] both = SurfacePairDistances.compute(pred, ref, label, connectivity, field);
                assertThat(both[0]).containsExactly(a, within(TOL));
                assertThat(both[1]).containsExactly(b, within(TOL));
            }
            assertThat(sd.hausdorff()).isCloseTo(Math.max(BruteForce.max(a), BruteForce.max(b)), within(TOL));
            assertThat(sd.hausdorff95()).isCloseTo(BruteForce.percentile(BruteForce.concat(a, b), 95), within(TOL));
            assertThat(sd.percentileHausdorff(95, PercentileConvention.MONAI_MAX_OF_DIRECTED))
                    .isCloseTo(Math.max(BruteForce.percentile(a, 95), BruteForce.percentile(b, 95)), within(TOL));
            assertThat(sd.percentileHausdorff(50, PercentileConvention.MEDPY_POOLED))
                    .isCloseTo(BruteForce.percentile(BruteForce.concat(a, b), 50), within(TOL));
            assertThat(sd.averageSurfaceDistance()).isCloseTo(BruteForce.mean(a), within(TOL));
            assertThat(sd.averageSymmetricSurfaceDistance()).isCloseTo((BruteForce.mean(a) + BruteForce.mean(b)) / 2, within(TOL));
            double tau = spacing[0] * 1.5;
            long within = java.util.Arrays.stream(a).filter(v -> v <= tau).count() + java.util.Arrays.stream(b).filter(v -> v <= tau).count();
            assertThat(sd.surfaceDice(tau)).isCloseTo((double) within / (a.length + b.length), within(1e-12));
        }
    }
}
