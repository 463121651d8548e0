package org.regionwise.tensorflow.internal;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.reference.LossValue;
import org.regionwise.training.spi.LossProbe;
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

/** {@link LossBuilder}'s graph for one loss on fed float64 logits, with {@code Graph.addGradients} for d loss / d logits. */
public final class TensorFlowLossProbe implements LossProbe {

    @Override
    public LossValue evaluate(LossSpec spec, int b, int h, int w, int k, double[] logits, int[] labels, List<double[]> maps,
                              double[] alphas) {
        return run(spec, new long[] {b, h, w}, k, logits, labels, maps, alphas);
    }

    /** The rank-5 graph a 3D network trains with: {@code [B, D, H, W, K]} logits and maps, {@code [B, D, H, W]} labels. */
    @Override
    public LossValue evaluate3d(LossSpec spec, int b, int d, int h, int w, int k, double[] logits, int[] labels,
                                List<double[]> maps, double[] alphas) {
        return run(spec, new long[] {b, d, h, w}, k, logits, labels, maps, alphas);
    }

    private static LossValue run(LossSpec spec, long[] bs, int k, double[] logits, int[] labels, List<double[]> maps, double[] alphas) {
        long[] unknown = new long[bs.length], unknownK = new long[bs.length + 1], withK = java.util.Arrays.copyOf(bs, bs.length + 1);
        java.util.Arrays.fill(unknown, -1);
        java.util.Arrays.fill(unknownK, -1);
        unknownK[bs.length] = k;
        withK[bs.length] = k;
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat64> s = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(unknownK)));
            Placeholder<TInt32> y = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(unknown)));
            Placeholder<TFloat64> a = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
            List<Placeholder<TFloat64>> mp = new ArrayList<>();
            for (int m = 0; m < maps.size(); m++) mp.add(tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(unknownK))));
            Operand<TFloat64> oneHot = tf.oneHot(y, tf.constant(k), tf.constant(1.0), tf.constant(0.0));
            Operand<TFloat64> loss = new LossBuilder(tf, k).build(spec, new LossBuilder.Inputs(s, oneHot, List.copyOf(mp), a));
            Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {s.asOutput()});
            try (Session session = new Session(g); TensorScope scope = new TensorScope()) {
                Session.Runner run = session.runner()
                        .feed(s, scope.doubles(Shape.of(withK), logits))
                        .feed(y, scope.ints(Shape.of(bs), labels))
                        .feed(a, scope.doubles(Shape.of(alphas.length), alphas));
                for (int m = 0; m < maps.size(); m++) run.feed(mp.get(m), scope.doubles(Shape.of(withK), maps.get(m)));
                Result res = scope.run(run.fetch(loss).fetch(grad[0]));
                return new LossValue(((TFloat64) res.get(0)).getDouble(), TensorScope.toDoubles(res.get(1)));
            }
        }
    }
}
