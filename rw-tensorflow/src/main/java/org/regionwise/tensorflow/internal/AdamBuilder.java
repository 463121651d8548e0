package org.regionwise.tensorflow.internal;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.backend.OptimizerSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma &amp; Ba 2015) with the paper's recipe, built from {@code ApplyAdam} ops on an explicit variable list
 * ({@code Graph.addGradients} + apply; the framework's {@code minimize} would also grab batch-norm statistics).
 *
 * <p>Per step: gradients {@code g} of the loss; if {@code clipNorm > 0}, global-norm clipping
 * {@code g *= min(1, clip / ||g||_2)} over all variables (as PyTorch's {@code clip_grad_norm_}); then weight decay:
 * <ul>
 *   <li>coupled L2 ({@code decoupledWeightDecay = false}, PyTorch {@code Adam(weight_decay=wd)} as in the paper):
 *       {@code g += wd * w} after clipping, so the decay passes through Adam's moments;</li>
 *   <li>decoupled (AdamW, Loshchilov &amp; Hutter 2019): {@code w -= lr * wd * w} before the Adam update.</li>
 * </ul>
 * Adam: {@code beta1 = 0.9, beta2 = 0.999, eps = 1e-8}, bias correction through {@code beta^t} with the step counter
 * {@code t} a variable (restored with checkpoints); {@code lr} is a placeholder fed per epoch (poly schedule).
 * {@code ApplyAdam} adds {@code eps} to {@code sqrt(v_hat) * sqrt(1 - beta2^t)} (TensorFlow's placement), which
 * differs from PyTorch's only at the {@code eps} scale.
 */
public final class AdamBuilder {
    private static final float BETA1 = 0.9f, BETA2 = 0.999f, EPS = 1e-8f;

    private AdamBuilder() {}

    /** The training op plus the global gradient norm (before clipping) for monitoring. */
    public record Training(Op train, Operand<TFloat32> gradientNorm) {}

    @SuppressWarnings("unchecked")
    public static Training build(Graph g, Ops tf, VariableStore store, OptimizerSpec spec, Operand<TFloat32> loss,
                                 List<Variable<TFloat32>> vars, Operand<TFloat32> learningRate, List<Op> extraUpdates) {
        Output<?>[] xs = new Output<?>[vars.size()];
        for (int i = 0; i < xs.length; i++) xs[i] = vars.get(i).asOutput();
        Output<?>[] raw = g.addGradients(loss.asOutput(), xs);
        List<Operand<TFloat32>> grads = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null) throw new IllegalStateException("variable " + vars.get(i).op().name() + " gets no gradient from the loss");
            grads.add((Operand<TFloat32>) raw[i]);
        }
        Operand<TFloat32> sumSq = null;
        for (Operand<TFloat32> gr : grads) {
            Operand<TFloat32> s = tf.reduceSum(tf.math.square(gr), allAxes(tf, gr));
            sumSq = sumSq == null ? s : tf.math.add(sumSq, s);
        }
        org.tensorflow.op.math.Sqrt<TFloat32> norm = tf.withName("gradient_norm").math.sqrt(sumSq);
        // every update waits for every gradient: no update may race with a backward op still reading a weight
        Ops after = tf.withControlDependencies(List.of(norm));
        if (spec.clipNorm() > 0) {
            Operand<TFloat32> clip = tf.constant((float) spec.clipNorm());
            // PyTorch clip_grad_norm_: coef = clip / (norm + 1e-6), applied when < 1
            Operand<TFloat32> coef = tf.math.minimum(tf.constant(1f), tf.math.div(clip, tf.math.add(norm, tf.constant(1e-6f))));
            List<Operand<TFloat32>> clipped = new ArrayList<>();
            for (Operand<TFloat32> gr : grads) clipped.add(tf.math.mul(gr, coef));
            grads = clipped;
        }
        float wd = (float) spec.weightDecay();
        Variable<TFloat32> step = store.state("adam_step", 0f);
        Operand<TFloat32> t1 = tf.math.add(step, tf.constant(1f));
        Operand<TFloat32> b1p = tf.math.pow(tf.constant(BETA1), t1);
        Operand<TFloat32> b2p = tf.math.pow(tf.constant(BETA2), t1);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            Variable<TFloat32> w = vars.get(i);
            String name = w.op().name();
            long[] shape = w.shape().asArray();
            Variable<TFloat32> m = store.state(name + "_adam_m", 0f, shape);
            Variable<TFloat32> v = store.state(name + "_adam_v", 0f, shape);
            Operand<TFloat32> gr = grads.get(i);
            Ops scoped = after;
            if (wd > 0 && !spec.decoupledWeightDecay()) {
                gr = tf.math.add(gr, tf.math.mul(tf.constant(wd), w));
            } else if (wd > 0) {
                Op decay = after.assignSub(w, tf.math.mul(tf.math.mul(learningRate, tf.constant(wd)), w));
                scoped = tf.withControlDependencies(List.of(norm, decay));
            }
            applies.add(scoped.train.applyAdam(w, m, v, b1p, b2p, learningRate, tf.constant(BETA1), tf.constant(BETA2),
                    tf.constant(EPS), gr));
        }
        applies.addAll(extraUpdates);
        Op advance = tf.withControlDependencies(applies).assign(step, t1);
        Op train = tf.withControlDependencies(List.of(advance)).withName("train").noOp();
        return new Training(train, norm);
    }

    static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<?> x) {
        int rank = x.shape().numDimensions();
        if (rank < 0) throw new IllegalStateException("unknown rank for " + x);
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) axes[i] = i;
        return tf.constant(axes);
    }
}
