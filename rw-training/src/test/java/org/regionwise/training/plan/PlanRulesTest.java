package org.regionwise.training.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;

/** Fingerprints of small synthetic datasets and the plans the rules derive from them. */
class PlanRulesTest {

    /** Images of {@code nx x ny} (spacing 0.5, 0.8 mm) whose intensity is its index; a 2x3 block of class 1 at the origin, class 2 elsewhere absent. */
    static TrainingData data(int[][] sizes) {
        List<Sample> s = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            int nx = sizes[c][0], ny = sizes[c][1];
            Grid g = Grid.of(new int[] {nx, ny}, new double[] {0.5, 0.8});
            float[] x = new float[nx * ny];
            int[] y = new int[nx * ny];
            for (int i = 0; i < x.length; i++) x[i] = i;
            for (int j = 0; j < 3; j++) for (int i = 0; i < 2; i++) y[i + nx * j] = 1;
            s.add(new Sample("c" + c, new FloatImage(g, x), new LabelImage(g, y)));
        }
        return TrainingData.of("synthetic", List.of("background", "block", "absent"), s, List.of());
    }

    @Test
    void fingerprintHasMediansFrequenciesAndForegroundIntensityStatistics() {
        DatasetFingerprint f = DatasetFingerprint.of(data(new int[][] {{40, 60}, {50, 70}, {200, 30}}));
        assertThat(f.samples()).isEqualTo(3);
        assertThat(f.medianShape()).containsExactly(50, 60);
        assertThat(f.medianSpacing()).containsExactly(0.5, 0.8);
        assertThat(f.medianEdge()).isEqualTo(50);
        long total = 40 * 60 + 50 * 70 + 200 * 30;
        assertThat(f.classVoxels()).containsExactly(total - 18, 18, 0);
        assertThat(f.classFrequencies()[1]).isCloseTo(18.0 / total, within(1e-15));
        // foreground voxels: indices 0, 1, nx, nx+1, 2nx, 2nx+1 of each image
        double[] fg = {0, 1, 40, 41, 80, 81, 0, 1, 50, 51, 100, 101, 0, 1, 200, 201, 400, 401};
        double mean = 0, sq = 0;
        for (double v : fg) mean += v / fg.length;
        for (double v : fg) sq += (v - mean) * (v - mean) / fg.length;
        assertThat(f.intensityMean()[0]).isCloseTo(mean, within(1e-9));
        assertThat(f.intensityStd()[0]).isCloseTo(Math.sqrt(sq), within(1e-6));
        java.util.Arrays.sort(fg);
        // numpy.percentile(fg, 99.5): position 0.995 * 17 = 16.915 between 400 and 401
        assertThat(f.intensityP995()[0]).isCloseTo(400 + 0.915, within(1e-4));
        assertThat(f.intensityP005()[0]).isCloseTo(0, within(1e-9));
    }

    /** Volumes of {@code nx x ny x nz} with one foreground voxel. */
    static TrainingData volumes(int[][] sizes) {
        List<Sample> s = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            Grid g = Grid.of(sizes[c], new double[] {0.8, 0.8, 2.5});
            int[] y = new int[g.voxelCount()];
            y[0] = 1;
            s.add(new Sample("v" + c, new FloatImage(g, new float[g.voxelCount()]), new LabelImage(g, y)));
        }
        return TrainingData.of("volumes", List.of("background", "fg"), s, List.of());
    }

    @ParameterizedTest(name = "3D median shape {0}x{1}x{2} -> depth {3}, patch {4}")
    @CsvSource({"40, 70, 30, 2, 28", "48, 74, 51, 3, 48", "100, 120, 90, 4, 64", "200, 200, 160, 4, 64"})
    void threeDPlansACubicPatchFromTheSmallestMedianEdgeWithNnUnetsBatch(int nx, int ny, int nz, int depth, int patch) {
        DatasetFingerprint f = DatasetFingerprint.of(volumes(new int[][] {{nx, ny, nz}, {nx, ny, nz}, {nx + 2, ny, nz}}));
        PlanRules.Shape s = PlanRules.shape(f, 3);
        assertThat(s.depth()).isEqualTo(depth);
        assertThat(s.patchSize()).isEqualTo(patch);
        assertThat(s.batchSize()).isEqualTo(2);
        PlanRules.Plan p = PlanRules.plan(f, 600, x -> 1.0, 3);
        assertThat(p.reasons()).anyMatch(r -> r.contains("nnU-Net's 3D batch")).anyMatch(r -> r.contains("(cubic)"));
        assertThatThrownBy(() -> PlanRules.shape(DatasetFingerprint.of(data(new int[][] {{40, 60}})), 3)).hasMessageContaining("3D training volumes");
    }

    @ParameterizedTest(name = "median edge {0} -> depth {1}, patch {2}, batch {3}")
    @CsvSource({"24, 2, 24, 16", "40, 3, 40, 16", "50, 3, 48, 14", "64, 4, 64, 8", "100, 4, 96, 4", "181, 5, 128, 2", "600, 5, 128, 2"})
    void shapeFollowsTheDocumentedRules(int edge, int depth, int patch, int batch) {
        DatasetFingerprint f = DatasetFingerprint.of(data(new int[][] {{edge, edge + 7}, {edge + 3, edge}, {edge, 300}}));
        PlanRules.Shape s = PlanRules.shape(f);
        assertThat(s).isEqualTo(new PlanRules.Shape(patch, batch, depth, 16));
        assertThat(s.patchSize() % (1 << s.depth())).isZero();
        assertThat(s.patchSize() >> s.depth()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void stepsComeFromTheBudgetAndTheMeasuredStepTime() {
        DatasetFingerprint f = DatasetFingerprint.of(data(new int[][] {{64, 64}}));
        List<PlanRules.Shape> asked = new ArrayList<>();
        PlanRules.Plan p = PlanRules.plan(f, 600, s -> { asked.add(s); return 0.12; });
        assertThat(asked).containsExactly(PlanRules.shape(f));
        // floor(0.8 * 600 / 0.12) = 4000 steps = 80 epochs of 50
        assertThat(p.epochs()).isEqualTo(80);
        assertThat(p.iterationsPerEpoch()).isEqualTo(50);
        assertThat(p.totalSteps()).isEqualTo(4000);
        assertThat(p.reasons()).hasSize(5).anySatisfy(r -> assertThat(r).contains("80 epochs x 50 steps").contains("0.120 s per step"));
        // a slow machine still gets two epochs
        assertThat(PlanRules.plan(f, 10, s -> 30).epochs()).isEqualTo(2);
        assertThatThrownBy(() -> PlanRules.plan(f, 0, s -> 1)).hasMessageContaining("time budget must be > 0");
    }

    @Test
    void durationsParse() {
        assertThat(PlanRules.parseDuration("10m")).isEqualTo(600);
        assertThat(PlanRules.parseDuration("1h30m")).isEqualTo(5400);
        assertThat(PlanRules.parseDuration("90s")).isEqualTo(90);
        assertThat(PlanRules.parseDuration(" 45 ")).isEqualTo(45);
        assertThat(PlanRules.parseDuration("2.5m")).isEqualTo(150);
        for (String bad : List.of("", "m", "10x", "-5m", "10m5", "0")) {
            assertThatThrownBy(() -> PlanRules.parseDuration(bad)).as(bad).hasMessageContaining("bad duration");
        }
    }

    @Test
    void emptyDatasetsAndTinyImagesAreRefused() {
        assertThatThrownBy(() -> DatasetFingerprint.of(TrainingData.of("empty", List.of("background", "x"), List.of(), List.of())))
                .hasMessageContaining("no training sample");
        assertThatThrownBy(() -> PlanRules.shape(DatasetFingerprint.of(data(new int[][] {{6, 20}}))))
                .hasMessageContaining("median training image edge is 6 px");
    }
}
