package org.regionwise.examples.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.examples.data.IntensityNormalization;
import org.regionwise.examples.data.SplitDataset;
import org.regionwise.metrics.Metrics;

/**
 * A 3D test case is segmented slice by slice along the dataset's slice axis and scored in 3D: the assembled labels
 * equal the per-voxel rule the 2D model applies, and the scores equal rw-metrics on the whole volume with its
 * anisotropic spacing (not a mean over slices).
 */
class VolumeEvaluationTest {

    /** A 2D "model" that labels a pixel 1 where the image is above 0.5 and 2 above 1.5; it refuses 3D input. */
    private static final class ThresholdModel implements TrainedModel {
        int calls;

        @Override public ModelSpec spec() {
            return new ModelSpec.UNet(2, 1, 3, 2, 4, 16, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 1);
        }
        @Override public List<org.regionwise.core.backend.EpochReport> history() { return List.of(); }
        @Override public ClassMaps predict(FloatImage image) { throw new UnsupportedOperationException(); }
        @Override public LabelImage segment(FloatImage image) {
            if (!image.grid().is2D()) throw new IllegalArgumentException("2D only");
            calls++;
            int[] l = new int[image.grid().voxelCount()];
            for (int i = 0; i < l.length; i++) l[i] = image.get(i) > 1.5f ? 2 : image.get(i) > 0.5f ? 1 : 0;
            return new LabelImage(image.grid(), l);
        }
        @Override public void save(java.nio.file.Path directory) {}
        @Override public void export(java.nio.file.Path directory) {}
        @Override public void close() {}
    }

    @org.junit.jupiter.api.Test
    void theRichestSliceHasTheMostForegroundAndTheFirstOfEquals() {
        Grid g = Grid.of3D(3, 2, 4);
        int[] l = new int[g.voxelCount()];
        l[g.index(0, 0, 1)] = 1; l[g.index(1, 0, 1)] = 2; l[g.index(2, 1, 3)] = 1; l[g.index(0, 1, 3)] = 1;
        assertThat(SliceWiseSegmentation.richestSlice(new LabelImage(g, l), 2)).isEqualTo(1);
        assertThat(SliceWiseSegmentation.richestSlice(new LabelImage(g, l), 0)).isEqualTo(0);
        assertThat(SliceWiseSegmentation.richestSlice(LabelImage.zeros(g), 1)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void volumesAreSegmentedAlongTheSliceAxisAndScoredIn3D(int axis) {
        Random r = new Random(11 + axis);
        Grid g = Grid.of(new int[] {9, 7, 5}, new double[] {0.7, 1.1, 3.0});
        float[] v = new float[g.voxelCount()];
        int[] truth = new int[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() * 2.2);
            int rule = v[i] > 1.5f ? 2 : v[i] > 0.5f ? 1 : 0;
            truth[i] = r.nextDouble() < 0.8 ? rule : r.nextInt(3);   // the model is right on about 85 % of voxels
        }
        Sample volume = new Sample("tiny/case_000", new FloatImage(g, v), new LabelImage(g, truth));
        Sample train = new Sample("tiny/t", volume.image().slice(axis, 0), volume.labels().slice(axis, 0));
        SplitDataset data = new SplitDataset("tiny", List.of("background", "a", "b"), List.of(train), List.of(train), List.of(volume),
                "a test volume", IntensityNormalization.zScore(), axis);
        ThresholdModel model = new ThresholdModel();
        Map<String, LabelImage> kept = new LinkedHashMap<>();
        List<CaseScore> scores = new Experiment(new org.regionwise.examples.testing.GaussianIntensityBackend(), new MetricsScoring())
                .evaluate(model, data, Set.of("tiny/case_000"), kept);

        assertThat(model.calls).isEqualTo(g.size(axis));
        LabelImage pred = SliceWiseSegmentation.segment(model, volume.image(), axis);
        assertThat(pred.grid()).isEqualTo(g);
        for (int i = 0; i < v.length; i++) assertThat(pred.get(i)).isEqualTo(v[i] > 1.5f ? 2 : v[i] > 0.5f ? 1 : 0);
        // only the slice that reports draw is kept
        int z = SliceWiseSegmentation.richestSlice(volume.labels(), axis);
        assertThat(kept.get("tiny/case_000").grid().is2D()).isTrue();
        for (int i = 0; i < kept.get("tiny/case_000").grid().voxelCount(); i++) {
            assertThat(kept.get("tiny/case_000").get(i)).isEqualTo(pred.slice(axis, z).get(i));
        }
        assertThat(scores).hasSize(1);
        for (int k = 1; k < 3; k++) {
            assertThat(scores.get(0).dice().get(k)).isEqualTo(Metrics.dice(pred, volume.labels(), k));
            assertThat(scores.get(0).hausdorffMm().get(k)).isEqualTo(Metrics.hausdorff(pred, volume.labels(), k));
        }
        assertThat(scores.get(0).dice().get(1)).isBetween(0.5, 0.99);
    }
}
