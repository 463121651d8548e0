package org.regionwise.tensorflow.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Owns native tensors and session results created inside one unit of work (a training step, a prediction) and
 * closes them all, in reverse order, when the scope closes. Use it with try-with-resources so that no native
 * memory outlives the step, whatever the exit path.
 */
public final class TensorScope implements AutoCloseable {
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    /** Registers {@code t} to be closed with this scope and returns it. */
    public <T extends Tensor> T own(T t) {
        owned.push(t);
        return t;
    }

    /** A float32 tensor of {@code shape} holding a copy of {@code data}. */
    public TFloat32 floats(Shape shape, float[] data) {
        return own(TFloat32.tensorOf(shape, DataBuffers.of(data, true, false)));
    }

    /** A float64 tensor of {@code shape} holding a copy of {@code data}. */
    public TFloat64 doubles(Shape shape, double[] data) {
        return own(TFloat64.tensorOf(shape, DataBuffers.of(data, true, false)));
    }

    /** An int32 tensor of {@code shape} holding a copy of {@code data}. */
    public TInt32 ints(Shape shape, int[] data) {
        return own(TInt32.tensorOf(shape, DataBuffers.of(data, true, false)));
    }

    public TFloat32 scalar(float v) { return own(TFloat32.scalarOf(v)); }

    public TFloat64 scalar(double v) { return own(TFloat64.scalarOf(v)); }

    /** Runs {@code runner} and owns its result (hence every fetched tensor). */
    public Result run(Session.Runner runner) {
        Result r = runner.run();
        owned.push(r);
        return r;
    }

    /** Runs {@code runner} with its run options, collecting run metadata, and owns the result. */
    public Result runWithMetadata(Session.Runner runner) {
        Result r = runner.runAndFetchMetadata();
        owned.push(r);
        return r;
    }

    /** Copies a float32 tensor's values into a new array. */
    public static float[] toFloats(Tensor t) {
        float[] out = new float[(int) t.shape().size()];
        t.asRawTensor().data().asFloats().read(out);
        return out;
    }

    /** Copies a float64 tensor's values into a new array. */
    public static double[] toDoubles(Tensor t) {
        double[] out = new double[(int) t.shape().size()];
        t.asRawTensor().data().asDoubles().read(out);
        return out;
    }

    /** Number of objects currently owned (for tests). */
    public int size() { return owned.size(); }

    @Override
    public void close() {
        RuntimeException first = null;
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                if (first == null) first = new IllegalStateException("closing a native tensor failed", e);
            }
        }
        if (first != null) throw first;
    }
}
