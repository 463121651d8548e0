package org.regionwise.tensorflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.training.spi.Batch;
import org.regionwise.training.spi.StepResult;
import org.regionwise.tensorflow.TensorFlowBackend;

/**
 * bf16 convolutions (AMP-style: float32 master weights, normalisation and loss) against float32, same weights.
 * Documented tolerances: loss within 2% (relative), gradient norm within 5%, the loss after one Adam step within 2%
 * again, and the first Adam updates pointing the same way with a cosine of at least 0.8 (Adam's first step is close to
 * {@code -lr sign(g)}, so it counts every small gradient component whose sign bf16 rounding flips as fully as a large
 * one: 0.85 was measured); training at the same budget reaches a test Dice within 0.03 of float32's.
 */
class Bf16PrecisionTest {
    private static final ModelSpec.UNet SPEC = new ModelSpec.UNet(2, 1, 3, 3, 8, 64, ModelSpec.Normalization.INSTANCE,
            ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 7);
    private static final LossSpec LOSS = Losses.equal(Losses.crossEntropy(), Losses.dice());
    private static final OptimizerSpec ADAM = new OptimizerSpec(1e-3, 3e-5, false, 0.9, 12);

    /** Images that carry their labels (ring and disc over noise), so that loss and gradient are not noise alone. */
    private static Batch batch(int b, int n, long seed) {
        Random r = new Random(seed);
        float[] img = new float[b * n * n];
        int[][] labels = new int[3][];
        for (int s = 0; s < 3; s++) labels[s] = new int[b * (n >> s) * (n >> s)];
        for (int i = 0; i < b; i++) {
            double cx = n / 2.0 + r.nextInt(5) - 2, cy = n / 2.0 + r.nextInt(5) - 2, rad = n / 4.0 + r.nextInt(4);
            for (int s = 0; s < 3; s++) {
                int m = n >> s;
                for (int y = 0; y < m; y++) for (int x = 0; x < m; x++) {
                    double d = Math.hypot((x + 0.5) * (1 << s) - cx, (y + 0.5) * (1 << s) - cy);
                    int label = d < rad * 0.6 ? 2 : d < rad ? 1 : 0;
                    labels[s][i * m * m + y * m + x] = label;
                    if (s == 0) img[i * n * n + y * n + x] = label + 0.5f * (float) r.nextGaussian();
                }
            }
        }
        int scales = org.regionwise.training.spi.OutputScales.of(SPEC);
        int[] hs = new int[scales];
        List<int[]> ls = new ArrayList<>();
        List<List<float[]>> maps = new ArrayList<>();
        for (int s = 0; s < scales; s++) { hs[s] = n >> s; ls.add(labels[s]); maps.add(List.of()); }
        return new Batch(b, hs, hs.clone(), img, ls, maps);
    }

    @Test
    void lossAndGradientStayWithinTheDocumentedToleranceOfFloat32() {
        Batch batch = batch(4, 32, 3);
        try (ModelGraph fp32 = ModelGraph.forTraining(SPEC, LOSS, ADAM, 2, Precision.FP32);
             ModelGraph bf16 = ModelGraph.forTraining(SPEC, LOSS, ADAM, 2, Precision.BF16)) {
            fp32.initialize();
            bf16.initialize();
            List<float[]> w0 = fp32.weights();
            assertThat(bf16.weights()).usingRecursiveComparison().isEqualTo(w0);    // same master weights

            double l32 = fp32.evaluateLoss(batch, new double[0]), l16 = bf16.evaluateLoss(batch, new double[0]);
            assertThat(l16).isNotEqualTo(l32);                                       // the casts are in the graph
            assertThat(Math.abs(l16 - l32) / Math.abs(l32)).as("loss fp32 %s vs bf16 %s", l32, l16).isLessThan(0.02);

            StepResult s32 = fp32.step(batch, 1e-3, new double[0]), s16 = bf16.step(batch, 1e-3, new double[0]);
            assertThat(Math.abs(s16.gradientNorm() - s32.gradientNorm()) / s32.gradientNorm())
                    .as("gradient norm fp32 %s vs bf16 %s", s32.gradientNorm(), s16.gradientNorm()).isLessThan(0.05);

            List<float[]> a = fp32.weights(), b = bf16.weights();
            double dot = 0, na = 0, nb = 0;
            for (int v = 0; v < w0.size(); v++) {
                for (int i = 0; i < w0.get(v).length; i++) {
                    double da = a.get(v)[i] - w0.get(v)[i], db = b.get(v)[i] - w0.get(v)[i];
                    dot += da * db;
                    na += da * da;
                    nb += db * db;
                }
            }
            assertThat(dot / Math.sqrt(na * nb)).as("cosine of the first updates").isGreaterThan(0.8);
            double after32 = fp32.evaluateLoss(batch, new double[0]), after16 = bf16.evaluateLoss(batch, new double[0]);
            assertThat(after32).isLessThan(l32);
            assertThat(Math.abs(after16 - after32) / Math.abs(after32)).as("loss after one step fp32 %s vs bf16 %s", after32, after16)
                    .isLessThan(0.02);
        }
    }

    private static Sample rings(String id, long seed) {
        Batch b = batch(1, 48, seed);
        Grid g = Grid.of2D(48, 48);
        int[] lab = new int[48 * 48];
        for (int y = 0; y < 48; y++) for (int x = 0; x < 48; x++) lab[x + 48 * y] = b.labels(0)[y * 48 + x];
        float[] img = new float[48 * 48];
        for (int y = 0; y < 48; y++) for (int x = 0; x < 48; x++) img[x + 48 * y] = b.images()[y * 48 + x];
        return new Sample(id, new FloatImage(g, img), new LabelImage(g, lab));
    }

    private static double trainedDice(Precision precision, List<Sample> test) {
        List<Sample> train = new ArrayList<>();
        for (int i = 0; i < 8; i++) train.add(rings("t" + i, 100 + i));
        TrainingData data = TrainingData.of("rings", List.of("background", "ring", "disc"), train, List.of(rings("v", 99)));
        TrainingPlan plan = new TrainingPlan(SPEC, LOSS, ADAM, 4, 20, 4, 48, 4, 7, 2, null);
        try (TrainedModel m = new TensorFlowBackend(precision).train(plan, data, TrainingListener.none())) {
            double sum = 0;
            for (Sample s : test) {
                LabelImage seg = m.segment(s.image());
                for (int k = 1; k <= 2; k++) {
                    long inter = 0, p = 0, r = 0;
                    for (int i = 0; i < seg.data().length; i++) {
                        boolean a = seg.data()[i] == k, c = s.labels().data()[i] == k;
                        if (a && c) inter++;
                        if (a) p++;
                        if (c) r++;
                    }
                    sum += 2.0 * inter / Math.max(1, p + r);
                }
            }
            return sum / (2.0 * test.size());
        }
    }

    @Test
    void bf16LearnsTheRingsAsFloat32DoesAtTheSameBudget() {
        List<Sample> test = List.of(rings("a", 1), rings("b", 2), rings("c", 3));
        double fp32 = trainedDice(Precision.FP32, test), bf16 = trainedDice(Precision.BF16, test);
        assertThat(fp32).as("float32 test Dice").isGreaterThan(0.8);
        assertThat(bf16).as("bf16 test Dice (float32 %s)", fp32).isGreaterThan(fp32 - 0.03);
    }
}
