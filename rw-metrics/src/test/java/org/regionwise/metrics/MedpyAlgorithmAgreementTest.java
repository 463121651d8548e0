package org.regionwise.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/**
 * Our hd, hd95, asd, assd and MONAI-style hd95 against medpy's algorithm run by SciPy (Debian /usr/bin/python3).
 * Skipped, with the reason, when that interpreter or SciPy is absent.
 */
class MedpyAlgorithmAgreementTest {
    @TempDir Path dir;

    @BeforeAll
    static void peerAvailable() {
        String why = ScipyPeer.unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "skipped: the SciPy peer cannot run: " + why);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void surfaceMetricsMatchMedpyAlgorithm(int seed) throws Exception {
        Random r = new Random(77 + seed);
        boolean threeD = seed % 2 == 0;
        int[] size = threeD ? new int[] {20 + r.nextInt(10), 15 + r.nextInt(10), 8 + r.nextInt(8)}
                : new int[] {30 + r.nextInt(30), 25 + r.nextInt(30)};
        double[] spacing = threeD ? new double[] {0.8, 1.1, 2.5} : new double[] {0.7, 1.9};
        int connectivity = seed <= 2 ? 1 : 1 + r.nextInt(size.length);
        Grid g = Grid.of(size, spacing);
        LabelImage ref = BruteForce.randomLabels(g, 1, r, 0.02);
        LabelImage pred = BruteForce.randomLabels(g, 1, r, 0.02);
        Map<String, Double> peer = ScipyPeer.run(dir, pred, ref, 1, connectivity);
        SurfaceDistances sd = SurfaceDistances.compute(pred, ref, 1, connectivity);
        assertAgrees(sd, peer);
        if (connectivity == 1) {
            assertThat(Metrics.hausdorff(pred, ref, 1)).isCloseTo(peer.get("hd"), within(1e-6));
            assertThat(Metrics.hausdorff95(pred, ref, 1)).isCloseTo(peer.get("hd95"), within(1e-6));
        }
    }

    /** Masks on the image border and a full mask: SciPy's erosion treats outside the image as background. */
    @ParameterizedTest(name = "connectivity {0}")
    @ValueSource(ints = {1, 2, 3})
    void borderTouchingAndFullMasksMatchMedpyAlgorithm(int connectivity) throws Exception {
        Grid g = Grid.of(new int[] {12, 9, 7}, new double[] {1.5, 0.8, 2.0});
        int[] full = new int[g.voxelCount()];
        java.util.Arrays.fill(full, 1);
        int[] slab = new int[g.voxelCount()];
        for (int z = 0; z < 7; z++) for (int y = 0; y < 9; y++) for (int x = 0; x < 4; x++) slab[g.index(x, y, z)] = 1;
        LabelImage pred = new LabelImage(g, full);
        LabelImage ref = new LabelImage(g, slab);
        assertAgrees(SurfaceDistances.compute(pred, ref, 1, connectivity), ScipyPeer.run(dir, pred, ref, 1, connectivity));
    }

    /** Surface voxel counts, HD, HD95 (both conventions), ASD and ASSD equal the SciPy peer's to 1e-6 mm. */
    private static void assertAgrees(SurfaceDistances sd, Map<String, Double> peer) {
        assertThat(sd.predictionSurfaceVoxels()).isEqualTo(peer.get("n_pred_surface").intValue());
        assertThat(sd.referenceSurfaceVoxels()).isEqualTo(peer.get("n_ref_surface").intValue());
        assertThat(sd.hausdorff()).isCloseTo(peer.get("hd"), within(1e-6));
        assertThat(sd.hausdorff95()).isCloseTo(peer.get("hd95"), within(1e-6));
        assertThat(sd.percentileHausdorff(95, PercentileConvention.MONAI_MAX_OF_DIRECTED)).isCloseTo(peer.get("hd95_monai"), within(1e-6));
        assertThat(sd.averageSurfaceDistance()).isCloseTo(peer.get("asd"), within(1e-6));
        assertThat(sd.averageSymmetricSurfaceDistance()).isCloseTo(peer.get("assd"), within(1e-6));
    }
}
