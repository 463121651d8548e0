package org.regionwise.training.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.loss.reference.LossBatch;
import org.regionwise.core.loss.reference.LossValue;
import org.regionwise.core.loss.reference.ReferenceLoss;
import org.regionwise.core.map.Maps;
import org.regionwise.metrics.Metrics;
import org.regionwise.training.EngineBackend;
import org.regionwise.training.NetworkModel;
import org.regionwise.training.PipelineOptions;
import org.regionwise.training.TrainingDivergedException;
import org.regionwise.training.internal.Checkpoints;
import org.regionwise.training.spi.Engine;
import org.regionwise.training.spi.GradualAlphas;
import org.regionwise.training.spi.Network;

/**
 * The behaviour every engine must show, on tiny networks (32x32 patches, base 4). An engine module runs it by
 * extending this class and implementing {@link #engine()}; engine-specific checks (an export format's own loader, for
 * instance) go into the subclass.
 *
 * <p>What it checks: every loss's value and gradient with respect to the logits against rw-core's
 * {@link ReferenceLoss} (1e-5 relative); two optimiser steps against a transcription of Adam; losses decrease; stop-and-resume equals the uninterrupted run bit for bit at
 * one thread; a non-finite loss stops training naming epoch and step and keeps the last checkpoint; save/load round
 * trips exactly; export writes a model; multi-channel inputs in their order; the pipeline's worker count does not
 * change the result; the same seed gives the same initial weights; bad plans are refused.
 */
public abstract class EngineConformanceSuite {

    /** The engine under test. */
    protected abstract Engine engine();

    protected EngineBackend backend() { return new EngineBackend(engine(), new PipelineOptions(1, 4)); }

    protected static ModelSpec.UNet unet(int classes, ModelSpec.Normalization norm, ModelSpec.Upsampling up, long seed) {
        return new ModelSpec.UNet(2, 1, classes, 3, 4, 16, norm, up, true, seed);
    }

    protected static TrainingPlan plan(ModelSpec.UNet spec, LossSpec loss, int epochs, int iterations, Path out, int threads) {
        return new TrainingPlan(spec, loss, new OptimizerSpec(3e-3, 3e-5, false, 0.9, 12), epochs, iterations, 4, 32, 1,
                42, threads, out);
    }

    // ---- losses against the reference ----

    /** Every loss of the paper and its combinations, for K classes. */
    public static List<LossSpec> lossSpecs(int k) {
        List<LossSpec> l = new ArrayList<>();
        l.add(Losses.rectifiedRegionWise());
        l.add(Losses.boundary());
        l.add(Losses.crossEntropy());
        l.add(Losses.weightedCrossEntropy());
        double[] w = new double[k];
        for (int c = 0; c < k; c++) w[c] = 0.5 + c;
        l.add(Losses.weightedCrossEntropy(w));
        l.add(Losses.focal());
        l.add(Losses.focal(0.5, 0.25));
        l.add(Losses.dice());
        l.add(Losses.dice(1e-3, false, true));
        l.add(Losses.dice(1, false, false));
        l.add(Losses.dice(0, true, false));
        l.add(Losses.generalizedDice());
        l.add(new LossSpec.GeneralizedDice(1e-5, true));
        l.add(Losses.equal(Losses.crossEntropy(), Losses.rectifiedRegionWise()));
        l.add(Losses.sum(0.3, Losses.dice(), 2.0, Losses.regionWise(Maps.activeContour())));
        l.add(Losses.boundaryDice());
        l.add(Losses.gradual(Losses.crossEntropy(), Losses.rectifiedRegionWise()));
        l.add(Losses.equal(Losses.dice(), Losses.gradual(Losses.crossEntropy(), Losses.rectifiedRegionWise())));
        return l;
    }

