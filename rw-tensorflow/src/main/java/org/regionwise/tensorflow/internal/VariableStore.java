package org.regionwise.tensorflow.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Creates the graph's float32 variables with names and initial values computed in Java, so that initialisation is
 * seeded and independent of TensorFlow's random kernels: the same seed gives bit-identical weights.
 *
 * <p>Each variable gets an {@code <name>_init_value} placeholder and an {@code <name>_init} assign; {@link #initialize}
 * feeds every initial value in one session run. Initial values: He normal ({@code std = sqrt(2 / ((1 + a^2) fan_in))},
 * a = 0.01 as nnU-Net's {@code InitWeights_He(1e-2)}) for convolution kernels, constants for the rest. The random
 * stream of a variable is seeded from (model seed, variable name), so adding a variable never changes another's values.
 */
public final class VariableStore {

    /** How a variable starts. */
    sealed interface Init {
        record HeNormal(double fanIn) implements Init {}
        record Constant(float value) implements Init {}
    }

    record Entry(String name, Variable<TFloat32> variable, Shape shape, Init init, boolean trainable,
                 Placeholder<TFloat32> initValue, Assign<TFloat32> initOp) {}

    private final Ops tf;
    private final long seed;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public VariableStore(Ops tf, long seed) {
        this.tf = tf;
        this.seed = seed;
    }

    /** A trainable convolution kernel with He-normal initial values. */
    public Variable<TFloat32> kernel(String name, long... shape) {
        // conv kernel [kh, kw, in, out]; transposed [kh, kw, out, in]: fan-in counts kh * kw * shape[2]
        return add(name, Shape.of(shape), new Init.HeNormal(org.regionwise.training.spi.InitialWeights.fanIn(shape)), true);
    }

    /** A trainable variable holding {@code value} everywhere (biases 0, norm scales 1). */
    public Variable<TFloat32> constant(String name, float value, long... shape) {
        return add(name, Shape.of(shape), new Init.Constant(value), true);
    }

    /** A non-trainable variable (optimiser slots, moving statistics, step counters). */
    public Variable<TFloat32> state(String name, float value, long... shape) {
        return add(name, Shape.of(shape), new Init.Constant(value), false);
    }

    private Variable<TFloat32> add(String name, Shape shape, Init init, boolean trainable) {
        if (entries.containsKey(name)) throw new IllegalArgumentException("variable '" + name + "' is defined twice");
        Variable<TFloat32> v = tf.withName(name).variable(shape, TFloat32.class);
        Placeholder<TFloat32> p = tf.withName(name + "_init_value").placeholder(TFloat32.class, Placeholder.shape(shape));
        Assign<TFloat32> a = tf.withName(name + "_init").assign(v, p);
        entries.put(name, new Entry(name, v, shape, init, trainable, p, a));
        return v;
    }

    /** Trainable variables in creation order. */
    public List<Variable<TFloat32>> trainable() {
        List<Variable<TFloat32>> out = new ArrayList<>();
        for (Entry e : entries.values()) if (e.trainable()) out.add(e.variable());
        return Collections.unmodifiableList(out);
    }

    /** Names of the trainable variables, in the order of {@link #trainable()}. */
    public List<String> trainableNames() {
        List<String> out = new ArrayList<>();
        for (Entry e : entries.values()) if (e.trainable()) out.add(e.name());
        return out;
    }

    /** Total number of trainable scalars. */
    public long parameterCount() {
        long n = 0;
        for (Entry e : entries.values()) if (e.trainable()) n += e.shape().size();
        return n;
    }

    /** The initial values of variable {@code name}, computed deterministically from the seed. */
    float[] initialValues(Entry e) {
        float[] v = new float[(int) e.shape().size()];
        if (e.init() instanceof Init.Constant c) {
            java.util.Arrays.fill(v, c.value());
        } else if (e.init() instanceof Init.HeNormal h) {
            v = org.regionwise.training.spi.InitialWeights.heNormal(seed, e.name(), v.length, h.fanIn());
        }
        return v;
    }

    /** Assigns every variable its initial value in one run. */
    public void initialize(Session session) {
        try (TensorScope scope = new TensorScope()) {
            Session.Runner runner = session.runner();
            for (Entry e : entries.values()) {
                runner.feed(e.initValue(), scope.floats(e.shape(), initialValues(e)));
                runner.addTarget(e.initOp());
            }
            scope.run(runner);
        }
    }

    /** Reads the current values of every trainable variable, in {@link #trainable()} order (for tests and checks). */
    public List<float[]> readTrainable(Session session) {
        List<float[]> out = new ArrayList<>();
        try (TensorScope scope = new TensorScope()) {
            Session.Runner runner = session.runner();
            List<Variable<TFloat32>> vars = trainable();
            for (Variable<TFloat32> v : vars) runner.fetch(v);
            var result = scope.run(runner);
            for (int i = 0; i < vars.size(); i++) out.add(TensorScope.toFloats(result.get(i)));
        }
        return out;
    }
}
