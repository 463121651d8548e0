package org.regionwise.tensorflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regionwise.core.backend.OptimizerSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Two Adam steps on {@code L = sum(c * w)} (constant gradient c) against a Java transcription of the update rules. */
class AdamBuilderTest {

    @ParameterizedTest(name = "decoupled={0} clip={1}")
    @CsvSource({"false, 0", "true, 0", "false, 2", "true, 2"})
    void updatesFollowAdamWithClippingAndWeightDecay(boolean decoupled, double clip) {
        float[] c = {3f, -4f, 0.5f};
        double lr = 0.01, wd = 0.1;
        OptimizerSpec spec = new OptimizerSpec(lr, wd, decoupled, 0, clip);
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            VariableStore store = new VariableStore(tf, 1);
            Variable<TFloat32> w = store.constant("w", 1f, 3);
            Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(w, tf.constant(c)), tf.constant(0));
            Placeholder<TFloat32> lrp = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            AdamBuilder.Training t = AdamBuilder.build(g, tf, store, spec, loss, store.trainable(), lrp, List.of());
            try (Session s = new Session(g)) {
                store.initialize(s);
                double[] ww = {1, 1, 1}, m = new double[3], v = new double[3];
                for (int step = 1; step <= 2; step++) {
                    try (TensorScope scope = new TensorScope()) {
                        scope.run(s.runner().feed(lrp, scope.scalar((float) lr)).addTarget(t.train()));
                    }
                    double norm = Math.sqrt(9 + 16 + 0.25);
                    double coef = clip > 0 ? Math.min(1, clip / (norm + 1e-6)) : 1;
                    for (int i = 0; i < 3; i++) {
                        double gr = c[i] * coef;
                        if (decoupled) ww[i] -= lr * wd * ww[i];
                        else gr += wd * ww[i];
                        m[i] = 0.9 * m[i] + 0.1 * gr;
                        v[i] = 0.999 * v[i] + 0.001 * gr * gr;
                        double lrT = lr * Math.sqrt(1 - Math.pow(0.999, step)) / (1 - Math.pow(0.9, step));
                        ww[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-8);
                    }
                }
                float[] actual = store.readTrainable(s).get(0);
                for (int i = 0; i < 3; i++) assertThat((double) actual[i]).isCloseTo(ww[i], within(1e-6));
            }
        }
    }
}