    static Stream<Arguments> lossCases() {
        List<Arguments> a = new ArrayList<>();
        for (int k : new int[] {2, 4}) {
            long seed = 11;
            for (LossSpec s : lossSpecs(k)) a.add(Arguments.of(s, k, seed++));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} K={1} seed={2}")
    @MethodSource("lossCases")
    void lossValueAndGradientMatchTheReference(LossSpec spec, int k, long seed) {
        Random r = new Random(seed);
        int b = 3, h = 5, w = 4, n = h * w;
        double[] logits = new double[b * n * k];
        for (int i = 0; i < logits.length; i++) logits[i] = 2 * r.nextGaussian();
        int[] labels = new int[b * n];
        for (int i = 0; i < labels.length; i++) labels[i] = r.nextInt(k);
        labels[0] = 0; labels[1] = k - 1;
        if (seed % 3 == 0) for (int i = n; i < 2 * n; i++) labels[i] = 0; // an image with absent classes
        if (spec instanceof LossSpec.Dice d && d.smooth() == 0 || spec instanceof LossSpec.GeneralizedDice g && g.smooth() == 0) {
            // image 1: class k-1 absent and its probability underflowing to exactly 0 -> an empty denominator
            for (int i = n; i < 2 * n; i++) { labels[i] = 0; logits[i * k + k - 1] = -900; }
        }
        double[][] maps = new double[spec.maps().size()][b * n * k];
        for (double[] m : maps) for (int i = 0; i < m.length; i++) m[i] = 2 * r.nextDouble() - 1;
        assertLossMatchesReference(engine(), spec, k, b, h, w, logits, labels, maps);
    }

    /** Compares {@code engine}'s loss probe with the reference: value and every gradient entry within 1e-5 relative. */
    public static void assertLossMatchesReference(Engine engine, LossSpec spec, int k, int b, int h, int w, double[] logits,
                                                  int[] labels, double[][] maps) {
        int epoch = 37;
        double[] alphas = GradualAlphas.at(spec, epoch);
        LossValue ref = ReferenceLoss.of(spec).evaluate(new LossBatch(b, h * w, k, logits, labels, List.of(maps), epoch));
        LossValue got = engine.lossProbe().evaluate(spec, b, h, w, k, logits, labels, List.of(maps), alphas);
        assertThat(got.value()).as("loss value").isFinite();
        for (double g0 : got.gradient()) assertThat(g0).as("gradient").isFinite();
        assertThat(got.value()).isCloseTo(ref.value(), Offset.offset(1e-9 + 1e-5 * Math.abs(ref.value())));
        double scale = 0;
        for (double v : ref.gradient()) scale = Math.max(scale, Math.abs(v));
        assertThat(got.gradient()).hasSameSizeAs(ref.gradient());
        for (int i = 0; i < got.gradient().length; i++) {
            assertThat(got.gradient()[i]).as("d loss / d logit %d", i)
                    .isCloseTo(ref.gradient()[i], Offset.offset(1e-5 * Math.max(scale, 1e-12)));
        }
    }

    // ---- training ----

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
            try (NetworkModel m = backend().train(plan(spec, loss, 4, 6, out, 2), data, l)) {
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
        try (NetworkModel m = backend().train(plan(spec, loss, 3, 2, dir.resolve("a"), 1), data, TrainingListener.none())) {
            expected = m.weights();
        }
        TrainingListener crashAfterFirstEpoch = new TrainingListener() {
            @Override public void onEpoch(EpochReport r) { if (r.epoch() == 0) throw new IllegalStateException("simulated crash"); }
        };
        TrainingPlan interrupted = plan(spec, loss, 3, 2, dir.resolve("b"), 1);
        assertThatThrownBy(() -> backend().train(interrupted, data, crashAfterFirstEpoch)).hasMessage("simulated crash");
        try (NetworkModel m = backend().resume(interrupted, data, TrainingListener.none())) {
            assertThat(m.history()).extracting(EpochReport::epoch).containsExactly(0, 1, 2);
            assertSameWeights(m.weights(), expected);
        }
    }

    /**
     * Two optimiser steps against a transcription of Adam (lr 1e-3 constant, no decay, no clipping): at step 1
     * {@code m/sqrt(v) = g/|g|} after bias correction, so every weight moves by {@code lr |g| / (|g| + eps')}: at most
     * {@code lr}, and {@code lr} for all but vanishing gradients; at step 2 the bias-corrected ratio is at most
     * {@code sqrt(1 - 0.999^2)/(1 - 0.9^2) sqrt(0.09^2/0.000999 + 0.1^2/0.001) = 1.0012} (Cauchy-Schwarz), so no weight
     * moves by more than that. SGD, a missing bias correction or another learning rate fails.
     */
    @Test
    void twoOptimiserStepsFollowAdam() {
        SyntheticData data = new SyntheticData(2, 32, 2, 9);
        ModelSpec.UNet spec = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 4);
        double lr = 1e-3;
        TrainingPlan p = new TrainingPlan(spec, Losses.crossEntropy(), new OptimizerSpec(lr, 0, false, 0, 0), 1, 2, 4, 32, 1, 5, 1, null);
        try (var n = engine().createForTraining(spec, p.loss(), p.optimizer(), 1)) {
            n.initialize();
            var f = new org.regionwise.training.internal.BatchFactory(new org.regionwise.training.internal.PatchSampler(data.training(), 32, true),
                    p.loss().maps(), 4, 2, n.scales(), 5);
            List<float[]> w0 = n.weights();
            n.step(f.create(0, 0), lr, new double[0]);
            List<float[]> w1 = n.weights();
            n.step(f.create(0, 1), lr, new double[0]);
            List<float[]> w2 = n.weights();
            List<Double> first = new ArrayList<>();
            for (int i = 0; i < w0.size(); i++) {
                for (int j = 0; j < w0.get(i).length; j++) {
                    double d1 = Math.abs((double) w1.get(i)[j] - w0.get(i)[j]), d2 = Math.abs((double) w2.get(i)[j] - w1.get(i)[j]);
                    // float32 weights: allow their rounding (|w| <= ~4 here, ulp <= 5e-7)
                    assertThat(d1).as("step 1, variable %d[%d]", i, j).isLessThanOrEqualTo(lr * (1 + 1e-3) + 1e-6);
                    assertThat(d2).as("step 2, variable %d[%d]", i, j).isLessThanOrEqualTo(lr * 1.0013 + 1e-6);
                    first.add(d1);
                }
            }
            first.sort(null);
            assertThat(first.get(first.size() / 2)).as("median step-1 move").isCloseTo(lr, within(0.01 * lr));
        }
    }

