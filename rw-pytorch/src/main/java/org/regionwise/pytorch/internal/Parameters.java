package org.regionwise.pytorch.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.training.spi.InitialWeights;

/**
 * The network's variables by name, in creation order, as the TensorFlow engine names and orders them; each is held
 * in PyTorch's layout with the permutation that maps it from the canonical layout (TensorFlow's, see
 * {@link InitialWeights}) so that both engines start from, save and compare the same values.
 */
public final class Parameters {

    /**
     * One variable.
     *
     * @param name      TensorFlow's name
     * @param canonical its canonical shape
     * @param kernel    true for a convolution kernel, stored as {@code [b, a, k...]} for canonical {@code [k..., a, b]}
     *                  ({@code k...} = kh, kw in 2D; kd, kh, kw in 3D)
     * @param trainable true for weights, false for state (moving statistics)
     * @param initial   the constant it starts from (ignored for kernels, which start He-normal)
     * @param value     the PyTorch array
     */
    public record Entry(String name, long[] canonical, boolean kernel, boolean trainable, float initial, NDArray value) {}

    private final NDManager manager;
    private final long seed;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    Parameters(NDManager manager, long seed) {
        this.manager = manager;
        this.seed = seed;
    }

    /**
     * A He-normal convolution kernel of canonical shape {@code [kh, kw, a, b]} (3D: {@code [kd, kh, kw, a, b]}), held
     * as {@code [b, a, kh, kw]} (3D: {@code [b, a, kd, kh, kw]}): a
     * convolution's {@code [kh, kw, in, out]} becomes PyTorch's {@code [out, in, kh, kw]}, a transposed convolution's
     * {@code [kh, kw, out, in]} PyTorch's {@code [in, out, kh, kw]}.
     */
    NDArray kernel(String name, long... canonical) {
        Entry e = entries.get(name);
        if (e != null) return e.value();
        float[] v = initialValues(name, canonical, true, 0f);
        return add(new Entry(name, canonical, true, true, 0f, manager.create(toTorch(v, canonical), torchShape(canonical))));
    }

    /** A trainable vector of {@code n} values {@code value} (biases 0, scales 1). */
    NDArray constant(String name, float value, long n) {
        Entry e = entries.get(name);
        if (e != null) return e.value();
        return add(new Entry(name, new long[] {n}, false, true, value, manager.full(new Shape(n), value)));
    }

    /** A non-trainable vector (moving statistics). */
    NDArray state(String name, float value, long n) {
        Entry e = entries.get(name);
        if (e != null) return e.value();
        return add(new Entry(name, new long[] {n}, false, false, value, manager.full(new Shape(n), value)));
    }

    private NDArray add(Entry e) {
        // variables live as long as the network, not as long as the step that created them
        ai.djl.ndarray.NDScope.unregister(e.value());
        entries.put(e.name(), e);
        if (e.trainable()) e.value().setRequiresGradient(true);
        return e.value();
    }

    /** The canonical initial values of a variable: seeded He normal for a kernel, its constant otherwise. */
    private float[] initialValues(String name, long[] canonical, boolean kernel, float initial) {
        int n = (int) new Shape(canonical).size();
        if (kernel) return InitialWeights.heNormal(seed, name, n, InitialWeights.fanIn(canonical));
        float[] v = new float[n];
        java.util.Arrays.fill(v, initial);
        return v;
    }

    /** Gives every variable its initial value again, in place. */
    void reset() {
        for (Entry e : entries.values()) setCanonical(e, initialValues(e.name(), e.canonical(), e.kernel(), e.initial()));
    }

    public List<Entry> all() { return List.copyOf(entries.values()); }

    public List<Entry> trainable() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) if (e.trainable()) out.add(e);
        return out;
    }

    public Entry get(String name) {
        Entry e = entries.get(name);
        if (e == null) throw new IllegalArgumentException("no variable '" + name + "'");
        return e;
    }

    /** The value of {@code e} in the canonical layout, flat. */
    static float[] canonicalValues(Entry e) {
        float[] t = e.value().toFloatArray();
        return e.kernel() ? fromTorch(t, e.canonical()) : t;
    }

    /** Sets {@code e} (in place) from canonical flat values. */
    static void setCanonical(Entry e, float[] values) {
        if (values.length != e.value().size()) {
            throw new IllegalArgumentException("variable " + e.name() + " has " + e.value().size() + " values, got " + values.length);
        }
        e.value().set(java.nio.FloatBuffer.wrap(e.kernel() ? toTorch(values, e.canonical()) : values));
    }

    /** PyTorch's shape of canonical {@code [k..., a, b]}: {@code [b, a, k...]} (2 or 3 spatial axes). */
    static Shape torchShape(long[] c) {
        int n = c.length;
        long[] t = new long[n];
        t[0] = c[n - 1];
        t[1] = c[n - 2];
        System.arraycopy(c, 0, t, 2, n - 2);
        return new Shape(t);
    }

    /** Canonical {@code [k..., a, b]} row-major to PyTorch {@code [b, a, k...]} row-major. */
    static float[] toTorch(float[] v, long[] c) {
        int n = c.length, a = (int) c[n - 2], b = (int) c[n - 1];
        int spatial = 1;
        for (int i = 0; i < n - 2; i++) spatial *= (int) c[i];
        float[] out = new float[v.length];
        for (int s = 0; s < spatial; s++) for (int p = 0; p < a; p++) for (int q = 0; q < b; q++) {
            out[(q * a + p) * spatial + s] = v[(s * a + p) * b + q];
        }
        return out;
    }

    static float[] fromTorch(float[] t, long[] c) {
        int n = c.length, a = (int) c[n - 2], b = (int) c[n - 1];
        int spatial = 1;
        for (int i = 0; i < n - 2; i++) spatial *= (int) c[i];
        float[] out = new float[t.length];
        for (int s = 0; s < spatial; s++) for (int p = 0; p < a; p++) for (int q = 0; q < b; q++) {
            out[(s * a + p) * b + q] = t[(q * a + p) * spatial + s];
        }
        return out;
    }
}
