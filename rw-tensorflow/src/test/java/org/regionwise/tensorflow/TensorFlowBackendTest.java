package org.regionwise.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.map.Maps;
import org.regionwise.tensorflow.internal.Checkpoints;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** End-to-end behaviour of the backend on tiny networks (32x32 patches, base 4). */
class TensorFlowBackendTest {

    static ModelSpec.UNet unet(int classes, ModelSpec.Normalization norm, ModelSpec.Upsampling up, long seed) {
        return new ModelSpec.UNet(2, 1, classes, 3, 4, 16, norm, up, true, seed);
    }

    static TrainingPlan plan(ModelSpec.UNet spec, LossSpec loss, int epochs, int iterations, Path out, int threads) {
        return new TrainingPlan(spec, loss, new OptimizerSpec(3e-3, 3e-5, false, 0.9, 12), epochs, iterations, 4, 32, 1,
                42, threads, out);
    }

    static TensorFlowBackend backend() { return new TensorFlowBackend().withPipeline(1, 4); }

    @Test
    void lossDecreasesWithRectifiedRegionWiseAndWithCrossEntropy(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(4, 32, 2, 1);
        for (LossSpec loss : List.of(Losses.rectifiedRegionWise(), Losses.crossEntropy())) {
            ModelSpec.UNet spec = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 3);
            List<Double> steps = new ArrayList<>();
            TrainingListener l = new TrainingListener() {
                @Override public void onStep(int epoch, int step, int stepsPerEpoch, double value) { steps.add(value); }
            };
            Path out = dir.resolve(loss.id());
            try (TensorFlowModel m = backend().train(plan(spec, loss, 4, 6, out, 2), data, l)) {
                assertThat(steps).hasSize(24).allMatch(Double::isFinite);
                double first = steps.subList(0, 6).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double last = steps.subList(18, 24).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                assertThat(last).as(loss.id() + " loss first epoch %s, last epoch %s", first, last).isLessThan(first);
                List<EpochReport> h = m.history();
                assertThat(h).hasSize(4);
                assertThat(h.get(3).validated()).isTrue();
                assertThat(h.get(3).validationDice()).hasSize(2);
                assertThat(h.get(3).learningRate()).isLessThan(h.get(0).learningRate());
                assertThat(Files.readAllLines(out.resolve("history.csv"))).hasSize(5);
                assertThat(Checkpoints.locate(out, Checkpoints.LAST)).isPresent();
                assertThat(Checkpoints.locate(out, Checkpoints.BEST)).isPresent();
            }
        }
    }

    @Test
    void resumeReachesTheSameWeightsAsAnUninterruptedRun(@TempDir Path dir) {
        SyntheticData data = new SyntheticData(3, 32, 3, 2);
        ModelSpec.UNet spec = unet(3, ModelSpec.Normalization.BATCH, ModelSpec.Upsampling.BILINEAR_CONVOLUTION, 5);
        LossSpec loss = Losses.gradual(Losses.dice(), Losses.rectifiedRegionWise());
        List<float[]> expected;
        try (TensorFlowModel m = backend().train(plan(spec, loss, 3, 2, dir.resolve("a"), 1), data, TrainingListener.none())) {
            expected = m.weights();
        }
        TrainingListener crashAfterFirstEpoch = new TrainingListener() {
            @Override public void onEpoch(EpochReport r) { if (r.epoch() == 0) throw new IllegalStateException("simulated crash"); }
        };
        TrainingPlan interrupted = plan(spec, loss, 3, 2, dir.resolve("b"), 1);
        assertThatThrownBy(() -> backend().train(interrupted, data, crashAfterFirstEpoch)).hasMessage("simulated crash");
        try (TensorFlowModel m = backend().resume(interrupted, data, TrainingListener.none())) {
            assertThat(m.history()).extracting(EpochReport::epoch).containsExactly(0, 1, 2);
            List<float[]> actual = m.weights();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) assertThat(actual.get(i)).as("variable %d", i).containsExactly(expected.get(i));
        }
    }

    @Test
    void nonFiniteLossStopsTrainingNamingEpochAndStepAndKeepsTheLastCheckpoint(@TempDir Path dir) {
        SyntheticData data = new SyntheticData(2, 32, 2, 3);
        AtomicInteger calls = new AtomicInteger();
        int perEpoch = 2 * 4; // steps x patches, one scale with deep supervision at depth 2
        LossSpec loss = Losses.regionWise(Maps.custom("poisoned", (labels, k) -> {
            ClassMaps z = SyntheticData.rectified(labels, k);
            if (calls.incrementAndGet() > perEpoch + 4) z.data(0)[0] = Float.NaN;
            return z;
        }));
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 1, 2, 2, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.NEAREST_CONVOLUTION, true, 1);
        TrainingPlan p = plan(spec, loss, 3, 2, dir, 1);
        assertThatThrownBy(() -> new TensorFlowBackend().withPipeline(0, 1).train(p, data, TrainingListener.none()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("epoch 1, step 1")
                .satisfies(e -> assertThat(((TrainingDivergedException) e).epoch()).isEqualTo(1));
        Path last = Checkpoints.locate(dir, Checkpoints.LAST).orElseThrow();
        assertThat(Checkpoints.readState(last).epochsDone()).isEqualTo(1);
        try (TensorFlowModel m = new TensorFlowBackend().load(last)) {
            ClassMaps probs = m.predict(data.validation().get(0).image());
            for (float v : probs.data(0)) assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void savesLoadsExportsAndPredictsAnySizeIn2DAnd3D(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(2, 32, 2, 4);
        ModelSpec.UNet spec = unet(2, ModelSpec.Normalization.BATCH, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 9);
        Sample odd = SyntheticData.disk("odd", 37, 29, 2, new Random(5));
        try (TensorFlowModel m = backend().train(plan(spec, Losses.crossEntropy(), 1, 2, null, 2), data, TrainingListener.none())) {
            ClassMaps p = m.predict(odd.image());
            assertThat(p.grid()).isEqualTo(odd.image().grid());
            for (int i = 0; i < p.grid().voxelCount(); i++) assertThat(p.get(0, i) + p.get(1, i)).isCloseTo(1f, within(1e-5f));

            m.save(dir.resolve("saved"));
            assertThatThrownBy(() -> new TensorFlowBackend().load(dir.resolve("nothing-here")))
                    .hasMessageContaining("is " + dir.resolve("nothing-here") + " a saved RegionWise model?");
            try (TensorFlowModel loaded = new TensorFlowBackend().load(dir.resolve("saved"))) {
                assertThat(loaded.spec()).isEqualTo(spec);
                assertThat(loaded.predict(odd.image()).data(1)).containsExactly(p.data(1));
            }

            m.export(dir.resolve("savedmodel"));
            float[] input = new float[32 * 40];
            Random r = new Random(1);
            for (int i = 0; i < input.length; i++) input[i] = (float) r.nextGaussian();
            ClassMaps ours = m.predict(new FloatImage(Grid.of2D(40, 32), input.clone()));
            float[] z = org.regionwise.tensorflow.internal.PatchSamplerAccess.zScore(input);
            try (SavedModelBundle b = SavedModelBundle.load(dir.resolve("savedmodel").toString(), "serve");
                 TFloat32 t = TFloat32.tensorOf(Shape.of(1, 32, 40, 1), DataBuffers.of(z, true, false));
                 Result res = b.function("serving_default").call(Map.of("image", t))) {
                TFloat32 probs = (TFloat32) res.get("probs").orElseThrow();
                assertThat(probs.shape()).isEqualTo(Shape.of(1, 32, 40, 2));
                for (int i = 0; i < 32 * 40; i++) {
                    assertThat(probs.getFloat(0, i / 40, i % 40, 1)).isCloseTo(ours.get(1, i), within(1e-6f));
                }
            }

            // 3D: slice by slice along z on the input's grid
            Grid g3 = Grid.of(new int[] {37, 29, 3}, new double[] {1, 1.2, 3});
            float[] vol = new float[g3.voxelCount()];
            for (int zz = 0; zz < 3; zz++) {
                Sample s = SyntheticData.disk("s" + zz, 37, 29, 2, new Random(10 + zz));
                System.arraycopy(s.image().data(), 0, vol, zz * 37 * 29, 37 * 29);
            }
            FloatImage volume = new FloatImage(g3, vol);
            LabelImage seg = m.segment(volume);
            assertThat(seg.grid()).isEqualTo(g3);
            LabelImage slice1 = m.segment(volume.slice(2, 1));
            assertThat(seg.slice(2, 1).data()).containsExactly(slice1.data());
            m.close();
            assertThatThrownBy(() -> m.predict(odd.image())).hasMessage("this model is closed");
        }
    }

    /** Two channels: channel 0 is noise, channel 1 holds the disk (as in SyntheticData). */
    static Sample twoChannels(String id, Random r) {
        Sample disk = SyntheticData.disk(id, 32, 32, 2, r);
        float[] noise = new float[32 * 32];
        for (int i = 0; i < noise.length; i++) noise[i] = (float) (100 + 30 * r.nextGaussian());
        return new Sample(id, List.of(new FloatImage(disk.image().grid(), noise), disk.image()), disk.labels());
    }

    @Test
    void trainsAndPredictsMultiChannelInputsInTheirOrder(@TempDir Path dir) {
        Random r = new Random(21);
        List<Sample> train = new ArrayList<>();
        for (int i = 0; i < 6; i++) train.add(twoChannels("t" + i, r));
        Sample val = twoChannels("v", r);
        org.regionwise.core.backend.TrainingData data = org.regionwise.core.backend.TrainingData.of("two-channel disks",
                List.of("background", "disk"), train, List.of(val));
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 2, 2, 3, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 3);
        // a single-channel model refuses the data, naming the case
        assertThatThrownBy(() -> backend().train(plan(unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 3),
                Losses.crossEntropy(), 1, 1, null, 2), data, TrainingListener.none()))
                .hasMessageContaining("case t0").hasMessageContaining("2 image channel(s)").hasMessageContaining("inputChannels=1");
        try (TensorFlowModel m = backend().train(plan(spec, Losses.crossEntropy(), 6, 8, null, 2), data, TrainingListener.none())) {
            ClassMaps p = m.predict(val.channels());
            for (int i = 0; i < p.grid().voxelCount(); i++) assertThat(p.get(0, i) + p.get(1, i)).isCloseTo(1f, within(1e-5f));
            double right = org.regionwise.metrics.Metrics.dice(m.segment(val.channels()), val.labels(), 1);
            double swapped = org.regionwise.metrics.Metrics.dice(m.segment(List.of(val.channels().get(1), val.channels().get(0))), val.labels(), 1);
            // the network learned the disk from channel 1: swapping the channels loses it
            assertThat(right).as("Dice with the channels in order %s, swapped %s", right, swapped).isGreaterThan(swapped + 0.2);
            assertThatThrownBy(() -> m.predict(val.image())).hasMessageContaining("takes 2 input channels, got 1");

            m.save(dir.resolve("two"));
            try (TensorFlowModel loaded = new TensorFlowBackend().load(dir.resolve("two"))) {
                assertThat(((ModelSpec.UNet) loaded.spec()).inputChannels()).isEqualTo(2);
                assertThat(loaded.predict(val.channels()).data(1)).containsExactly(p.data(1));
            }
            // 3D: every channel a volume, predicted slice by slice
            Grid g3 = Grid.of(new int[] {32, 32, 2}, new double[] {1, 1.2, 3});
            List<FloatImage> vol = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                float[] v = new float[g3.voxelCount()];
                System.arraycopy(val.channels().get(c).data(), 0, v, 0, 32 * 32);
                System.arraycopy(val.channels().get(c).data(), 0, v, 32 * 32, 32 * 32);
                vol.add(new FloatImage(g3, v));
            }
            LabelImage seg = m.segment(vol);
            assertThat(seg.grid()).isEqualTo(g3);
            assertThat(seg.slice(2, 1).data()).containsExactly(m.segment(val.channels()).data());
        }
    }

    @Test
    void validateRejects3DNetworksAndPatchSizesThatAreNotAMultipleOf2PowDepth() {
        TensorFlowBackend b = new TensorFlowBackend();
        ModelSpec.UNet threeD = new ModelSpec.UNet(3, 1, 2, 3, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1);
        assertThatThrownBy(() -> b.validate(plan(threeD, Losses.crossEntropy(), 1, 1, null, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2D U-Nets only");
        ModelSpec.UNet ok = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 1);
        TrainingPlan odd = new TrainingPlan(ok, Losses.crossEntropy(), OptimizerSpec.paper(), 1, 1, 2, 36, 1, 1, 1, null);
        assertThatThrownBy(() -> b.validate(odd)).hasMessageContaining("patch size 36 must be a multiple of 2^depth = 8");
        b.validate(plan(ok, Losses.crossEntropy(), 1, 1, null, 1));
    }

    @Test
    void sameSeedGivesTheSameInitialWeightsAndAnotherSeedDiffers() {
        ModelSpec.UNet a = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 1);
        ModelSpec.UNet b = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 2);
        try (var g1 = org.regionwise.tensorflow.internal.ModelGraph.forInference(a, 1);
             var g2 = org.regionwise.tensorflow.internal.ModelGraph.forInference(a, 1);
             var g3 = org.regionwise.tensorflow.internal.ModelGraph.forInference(b, 1)) {
            g1.initialize(); g2.initialize(); g3.initialize();
            List<float[]> w1 = g1.variables().readTrainable(g1.session());
            List<float[]> w2 = g2.variables().readTrainable(g2.session());
            List<float[]> w3 = g3.variables().readTrainable(g3.session());
            for (int i = 0; i < w1.size(); i++) assertThat(w2.get(i)).containsExactly(w1.get(i));
            assertThat(w3.get(0)).isNotEqualTo(w1.get(0));
            // He normal: std of the first kernel ~ sqrt(2 / (1.0001 * 9))
            double s = 0;
            for (float v : w1.get(0)) s += v * v;
            assertThat(Math.sqrt(s / w1.get(0).length)).isCloseTo(Math.sqrt(2 / 9.0009), within(0.15));
        }
    }
}
