package org.regionwise.tensorflow.internal;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropFilter;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients of the 3D convolutions, which TensorFlow 2.x's C++ gradient registry (what TensorFlow Java 1.1.0's graph
 * autodiff uses) lacks: registered once from Java with {@code TensorFlow.registerCustomGradient}, as TensorFlow's
 * Python {@code nn_grad} defines them.
 *
 * <ul>
 *   <li>{@code y = Conv3D(x, w)}: {@code dx = Conv3DBackpropInputV2(shape(x), w, dy)},
 *       {@code dw = Conv3DBackpropFilterV2(x, shape(w), dy)}.</li>
 *   <li>{@code y = Conv3DBackpropInputV2(sizes, w, z)} (the transposed convolution): zeros for {@code sizes},
 *       {@code dw = Conv3DBackpropFilterV2(dy, shape(w), z)}, {@code dz = Conv3D(dy, w)}.</li>
 * </ul>
 * Same strides, padding, data format and dilations as the forward op. Registration is process-wide and idempotent;
 * it is unavailable on Windows (TensorFlow Java's limitation), where {@link #register()} reports false.
 */
public final class Conv3dGradients {
    private static boolean done;
    private static boolean ok;

    private Conv3dGradients() {}

    /**
     * Registers both gradients (once per process).
     *
     * @return true when both are registered (now or before)
     */
    public static synchronized boolean register() {
        if (done) return ok;
        done = true;
        try {
            boolean a = TensorFlow.registerCustomGradient(Conv3d.Inputs.class, Conv3dGradients::conv3dGrad);
            boolean b = TensorFlow.registerCustomGradient(Conv3dBackpropInput.Inputs.class, Conv3dGradients::transposedGrad);
            ok = a && b;
        } catch (UnsupportedOperationException e) {
            ok = false;
        }
        return ok;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Operand<?>> conv3dGrad(Ops tf, Conv3d.Inputs in, List<org.tensorflow.Output<?>> grads) {
        Operand dy = grads.get(0);
        List<Long> strides = longs(in.strides);
        Operand dx = Conv3dBackpropInput.create(tf.scope(), tf.shape(in.input), in.filter, dy, strides, in.padding,
                Conv3dBackpropInput.dataFormat(in.dataFormat), Conv3dBackpropInput.dilations(longs(in.dilations)));
        Operand dw = Conv3dBackpropFilter.create(tf.scope(), in.input, tf.shape(in.filter), dy, strides, in.padding,
                Conv3dBackpropFilter.dataFormat(in.dataFormat), Conv3dBackpropFilter.dilations(longs(in.dilations)));
        return Arrays.asList(dx, dw);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Operand<?>> transposedGrad(Ops tf, Conv3dBackpropInput.Inputs in, List<org.tensorflow.Output<?>> grads) {
        Operand dy = grads.get(0);
        List<Long> strides = longs(in.strides);
        Operand dw = Conv3dBackpropFilter.create(tf.scope(), dy, tf.shape(in.filter), in.outBackprop, strides, in.padding,
                Conv3dBackpropFilter.dataFormat(in.dataFormat), Conv3dBackpropFilter.dilations(longs(in.dilations)));
        Operand<? extends TNumber> dz = Conv3d.create(tf.scope(), dy, in.filter, strides, in.padding,
                Conv3d.dataFormat(in.dataFormat), Conv3d.dilations(longs(in.dilations)));
        // the sizes are an integer constant: a zero "gradient" (TensorFlow Java's adapter takes no null for none)
        return Arrays.asList(tf.zerosLike(in.inputSizes), dw, dz);
    }

    private static List<Long> longs(long[] v) {
        Long[] out = new Long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return Arrays.asList(out);
    }
}
