package org.regionwise.tensorflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** Instance normalisation from moments: values against a Java oracle, gradients against central differences (float64). */
class InstanceNormGradientTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void valueAndGradientsMatchTheOracleAndFiniteDifferences(long seed) {
        Random r = new Random(seed);
        int b = 2, h = 3, w = 4, c = 3;
        double[] x = new double[b * h * w * c], gamma = new double[c], beta = new double[c], weights = new double[x.length];
        for (int i = 0; i < x.length; i++) { x[i] = 3 * r.nextGaussian() + 1; weights[i] = r.nextGaussian(); }
        for (int k = 0; k < c; k++) { gamma[k] = 0.5 + r.nextDouble(); beta[k] = r.nextGaussian(); }
        double eps = 1e-5;
        try (Graph g = new Graph(); TensorScope scope = new TensorScope()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat64> xp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, -1, -1, c)));
            Placeholder<TFloat64> gp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(c)));
            Placeholder<TFloat64> bp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(c)));
            Operand<TFloat64> y = UNetBuilder.instanceNorm(tf, xp, gp, bp, eps);
            // scalar objective sum(y * weights) so every output element matters
            Operand<TFloat64> obj = tf.reduceSum(tf.math.mul(y, tf.constant(Shape.of(b, h, w, c), org.tensorflow.ndarray.buffer.DataBuffers.of(weights))),
                    tf.constant(new int[] {0, 1, 2, 3}));
            Output<?>[] grads = g.addGradients(obj.asOutput(), new Output<?>[] {xp.asOutput(), gp.asOutput(), bp.asOutput()});
            try (Session s = new Session(g)) {
                Result res = scope.run(s.runner().feed(xp, scope.doubles(Shape.of(b, h, w, c), x)).feed(gp, scope.doubles(Shape.of(c), gamma))
                        .feed(bp, scope.doubles(Shape.of(c), beta)).fetch(y).fetch(grads[0]).fetch(grads[1]).fetch(grads[2]));
                double[] yv = TensorScope.toDoubles(res.get(0));
                double[] yRef = oracle(x, gamma, beta, b, h * w, c, eps);
                for (int i = 0; i < yv.length; i++) assertThat(yv[i]).isCloseTo(yRef[i], within(1e-10));
                double[][] analytic = {TensorScope.toDoubles(res.get(1)), TensorScope.toDoubles(res.get(2)), TensorScope.toDoubles(res.get(3))};
                double[][] params = {x, gamma, beta};
                for (int which = 0; which < 3; which++) {
                    for (int i = 0; i < params[which].length; i++) {
                        double old = params[which][i], hh = 1e-6;
                        params[which][i] = old + hh;
                        double up = objective(oracle(x, gamma, beta, b, h * w, c, eps), weights);
                        params[which][i] = old - hh;
                        double down = objective(oracle(x, gamma, beta, b, h * w, c, eps), weights);
                        params[which][i] = old;
                        assertThat(analytic[which][i]).as("input %d element %d", which, i).isCloseTo((up - down) / (2 * hh), within(1e-6));
                    }
                }
            }
        }
    }

    static double objective(double[] y, double[] w) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += y[i] * w[i];
        return s;
    }

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
