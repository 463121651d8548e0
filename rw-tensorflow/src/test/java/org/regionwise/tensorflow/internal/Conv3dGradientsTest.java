package org.regionwise.tensorflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * The registered 3D convolution gradients against central finite differences, in float64, for the convolution and
 * the transposed convolution, with strides 1 and 2, SAME and VALID padding, odd sizes. The loss
 * {@code L = Σ tanh(y) r} is not linear, so a gradient that is transposed, shifted or taken at the wrong input fails.
 */
class Conv3dGradientsTest {
    @BeforeAll
    static void register() { assertThat(Conv3dGradients.register()).isTrue(); }

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * 0.5;
        return v;
    }

    private static int size(long[] s) { int n = 1; for (long v : s) n *= (int) v; return n; }

    /** L(a, b) and its two gradients from the graph, and central differences at a few entries of each input. */
    private static void check(long[] shapeA, long[] shapeB, java.util.function.BiFunction<Ops, Operand<TFloat64>[], Operand<TFloat64>> op,
                              long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = random(r, size(shapeA)), b = random(r, size(shapeB));
        try (Graph g = new Graph(); Session s = new Session(g); TensorScope scope = new TensorScope()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat64> pa = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(shapeA)));
            Placeholder<TFloat64> pb = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(shapeB)));
            @SuppressWarnings("unchecked")
            Operand<TFloat64> y = op.apply(tf, new Operand[] {pa, pb});
            long[] ys = y.shape().asArray();
            Operand<TFloat64> weights = tf.constant(Shape.of(ys), org.tensorflow.ndarray.buffer.DataBuffers.of(random(r, size(ys)), true, false));
            Operand<TFloat64> loss = tf.reduceSum(tf.math.mul(tf.math.tanh(y), weights), tf.constant(new int[] {0, 1, 2, 3, 4}));
            Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {pa.asOutput(), pb.asOutput()});
            Result res = scope.run(s.runner().feed(pa, scope.doubles(Shape.of(shapeA), a)).feed(pb, scope.doubles(Shape.of(shapeB), b))
                    .fetch(grads[0]).fetch(grads[1]));
            double[] ga = TensorScope.toDoubles(res.get(0)), gb = TensorScope.toDoubles(res.get(1));
            double h = 1e-6;
            for (int t = 0; t < 12; t++) {
                boolean first = t % 2 == 0;
                double[] v = first ? a : b;
                int i = r.nextInt(v.length);
                double keep = v[i];
                v[i] = keep + h;
                double up = loss(s, scope, pa, pb, a, b, shapeA, shapeB, loss);
                v[i] = keep - h;
                double down = loss(s, scope, pa, pb, a, b, shapeA, shapeB, loss);
                v[i] = keep;
                double fd = (up - down) / (2 * h), analytic = first ? ga[i] : gb[i];
                assertThat(analytic).as("d/d%s[%d]", first ? "a" : "b", i).isCloseTo(fd, within(1e-6 + 1e-6 * Math.abs(fd)));
            }
        }
    }

    private static double loss(Session s, TensorScope scope, Placeholder<TFloat64> pa, Placeholder<TFloat64> pb, double[] a, double[] b,
                               long[] shapeA, long[] shapeB, Operand<TFloat64> loss) {
        try (TensorScope local = new TensorScope()) {
            Result res = local.run(s.runner().feed(pa, local.doubles(Shape.of(shapeA), a)).feed(pb, local.doubles(Shape.of(shapeB), b)).fetch(loss));
            return TensorScope.toDoubles(res.get(0))[0];
        }
    }

    @ParameterizedTest(name = "conv3d stride {0} {1}")
    @CsvSource({"1, SAME", "2, SAME", "1, VALID", "2, VALID"})
    void convolutionGradientsMatchFiniteDifferences(long stride, String padding) {
        check(new long[] {2, 5, 6, 7, 2}, new long[] {3, 3, 3, 2, 3},
                (tf, in) -> tf.nn.conv3d(in[0], in[1], List.of(1L, stride, stride, stride, 1L), padding), 11 + stride);
    }

    @ParameterizedTest(name = "transposed conv3d stride {0} {1}")
    @CsvSource({"2, VALID", "2, SAME", "1, SAME"})
    void transposedConvolutionGradientsMatchFiniteDifferences(long stride, String padding) {
        // the U-Net's up-sampling: 2x2x2 kernels at stride 2 double each axis; z has 3 channels, the output 2
        long[] out = stride == 2 ? new long[] {1, 8, 6, 10, 2} : new long[] {1, 4, 3, 5, 2};
        check(new long[] {2, 2, 2, 2, 3}, new long[] {1, 4, 3, 5, 3},
                (tf, in) -> tf.nn.conv3dBackpropInput(tf.constant(new int[] {(int) out[0], (int) out[1], (int) out[2], (int) out[3], (int) out[4]}),
                        in[0], in[1], List.of(1L, stride, stride, stride, 1L), padding), 21 + stride);
    }
}
