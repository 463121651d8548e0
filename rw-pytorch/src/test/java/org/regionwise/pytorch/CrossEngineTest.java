package org.regionwise.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.tensorflow.TensorFlowEngine;
import org.regionwise.training.internal.BatchFactory;
import org.regionwise.training.internal.PatchSampler;
import org.regionwise.training.conformance.SyntheticData;
import org.regionwise.training.spi.Batch;
import org.regionwise.training.spi.GradualAlphas;
import org.regionwise.training.spi.StepResult;
import org.regionwise.training.spi.TrainableNetwork;

/**
 * TensorFlow and PyTorch from the same seed: bit-identical initial weights (drawn in Java), and the same first loss
 * on the same batch to 1e-5 relative (float32 convolutions in two libraries; the loss in float64 in both); after two
 * Adam steps the loss agrees to 1e-4 and the weights to 1e-4.
 */
class CrossEngineTest {

    @ParameterizedTest(name = "{0} {1} deep supervision {2}")
    @CsvSource({"INSTANCE, TRANSPOSED_CONVOLUTION, true", "NONE, NEAREST_CONVOLUTION, false", "BATCH, BILINEAR_CONVOLUTION, true"})
    void sameInitialWeightsAndSameFirstLoss(ModelSpec.Normalization norm, ModelSpec.Upsampling up, boolean deep) {
        ModelSpec.UNet spec = new ModelSpec.UNet(2, 1, 3, 3, 4, 16, norm, up, deep, 7);
        LossSpec loss = Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy());
        OptimizerSpec opt = OptimizerSpec.paper();
        SyntheticData data = new SyntheticData(3, 32, 3, 11);
        try (TrainableNetwork tf = new TensorFlowEngine().createForTraining(spec, loss, opt, 1);
             TrainableNetwork pt = new PyTorchEngine().createForTraining(spec, loss, opt, 1)) {
            assertSameInitialWeights(tf, pt);
            assertThat(pt.parameterCount()).isEqualTo(tf.parameterCount());

            BatchFactory f = new BatchFactory(new PatchSampler(data.training(), 32, true), loss.maps(), 4, 3, tf.scales(), 3);
            double[] alphas = GradualAlphas.at(loss, 0);
            Batch batch = f.create(0, 0);
            StepResult rt = tf.step(batch, 1e-3, alphas), rp = pt.step(batch, 1e-3, alphas);
            assertThat(rp.loss()).as("first loss TF %s, PyTorch %s", rt.loss(), rp.loss()).isCloseTo(rt.loss(), within(1e-5 * Math.abs(rt.loss())));
            assertThat(rp.gradientNorm()).isCloseTo(rt.gradientNorm(), within(1e-3 * rt.gradientNorm()));
            // a second step (Adam's bias correction at t = 2) on the next batch; the weights stay close (not bitwise:
            // two float32 libraries)
            Batch next = f.create(0, 1);
            StepResult st = tf.step(next, 1e-3, alphas), sp = pt.step(next, 1e-3, alphas);
            assertThat(sp.loss()).isCloseTo(st.loss(), within(1e-4 * Math.abs(st.loss())));
            Random r = new Random(1);
            List<float[]> a1 = tf.weights(), b1 = pt.weights();
            for (int i = 0; i < a1.size(); i++) {
                int j = r.nextInt(a1.get(i).length);
                assertThat((double) b1.get(i)[j]).isCloseTo(a1.get(i)[j], within(1e-4));
            }
        }
    }

    /** The same in 3D, isotropic and anisotropic (1 x 1 x 3 mm: 3x3x1 kernels and 2x2x1 strides at stage 0/1), each normalisation. */
    @ParameterizedTest(name = "3D {0} spacing z {1}")
    @CsvSource({"INSTANCE, 1", "INSTANCE, 3", "BATCH, 3", "NONE, 1"})
    void sameInitialWeightsFirstLossAndPredictionIn3D(ModelSpec.Normalization norm, double dz) {
        org.regionwise.core.backend.Pooling p = org.regionwise.core.backend.Pooling.forSpacing(new double[] {1, 1, dz}, 3);
        ModelSpec.UNet spec = new ModelSpec.UNet(3, 1, 3, 3, 4, 16, norm, ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, true, 7,
                p.convKernels(), p.poolStrides());
        LossSpec loss = Losses.equal(Losses.rectifiedRegionWise(), Losses.crossEntropy());
        OptimizerSpec opt = OptimizerSpec.paper();
        SyntheticData data = SyntheticData.volumes(2, 20, 3, 11, 1, 1, dz);
        try (TrainableNetwork tf = new TensorFlowEngine().createForTraining(spec, loss, opt, 1);
             TrainableNetwork pt = new PyTorchEngine().createForTraining(spec, loss, opt, 1)) {
            assertSameInitialWeights(tf, pt);
            int[][] factors = new int[tf.scales()][];
            for (int s = 0; s < factors.length; s++) factors[s] = spec.factor(s);
            BatchFactory f = new BatchFactory(new org.regionwise.training.internal.VolumeSampler(data.training(), 16, true),
                    loss.maps(), 2, 3, factors, 3);
            double[] alphas = GradualAlphas.at(loss, 0);
            Batch batch = f.create(0, 0);
            assertThat(batch.depth(0)).isEqualTo(16);
            assertThat(batch.depth(1)).isEqualTo(dz == 1 ? 8 : 16);
            StepResult rt = tf.step(batch, 1e-3, alphas), rp = pt.step(batch, 1e-3, alphas);
            assertThat(rp.loss()).as("first loss TF %s, PyTorch %s", rt.loss(), rp.loss()).isCloseTo(rt.loss(), within(1e-5 * Math.abs(rt.loss())));
            assertThat(rp.gradientNorm()).isCloseTo(rt.gradientNorm(), within(1e-3 * rt.gradientNorm()));
            float[] x = batch.images();
            float[] pa = tf.predict(x, 2, 16, 16, 16), pb = pt.predict(x, 2, 16, 16, 16);
            assertThat(pb).hasSameSizeAs(pa);
            for (int i = 0; i < pa.length; i += 7) assertThat((double) pb[i]).isCloseTo(pa[i], within(1e-4));
        }
    }

    /** Initialises both networks and checks that their weights are bit-identical, variable for variable. */
    private static void assertSameInitialWeights(TrainableNetwork tf, TrainableNetwork pt) {
        tf.initialize();
        pt.initialize();
        List<float[]> a = tf.weights(), b = pt.weights();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) assertThat(b.get(i)).as("variable %d", i).containsExactly(a.get(i));
    }
}
