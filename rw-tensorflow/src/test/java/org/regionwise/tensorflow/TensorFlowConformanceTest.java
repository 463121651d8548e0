package org.regionwise.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.core.loss.Losses;
import org.regionwise.training.NetworkModel;
import org.regionwise.training.conformance.EngineConformanceSuite;
import org.regionwise.training.internal.PatchSampler;
import org.regionwise.training.spi.Engine;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The TensorFlow engine passes the conformance suite; its SavedModel export predicts what the model predicts. */
class TensorFlowConformanceTest extends EngineConformanceSuite {

    @Override protected Engine engine() { return new TensorFlowEngine(); }

    /** The SavedModel loads with TensorFlow alone and its {@code serving_default} equals the model's prediction. */
    @Override
    protected void checkExport(NetworkModel m, Path directory) {
        if (m.spec().dimensions() == 3) { checkExport3d(m, directory); return; }
        float[] input = new float[32 * 40];
        Random r = new Random(1);
        for (int i = 0; i < input.length; i++) input[i] = (float) r.nextGaussian();
        ClassMaps ours = m.predict(new FloatImage(Grid.of2D(40, 32), input.clone()));
        float[] z = PatchSampler.zScore(input);
        try (SavedModelBundle b = SavedModelBundle.load(directory.toString(), "serve");
             TFloat32 t = TFloat32.tensorOf(Shape.of(1, 32, 40, 1), DataBuffers.of(z, true, false));
             Result res = b.function("serving_default").call(Map.of("image", t))) {
            TFloat32 probs = (TFloat32) res.get("probs").orElseThrow();
            assertThat(probs.shape()).isEqualTo(Shape.of(1, 32, 40, 2));
            for (int i = 0; i < 32 * 40; i++) {
                assertThat(probs.getFloat(0, i / 40, i % 40, 1)).isCloseTo(ours.get(1, i), within(1e-6f));
            }
        }
    }

    /** A 3D SavedModel: {@code image [1, D, H, W, 1] -> probs [1, D, H, W, K]}, equal to the model's whole-volume pass. */
    private static void checkExport3d(NetworkModel m, Path directory) {
        int nx = 16, ny = 12, nz = 8, n = nx * ny * nz, k = m.spec().classes();
        float[] input = new float[n];
        Random r = new Random(2);
        for (int i = 0; i < n; i++) input[i] = (float) r.nextGaussian();
        ClassMaps ours = m.withInference(org.regionwise.training.Inference.WHOLE_IMAGE)
                .predict(new FloatImage(Grid.of(new int[] {nx, ny, nz}, new double[] {1, 1, 3}), input.clone()));
        float[] z = PatchSampler.zScore(input);
        try (SavedModelBundle b = SavedModelBundle.load(directory.toString(), "serve");
             TFloat32 t = TFloat32.tensorOf(Shape.of(1, nz, ny, nx, 1), DataBuffers.of(z, true, false));
             Result res = b.function("serving_default").call(Map.of("image", t))) {
            TFloat32 probs = (TFloat32) res.get("probs").orElseThrow();
            assertThat(probs.shape()).isEqualTo(Shape.of(1, nz, ny, nx, k));
            for (int i = 0; i < n; i++) {
                assertThat(probs.getFloat(0, i / (nx * ny), (i / nx) % ny, i % nx, 1)).isCloseTo(ours.get(1, i), within(1e-6f));
            }
        }
    }

    @Test
    void rejectsBf16For3DNetworks() {
        ModelSpec.UNet threeD = new ModelSpec.UNet(3, 1, 2, 3, 4, 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 1);
        new TensorFlowBackend().validate(plan(threeD, Losses.crossEntropy(), 1, 1, null, 1));
        assertThatThrownBy(() -> new org.regionwise.training.EngineBackend(new TensorFlowEngine(org.regionwise.core.backend.Precision.BF16))
                .validate(plan(threeD, Losses.crossEntropy(), 1, 1, null, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bf16 is 2D only");
    }
}
