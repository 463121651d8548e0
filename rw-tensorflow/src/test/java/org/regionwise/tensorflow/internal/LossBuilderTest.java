package org.regionwise.tensorflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.loss.reference.LossBatch;
import org.regionwise.core.loss.reference.LossValue;
import org.regionwise.core.loss.reference.ReferenceLoss;
import org.regionwise.core.map.Maps;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/** Every loss lowered to graph ops against the pure-Java {@link ReferenceLoss}: value and gradient w.r.t. the logits, 1e-5 relative. */
class LossBuilderTest {

    static List<LossSpec> specs(int k) {
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

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (int k : new int[] {2, 4}) {
            long seed = 11;
            for (LossSpec s : specs(k)) a.add(Arguments.of(s, k, seed++));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} K={1} seed={2}")
    @MethodSource("cases")
    void valueAndGradientMatchTheOracle(LossSpec spec, int k, long seed) {
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
        assertMatchesOracle(spec, k, b, h, w, logits, labels, maps);
    }

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
        int n = h * w;
        int epoch = 37;
        double[] alphas = LossBuilder.alphas(spec, epoch);

        LossValue ref = ReferenceLoss.of(spec).evaluate(new LossBatch(b, n, k, logits, labels, List.of(maps), epoch));
        double expected = ref.value();
        double[] expectedGrad = ref.gradient();

        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat64> s = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, -1, -1, k)));
            Placeholder<TInt32> y = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1, -1)));
            Placeholder<TFloat64> a = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
            List<Placeholder<TFloat64>> mp = new ArrayList<>();
            for (int m = 0; m < maps.length; m++) mp.add(tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, -1, -1, k))));
            Operand<TFloat64> oneHot = tf.oneHot(y, tf.constant(k), tf.constant(1.0), tf.constant(0.0));
            Operand<TFloat64> loss = new LossBuilder(tf, k).build(spec, new LossBuilder.Inputs(s, oneHot, List.copyOf(mp), a));
            Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {s.asOutput()});
            try (Session session = new Session(g); TensorScope scope = new TensorScope()) {
                Session.Runner run = session.runner()
                        .feed(s, scope.doubles(Shape.of(b, h, w, k), logits))
                        .feed(y, scope.ints(Shape.of(b, h, w), labels))
                        .feed(a, scope.doubles(Shape.of(alphas.length), alphas));
                for (int m = 0; m < maps.length; m++) run.feed(mp.get(m), scope.doubles(Shape.of(b, h, w, k), maps[m]));
                Result res = scope.run(run.fetch(loss).fetch(grad[0]));
                double value = ((TFloat64) res.get(0)).getDouble();
                double[] gradient = TensorScope.toDoubles(res.get(1));
                assertThat(value).as("loss value").isFinite();
                for (double g0 : gradient) assertThat(g0).as("gradient").isFinite();
                assertThat(value).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 + 1e-5 * Math.abs(expected)));
                double scale = 0;
                for (double v : expectedGrad) scale = Math.max(scale, Math.abs(v));
                for (int i = 0; i < gradient.length; i++) {
                    assertThat(gradient[i]).as("d loss / d logit %d", i)
                            .isCloseTo(expectedGrad[i], org.assertj.core.data.Offset.offset(1e-5 * Math.max(scale, 1e-12)));
                }
            }
        }
    }
}