    @Test
    void pipelineWorkerCountDoesNotChangeTheResult() {
        SyntheticData data = new SyntheticData(3, 32, 2, 6);
        ModelSpec.UNet spec = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 8);
        TrainingPlan p = plan(spec, Losses.rectifiedRegionWise(), 2, 3, null, 1);
        List<float[]> serial;
        try (NetworkModel m = new EngineBackend(engine(), new PipelineOptions(0, 1)).train(p, data, TrainingListener.none())) {
            serial = m.weights();
        }
        try (NetworkModel m = new EngineBackend(engine(), new PipelineOptions(2, 3)).train(p, data, TrainingListener.none())) {
            assertSameWeights(m.weights(), serial);
        }
    }

    private static void assertSameWeights(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) assertThat(actual.get(i)).as("variable %d", i).containsExactly(expected.get(i));
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
        assertThatThrownBy(() -> new EngineBackend(engine(), new PipelineOptions(0, 1)).train(p, data, TrainingListener.none()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("epoch 1, step 1")
                .satisfies(e -> assertThat(((TrainingDivergedException) e).epoch()).isEqualTo(1));
        Path last = Checkpoints.locate(dir, Checkpoints.LAST).orElseThrow();
        assertThat(Checkpoints.readState(last).epochsDone()).isEqualTo(1);
        try (NetworkModel m = backend().load(last)) {
            ClassMaps probs = m.predict(data.validation().get(0).image());
            for (float v : probs.data(0)) assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void savesLoadsExportsAndPredictsAnySizeIn2DAnd3D(@TempDir Path dir) throws Exception {
        SyntheticData data = new SyntheticData(2, 32, 2, 4);
        ModelSpec.UNet spec = unet(2, ModelSpec.Normalization.BATCH, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 9);
        Sample odd = SyntheticData.disk("odd", 37, 29, 2, new Random(5));
        try (NetworkModel m = backend().train(plan(spec, Losses.crossEntropy(), 1, 2, null, 2), data, TrainingListener.none())) {
            ClassMaps p = m.predict(odd.image());
            assertThat(p.grid()).isEqualTo(odd.image().grid());
            for (int i = 0; i < p.grid().voxelCount(); i++) assertThat(p.get(0, i) + p.get(1, i)).isCloseTo(1f, within(1e-5f));

            m.save(dir.resolve("saved"));
            assertThatThrownBy(() -> backend().load(dir.resolve("nothing-here")))
                    .hasMessageContaining("is " + dir.resolve("nothing-here") + " a saved RegionWise model?");
            try (NetworkModel loaded = backend().load(dir.resolve("saved"))) {
                assertThat(loaded.spec()).isEqualTo(spec);
                assertThat(loaded.predict(odd.image()).data(1)).containsExactly(p.data(1));
            }

            m.export(dir.resolve("export"));
            try (Stream<Path> files = Files.walk(dir.resolve("export"))) {
                assertThat(files.filter(Files::isRegularFile).count()).as("files in the export").isPositive();
            }
            checkExport(m, dir.resolve("export"));

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

    @Test
    void slidingWindowPredictionCoveringTheImageEqualsWholeImageAndBlendsProbabilities() {
        SyntheticData data = new SyntheticData(2, 32, 2, 4);
        ModelSpec.UNet spec = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 12);
        Sample img = SyntheticData.disk("img", 48, 40, 2, new Random(6));
        Sample square = SyntheticData.disk("sq", 32, 32, 2, new Random(7));
        try (NetworkModel m = backend().train(plan(spec, Losses.crossEntropy(), 1, 2, null, 2), data, TrainingListener.none())) {
            // one window exactly the image's size: the same forward pass as whole-image prediction
            ClassMaps whole = m.predict(square.image());
            ClassMaps one = m.withInference(org.regionwise.training.Inference.slidingWindow(32)).predict(square.image());
            for (int i = 0; i < 32 * 32; i++) assertThat(one.get(1, i)).isCloseTo(whole.get(1, i), within(1e-5f));
            // windows of 16 px on 48 x 40, mirrored: probabilities on the input's grid that sum to 1
            ClassMaps tiled = m.withInference(org.regionwise.training.Inference.slidingWindow(16).withMirroring(true)).predict(img.image());
            assertThat(tiled.grid()).isEqualTo(img.image().grid());
            for (int i = 0; i < tiled.grid().voxelCount(); i++) assertThat(tiled.get(0, i) + tiled.get(1, i)).isCloseTo(1f, within(1e-5f));
            // and the model really predicts by windows: instance norm sees each window's statistics, so the blend
            // differs from the whole-image pass somewhere
            ClassMaps plain = m.predict(img.image());
            double maxDiff = 0;
            for (int i = 0; i < tiled.grid().voxelCount(); i++) maxDiff = Math.max(maxDiff, Math.abs(tiled.get(1, i) - plain.get(1, i)));
            assertThat(maxDiff).as("sliding window vs whole image").isGreaterThan(1e-4);
        }
    }

    /** Engine-specific check of an export written by {@code model.export(directory)}; the default checks nothing more. */
    protected void checkExport(NetworkModel model, Path directory) throws Exception {}

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
        TrainingData data = TrainingData.of("two-channel disks", List.of("background", "disk"), train, List.of(val));
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 2, 2, 3, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, false, 3);
        // a single-channel model refuses the data, naming the case
        assertThatThrownBy(() -> backend().train(plan(unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 3),
                Losses.crossEntropy(), 1, 1, null, 2), data, TrainingListener.none()))
                .hasMessageContaining("case t0").hasMessageContaining("2 image channel(s)").hasMessageContaining("inputChannels=1");
        try (NetworkModel m = backend().train(plan(spec, Losses.crossEntropy(), 6, 8, null, 2), data, TrainingListener.none())) {
            ClassMaps p = m.predict(val.channels());
            for (int i = 0; i < p.grid().voxelCount(); i++) assertThat(p.get(0, i) + p.get(1, i)).isCloseTo(1f, within(1e-5f));
            double right = Metrics.dice(m.segment(val.channels()), val.labels(), 1);
            double swapped = Metrics.dice(m.segment(List.of(val.channels().get(1), val.channels().get(0))), val.labels(), 1);
            // the network learned the disk from channel 1: swapping the channels loses it
            assertThat(right).as("Dice with the channels in order %s, swapped %s", right, swapped).isGreaterThan(swapped + 0.2);
            assertThatThrownBy(() -> m.predict(val.image())).hasMessageContaining("takes 2 input channels, got 1");

            m.save(dir.resolve("two"));
            try (NetworkModel loaded = backend().load(dir.resolve("two"))) {
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
    void validateRejectsPatchSizesThatAreNotAMultipleOf2PowDepth() {
        EngineBackend b = backend();
        ModelSpec.UNet ok = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 1);
        TrainingPlan odd = new TrainingPlan(ok, Losses.crossEntropy(), OptimizerSpec.paper(), 1, 1, 2, 36, 1, 1, 1, null);
        assertThatThrownBy(() -> b.validate(odd)).hasMessageContaining("patch size 36 must be a multiple of 2^depth = 8");
        b.validate(plan(ok, Losses.crossEntropy(), 1, 1, null, 1));
    }

    @Test
    void sameSeedGivesTheSameInitialWeightsAndAnotherSeedDiffers() {
        ModelSpec.UNet a = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 1);
        ModelSpec.UNet b = unet(2, ModelSpec.Normalization.INSTANCE, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, 2);
        OptimizerSpec opt = OptimizerSpec.paper();
        try (Network g1 = init(a, opt); Network g2 = init(a, opt); Network g3 = init(b, opt)) {
            List<float[]> w1 = g1.weights(), w2 = g2.weights(), w3 = g3.weights();
            assertSameWeights(w2, w1);
            assertThat(w3.get(0)).isNotEqualTo(w1.get(0));
            // He normal: std of the first kernel ~ sqrt(2 / (1.0001 * 9))
            double s = 0;
            for (float v : w1.get(0)) s += v * v;
            assertThat(Math.sqrt(s / w1.get(0).length)).isCloseTo(Math.sqrt(2 / 9.0009), within(0.15));
        }
    }

    // ---- 3D ----

    /** A small 3D U-Net (depth 2, 4 base filters) with nnU-Net's kernels and strides for {@code spacing}. */
    protected static ModelSpec.UNet unet3d(int classes, long seed, double... spacing) {
        org.regionwise.core.backend.Pooling p = org.regionwise.core.backend.Pooling.forSpacing(spacing, 2);
        return new ModelSpec.UNet(3, 1, classes, 2, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, seed, p.convKernels(), p.poolStrides());
    }

    static Stream<Arguments> lossCases3d() {
        List<Arguments> a = new ArrayList<>();
        long seed = 101;
        for (LossSpec s : lossSpecs(3)) a.add(Arguments.of(s, 3, seed++));
        return a.stream();
    }

    @ParameterizedTest(name = "3D {0} K={1} seed={2}")
    @MethodSource("lossCases3d")
    void lossValueAndGradientMatchTheReferenceIn3D(LossSpec spec, int k, long seed) {
        Random r = new Random(seed);
        int b = 2, d = 3, h = 4, w = 3, n = d * h * w;
        double[] logits = new double[b * n * k];
        for (int i = 0; i < logits.length; i++) logits[i] = 2 * r.nextGaussian();
        int[] labels = new int[b * n];
        for (int i = 0; i < labels.length; i++) labels[i] = r.nextInt(k);
        if (spec instanceof LossSpec.Dice dd && dd.smooth() == 0 || spec instanceof LossSpec.GeneralizedDice g && g.smooth() == 0) {
            for (int i = n; i < 2 * n; i++) { labels[i] = 0; logits[i * k + k - 1] = -900; }
        }
        double[][] maps = new double[spec.maps().size()][b * n * k];
        for (double[] m : maps) for (int i = 0; i < m.length; i++) m[i] = 2 * r.nextDouble() - 1;
        int epoch = 37;
        double[] alphas = GradualAlphas.at(spec, epoch);
        LossValue ref = ReferenceLoss.of(spec).evaluate(new LossBatch(b, n, k, logits, labels, List.of(maps), epoch));
        LossValue got = engine().lossProbe().evaluate3d(spec, b, d, h, w, k, logits, labels, List.of(maps), alphas);
        assertThat(got.value()).isCloseTo(ref.value(), Offset.offset(1e-9 + 1e-5 * Math.abs(ref.value())));
        double scale = 0;
        for (double v : ref.gradient()) scale = Math.max(scale, Math.abs(v));
        assertThat(got.gradient()).hasSameSizeAs(ref.gradient());
        for (int i = 0; i < got.gradient().length; i++) {
            assertThat(got.gradient()[i]).as("d loss / d logit %d", i).isCloseTo(ref.gradient()[i], Offset.offset(1e-5 * Math.max(scale, 1e-12)));
        }
    }

    @Test
    void threeDNetworkLearnsASyntheticSpherePhantom(@TempDir Path dir) {
        SyntheticData data = SyntheticData.volumes(4, 24, 2, 21, 1, 1, 1);
        ModelSpec.UNet spec = unet3d(2, 5, 1, 1, 1);
        assertThat(spec.isotropic()).isTrue();
        TrainingPlan plan = new TrainingPlan(spec, Losses.sum(1, Losses.crossEntropy(), 1, Losses.dice()),
                new OptimizerSpec(1e-2, 3e-5, false, 0.9, 12), 6, 10, 2, 16, 6, 3, 2, dir.resolve("run"));
        try (NetworkModel m = backend().train(plan, data, TrainingListener.none())) {
            assertThat(m.inference().window()).as("a 3D model predicts by windows of its patch").isEqualTo(16);
            Sample test = SyntheticData.sphere("test", 28, 26, 24, new double[] {1, 1, 1}, 2, new Random(99));
            LabelImage seg = m.segment(test.image());
            assertThat(seg.grid()).isEqualTo(test.image().grid());
            double dice = Metrics.dice(seg, test.labels(), 1);
            // an all-background or all-foreground answer scores 0 or about 0.1 here
            assertThat(dice).as("3D phantom Dice (history %s)", m.history()).isGreaterThan(0.8);
            assertThat(m.history().get(5).validationDice().get(1)).isGreaterThan(0.8);
            // a checkpoint loads segmenting by the same windows
            try (NetworkModel c = backend().load(Checkpoints.locate(dir.resolve("run"), Checkpoints.LAST).orElseThrow())) {
                assertThat(c.inference()).isEqualTo(m.inference());
            }
        }
    }

    @Test
    void threeDNetworkTrainsOnTwoChannelVolumesInTheirOrder() {
        // channel 0 noise, channel 1 the sphere's intensities: the network must read channel 1
        SyntheticData spheres = SyntheticData.volumes(4, 24, 2, 21, 1, 1, 1);
        Random r = new Random(5);
        java.util.function.Function<Sample, Sample> twoChannel = s -> {
            float[] noise = new float[s.image().grid().voxelCount()];
            for (int i = 0; i < noise.length; i++) noise[i] = (float) (100 + 30 * r.nextGaussian());
            return new Sample(s.id(), List.of(new FloatImage(s.image().grid(), noise), s.image()), s.labels());
        };
        List<Sample> train = spheres.training().stream().map(twoChannel).toList();
        Sample val = twoChannel.apply(spheres.validation().get(0));
        TrainingData data = TrainingData.of("two-channel spheres", List.of("background", "sphere"), train, List.of(val));
        ModelSpec.UNet spec = new ModelSpec.UNet(3, 2, 2, 2, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 6);
        TrainingPlan plan = new TrainingPlan(spec, Losses.sum(1, Losses.crossEntropy(), 1, Losses.dice()),
                new OptimizerSpec(1e-2, 3e-5, false, 0.9, 12), 6, 10, 2, 16, 6, 3, 2, null);
        try (NetworkModel m = backend().train(plan, data, TrainingListener.none())) {
            double right = Metrics.dice(m.segment(val.channels()), val.labels(), 1);
            double swapped = Metrics.dice(m.segment(List.of(val.channels().get(1), val.channels().get(0))), val.labels(), 1);
            assertThat(right).as("Dice with the channels in order %s, swapped %s", right, swapped).isGreaterThan(swapped + 0.2);
            assertThatThrownBy(() -> m.predict(val.image())).hasMessageContaining("takes 2 input channels, got 1");
        }
    }

    @Test
    void anisotropic3DNetworkTrainsSavesLoadsAndPredictsOnTheInputGrid(@TempDir Path dir) throws Exception {
        // 1 x 1 x 3 mm: z is neither pooled nor convolved across at the first stage (nnU-Net's rule)
        ModelSpec.UNet spec = unet3d(3, 8, 1, 1, 3);
        assertThat(spec.kernel(0)).containsExactly(3, 3, 1);
        assertThat(spec.stride(1)).containsExactly(2, 2, 1);
        assertThat(spec.stride(2)).containsExactly(2, 2, 2);
        assertThat(spec.multiple(2)).isEqualTo(2);
        SyntheticData data = SyntheticData.volumes(2, 16, 3, 3, 1, 1, 3);
        TrainingPlan plan = new TrainingPlan(spec, Losses.rectifiedRegionWise(), OptimizerSpec.paper(), 1, 2, 2, 16, 1, 4, 2, null);
        Sample odd = SyntheticData.sphere("odd", 19, 13, 7, new double[] {1, 1, 3}, 3, new Random(4));
        try (NetworkModel m = backend().train(plan, data, TrainingListener.none())) {
            ClassMaps tiled = m.predict(odd.image());
            assertThat(tiled.grid()).isEqualTo(odd.image().grid());
            for (int i = 0; i < tiled.grid().voxelCount(); i++) {
                assertThat(tiled.get(0, i) + tiled.get(1, i) + tiled.get(2, i)).isCloseTo(1f, within(1e-5f));
            }
            // a window covering the (padded) volume is the whole-volume pass
            Sample cube = SyntheticData.sphere("cube", 16, 16, 16, new double[] {1, 1, 3}, 3, new Random(5));
            ClassMaps whole = m.withInference(org.regionwise.training.Inference.WHOLE_IMAGE).predict(cube.image());
            ClassMaps one = m.withInference(org.regionwise.training.Inference.slidingWindow(16)).predict(cube.image());
            for (int i = 0; i < 16 * 16 * 16; i++) assertThat(one.get(1, i)).isCloseTo(whole.get(1, i), within(1e-5f));
            // mirroring averages 8 passes: still probabilities, and not the plain pass
            ClassMaps tta = m.withInference(org.regionwise.training.Inference.slidingWindow(16).withMirroring(true)).predict(cube.image());
            double diff = 0;
            for (int i = 0; i < 16 * 16 * 16; i++) {
                assertThat(tta.get(0, i) + tta.get(1, i) + tta.get(2, i)).isCloseTo(1f, within(1e-5f));
                diff = Math.max(diff, Math.abs(tta.get(1, i) - one.get(1, i)));
            }
            assertThat(diff).isGreaterThan(1e-5);

            m.save(dir.resolve("saved"));
            try (NetworkModel loaded = backend().load(dir.resolve("saved"))) {
                assertThat(loaded.spec()).isEqualTo(spec);
                // saved with its windows: the loaded model segments as the trained one
                assertThat(loaded.inference()).isEqualTo(m.inference());
                assertThat(loaded.predict(odd.image()).data(1)).containsExactly(tiled.data(1));
            }
            m.export(dir.resolve("export"));
            checkExport(m, dir.resolve("export"));
            // a 2D image is refused by name
            assertThatThrownBy(() -> m.predict(SyntheticData.disk("flat", 16, 16, 3, new Random(1)).image()))
                    .hasMessageContaining("3D U-Net predicts 3D volumes");
        }
    }

    private Network init(ModelSpec.UNet spec, OptimizerSpec opt) {
        var n = engine().createForTraining(spec, Losses.crossEntropy(), opt, 1);
        n.initialize();
        return n;
    }
}
