package org.regionwise.tensorflow.internal;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.loss.reference.ReferenceLoss;
import org.regionwise.training.conformance.EngineConformanceSuite;

/**
 * Edge cases of the losses lowered to graph ops against the pure-Java {@link ReferenceLoss} (value and gradient w.r.t.
 * the logits, 1e-5 relative); every loss on random inputs is checked by {@link EngineConformanceSuite}.
 */
class LossBuilderTest {

    /** Weighted CE whose batch has only zero-weight voxels: 0/0 must be a loss and gradient of 0, as the reference. */
    @Test
    void weightedCrossEntropyWithOnlyZeroWeightVoxelsIsZeroNotNaN() {
        int k = 2, b = 2, h = 3, w = 3;
        Random r = new Random(5);
        double[] logits = new double[b * h * w * k];
        for (int i = 0; i < logits.length; i++) logits[i] = r.nextGaussian();
        int[] labels = new int[b * h * w]; // all background, whose weight is 0
        assertMatchesOracle(Losses.weightedCrossEntropy(0, 1), k, b, h, w, logits, labels, new double[0][]);
    }

    /** Focal with gamma 0 or below 1 on saturated voxels (p_y == 1 in float64): finite gradients, as the reference. */
    @ParameterizedTest(name = "gamma={0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0, 0.5, 2})
    void focalGradientStaysFiniteOnSaturatedVoxels(double gamma) {
        int k = 3, b = 2, h = 3, w = 4;
        Random r = new Random(9);
        double[] logits = new double[b * h * w * k];
        int[] labels = new int[b * h * w];
        for (int v = 0; v < labels.length; v++) {
            labels[v] = r.nextInt(k);
            for (int c = 0; c < k; c++) logits[v * k + c] = r.nextGaussian();
            if (v % 2 == 0) logits[v * k + labels[v]] = 80; // saturated: log p_y == 0 exactly
        }
        assertMatchesOracle(Losses.focal(gamma, 1), k, b, h, w, logits, labels, new double[0][]);
    }

    private static void assertMatchesOracle(LossSpec spec, int k, int b, int h, int w, double[] logits, int[] labels, double[][] maps) {
        EngineConformanceSuite.assertLossMatchesReference(new org.regionwise.tensorflow.TensorFlowEngine(), spec, k, b, h, w, logits, labels, maps);
    }
}
