package org.regionwise.tensorflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The fused instance normalisation ({@link UNetBuilder#instanceNorm}, float32): values against a float64 Java oracle,
 * and gradients with respect to x, gamma and beta against central differences of that oracle.
 */
class InstanceNormGradientTest {

    @ParameterizedTest
    @CsvSource({"1, 2, 3, 4, 3", "2, 3, 5, 4, 2", "3, 1, 4, 4, 5", "4, 4, 2, 3, 1"})
    void valueAndGradientsMatchTheOracleAndFiniteDifferences(long seed, int b, int h, int w, int c) {
        Random r = new Random(seed);
        double[] x = new double[b * h * w * c], gamma = new double[c], beta = new double[c], weights = new double[x.length];
        for (int i = 0; i < x.length; i++) { x[i] = 3 * r.nextGaussian() + 1; weights[i] = r.nextGaussian(); }
        for (int k = 0; k < c; k++) { gamma[k] = 0.5 + r.nextDouble(); beta[k] = r.nextGaussian(); }
        double eps = 1e-5;
        try (Graph g = new Graph(); TensorScope scope = new TensorScope()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> xp = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, c)));
            Placeholder<TFloat32> gp = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(c)));
            Placeholder<TFloat32> bp = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(c)));
            Operand<TFloat32> y = UNetBuilder.instanceNorm(tf, xp, gp, bp, eps);
            // scalar objective sum(y * weights) so every output element matters
            Operand<TFloat32> obj = tf.reduceSum(tf.math.mul(y, tf.constant(Shape.of(b, h, w, c), DataBuffers.of(toFloats(weights)))),
                    tf.constant(new int[] {0, 1, 2, 3}));
            Output<?>[] grads = g.addGradients(obj.asOutput(), new Output<?>[] {xp.asOutput(), gp.asOutput(), bp.asOutput()});
            try (Session s = new Session(g)) {
                Result res = scope.run(s.runner().feed(xp, scope.floats(Shape.of(b, h, w, c), toFloats(x)))
                        .feed(gp, scope.floats(Shape.of(c), toFloats(gamma))).feed(bp, scope.floats(Shape.of(c), toFloats(beta)))
                        .fetch(y).fetch(grads[0]).fetch(grads[1]).fetch(grads[2]));
                // the oracle sees the float32-rounded inputs the graph saw
                x = toDoubles(toFloats(x)); gamma = toDoubles(toFloats(gamma)); beta = toDoubles(toFloats(beta));
                float[] yv = TensorScope.toFloats(res.get(0));
                double[] yRef = oracle(x, gamma, beta, b, h * w, c, eps);
                for (int i = 0; i < yv.length; i++) assertThat((double) yv[i]).as("y[%d]", i).isCloseTo(yRef[i], within(2e-5 * (1 + Math.abs(yRef[i]))));
                float[][] analytic = {TensorScope.toFloats(res.get(1)), TensorScope.toFloats(res.get(2)), TensorScope.toFloats(res.get(3))};
                double[][] params = {x, gamma, beta};
                for (int which = 0; which < 3; which++) {
                    for (int i = 0; i < params[which].length; i++) {
                        double old = params[which][i], hh = 1e-6;
                        params[which][i] = old + hh;
                        double up = objective(oracle(x, gamma, beta, b, h * w, c, eps), weights);
                        params[which][i] = old - hh;
                        double down = objective(oracle(x, gamma, beta, b, h * w, c, eps), weights);
                        params[which][i] = old;
                        double numeric = (up - down) / (2 * hh);
                        assertThat((double) analytic[which][i]).as("input %d element %d", which, i)
                                .isCloseTo(numeric, within(1e-4 * (1 + Math.abs(numeric))));
                    }
                }
            }
        }
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    private static double[] toDoubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }

    static double objective(double[] y, double[] w) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += y[i] * w[i];
        return s;
    }

    /** Instance normalisation of NHWC x ({@code n = H W} pixels per image), straight from the formula in float64. */
    static double[] oracle(double[] x, double[] gamma, double[] beta, int b, int n, int c, double eps) {
        double[] y = new double[x.length];
        for (int bb = 0; bb < b; bb++) {
            for (int k = 0; k < c; k++) {
                double m = 0, v = 0;
                for (int i = 0; i < n; i++) m += x[(bb * n + i) * c + k];
                m /= n;
                for (int i = 0; i < n; i++) { double d = x[(bb * n + i) * c + k] - m; v += d * d; }
                v /= n;
                for (int i = 0; i < n; i++) {
                    int j = (bb * n + i) * c + k;
                    y[j] = gamma[k] * (x[j] - m) / Math.sqrt(v + eps) + beta[k];
                }
            }
        }
        return y;
    }
}
