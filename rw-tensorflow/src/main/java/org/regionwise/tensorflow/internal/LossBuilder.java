package org.regionwise.tensorflow.internal;

import java.util.List;
import org.regionwise.core.loss.ClassWeighting;
import org.regionwise.core.loss.LossSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Lowers a {@link LossSpec} to float64 graph operations on logits {@code s} of shape {@code [B, H, W, K]} (any
 * rank-4 NHWC layout; only the first and last axes matter), one-hot labels {@code y} of the same shape and the
 * spec's region-wise maps {@code Z} (same shape, in {@link LossSpec#maps()} order, fed per batch, no gradient).
 *
 * <p>Softmax is taken over the last axis on {@code [B, N, K]}; log-probabilities come from {@code LogSoftmax} on the
 * rank-2 view {@code [B*N, K]} only, because TensorFlow's LogSoftmax gradient is wrong for rank &gt; 2 (it sums over
 * axis 1). Formulas ({@code p = softmax(s)}, {@code n} over the {@code B*N} pixels):
 * <ul>
 *   <li>RegionWise, Boundary: {@code mean_{b,i,k}(p Z)}</li>
 *   <li>CE: {@code -mean_n sum_k y log p}</li>
 *   <li>WCE: {@code -sum_n w_{y_n} log p_{y_n} / sum_n w_{y_n}}; inverse frequency {@code w_k = N / (K n_k)} over the
 *       batch (0 for an absent class)</li>
 *   <li>Focal: {@code -mean_n alpha (1 - p_y)^gamma log p_y}</li>
 *   <li>Dice: {@code 1 - mean_{(b,)k}(2 I + smooth)/(P + G + smooth)} with {@code I = sum p y}, {@code P = sum p},
 *       {@code G = sum y} over each image's pixels (or over the whole batch with batch Dice); classes 1..K-1 without
 *       background</li>
 *   <li>Generalized Dice (Sudre et al. 2017): {@code 1 - (2 sum_k w_k I_k + smooth)/(sum_k w_k (P_k + G_k) + smooth)}
 *       per image then averaged over the batch, {@code w_k = 1/G_k^2} over the counted classes, an absent class
 *       taking the image's largest weight (all weights 1 when no counted class is present)</li>
 *   <li>WeightedSum: {@code sum_t w_t L_t}; Gradual: {@code alpha L_1 + (1 - alpha) L_2} with {@code alpha} element
 *       {@code g} of the fed vector {@code alphas}, one per Gradual in pre-order ({@link org.regionwise.training.spi.GradualAlphas#schedules})</li>
 * </ul>
 */
public final class LossBuilder {

    /** What one output scale provides. */
    public record Inputs(Operand<TFloat64> logits, Operand<TFloat64> oneHot, List<Operand<TFloat64>> maps,
                         Operand<TFloat64> alphas) {}

    private final Ops tf;
    private final int classes;

    public LossBuilder(Ops tf, int classes) {
        this.tf = tf;
        this.classes = classes;
    }

    /** The loss of {@code spec} on {@code in}; {@code in.maps()} must match {@code spec.maps()} one to one. */
    public Operand<TFloat64> build(LossSpec spec, Inputs in) {
        if (in.maps().size() != spec.maps().size()) {
            throw new IllegalArgumentException("loss " + spec.id() + " needs " + spec.maps().size() + " maps, got " + in.maps().size());
        }
        Views v = new Views(in);
        int[] cursor = {0, 0};
        return lower(spec, v, cursor);
    }

    /** Reshaped views shared by all terms of one scale. */
    private final class Views {
        final Inputs in;
        final Operand<TFloat64> flatLogits;   // [B*N, K]
        final Operand<TFloat64> flatY;        // [B*N, K]
        final Operand<TFloat64> flatP;        // [B*N, K]
        final Operand<TFloat64> logP;         // [B*N, K]
        final Operand<TInt32> bnk;            // shape [B, N, K] with N inferred

        Views(Inputs in) {
            this.in = in;
            Operand<TInt32> flat = tf.constant(new int[] {-1, classes});
            flatLogits = tf.reshape(in.logits(), flat);
            flatY = tf.reshape(in.oneHot(), flat);
            flatP = tf.nn.softmax(flatLogits);
            logP = tf.nn.logSoftmax(flatLogits);
            Operand<TInt32> b = tf.slice(tf.shape(in.logits()), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
            bnk = tf.concat(List.of(b, tf.constant(new int[] {-1, classes})), tf.constant(0));
        }

        Operand<TFloat64> flatMap(int i) { return tf.reshape(in.maps().get(i), tf.constant(new int[] {-1, classes})); }
    }

    private Operand<TFloat64> c(double v) { return tf.constant(v); }

    private Operand<TFloat64> lower(LossSpec spec, Views v, int[] cursor) {
        if (spec instanceof LossSpec.RegionWise || spec instanceof LossSpec.Boundary) {
            Operand<TFloat64> z = v.flatMap(cursor[0]++);
            return tf.math.mean(tf.math.mul(v.flatP, z), tf.constant(new int[] {0, 1}));
        }
        if (spec instanceof LossSpec.CrossEntropy) {
            return tf.math.neg(tf.math.mean(tf.reduceSum(tf.math.mul(v.flatY, v.logP), tf.constant(1)), tf.constant(0)));
        }
        if (spec instanceof LossSpec.WeightedCrossEntropy w) {
            Operand<TFloat64> weights = classWeights(w.weighting(), v);                       // [K]
            Operand<TFloat64> wy = tf.reduceSum(tf.math.mul(v.flatY, weights), tf.constant(1)); // [B*N]
            Operand<TFloat64> logPy = tf.reduceSum(tf.math.mul(v.flatY, v.logP), tf.constant(1));
            // 0/0 (every voxel of the batch has weight 0) is a loss and gradient of 0, as the reference
            return tf.math.neg(tf.math.divNoNan(tf.reduceSum(tf.math.mul(wy, logPy), tf.constant(0)), tf.reduceSum(wy, tf.constant(0))));
        }
        if (spec instanceof LossSpec.Focal f) {
            Operand<TFloat64> logPy = tf.reduceSum(tf.math.mul(v.flatY, v.logP), tf.constant(1));
            Operand<TFloat64> py = tf.math.exp(logPy);
            // (1 - p_y)^gamma; Pow's gradient gamma x^(gamma-1) is infinite at x = 0 (a saturated voxel, p_y == 1) for
            // gamma < 1 and turns the zero upstream gradient into NaN: gamma 0 is a constant, and x is floored at 1e-300
            // (the value changes by less than 1e-300^gamma, the gradient stays finite and 0 there, as the reference).
            Operand<TFloat64> mod = f.gamma() == 0 ? c(1)
                    : tf.math.pow(tf.math.maximum(tf.math.sub(c(1), py), c(1e-300)), c(f.gamma()));
            return tf.math.neg(tf.math.mul(c(f.alpha()), tf.math.mean(tf.math.mul(mod, logPy), tf.constant(0))));
        }
        if (spec instanceof LossSpec.Dice d) {
            Operand<TFloat64> p = tf.reshape(v.flatP, v.bnk);
            Operand<TFloat64> y = tf.reshape(v.flatY, v.bnk);
            Operand<TInt32> axes = d.batchDice() ? tf.constant(new int[] {0, 1}) : tf.constant(new int[] {1});
            Operand<TFloat64> inter = tf.reduceSum(tf.math.mul(p, y), axes);
            Operand<TFloat64> sp = tf.reduceSum(p, axes);
            Operand<TFloat64> sy = tf.reduceSum(y, axes);
            Operand<TFloat64> dice = safeRatio(tf.math.add(tf.math.mul(c(2), inter), c(d.smooth())),
                    tf.math.add(tf.math.add(sp, sy), c(d.smooth())));                       // [B, K] or [K]
            if (!d.includeBackground()) dice = dropBackground(dice, d.batchDice() ? 0 : 1);
            return tf.math.sub(c(1), tf.math.mean(dice, d.batchDice() ? tf.constant(0) : tf.constant(new int[] {0, 1})));
        }
        if (spec instanceof LossSpec.GeneralizedDice g) {
            Operand<TFloat64> p = tf.reshape(v.flatP, v.bnk);
            Operand<TFloat64> y = tf.reshape(v.flatY, v.bnk);
            Operand<TInt32> pix = tf.constant(new int[] {1});
            Operand<TFloat64> inter = tf.reduceSum(tf.math.mul(p, y), pix);               // [B, K]
            Operand<TFloat64> union = tf.math.add(tf.reduceSum(p, pix), tf.reduceSum(y, pix));
            Operand<TFloat64> gk = tf.reduceSum(y, pix);
            if (!g.includeBackground()) {
                inter = dropBackground(inter, 1);
                union = dropBackground(union, 1);
                gk = dropBackground(gk, 1);
            }
            // w = 1/G^2 over the counted classes; an absent class takes the image's largest weight; none present: all 1
            Operand<TFloat64> w = tf.math.divNoNan(c(1), tf.math.square(gk));
            Operand<TFloat64> wmax = tf.math.add(tf.zerosLike(w), tf.reduceMax(w, tf.constant(1), org.tensorflow.op.core.ReduceMax.keepDims(true)));
            w = tf.select(tf.math.equal(gk, c(0)), wmax, w);
            w = tf.stopGradient(tf.select(tf.math.equal(wmax, c(0)), tf.math.add(tf.zerosLike(w), c(1)), w));
            Operand<TInt32> k = tf.constant(1);
            Operand<TFloat64> num = tf.math.add(tf.math.mul(c(2), tf.reduceSum(tf.math.mul(w, inter), k)), c(g.smooth()));
            Operand<TFloat64> den = tf.math.add(tf.reduceSum(tf.math.mul(w, union), k), c(g.smooth()));
            return tf.math.sub(c(1), tf.math.mean(safeRatio(num, den), tf.constant(0)));
        }
        if (spec instanceof LossSpec.WeightedSum s) {
            Operand<TFloat64> total = null;
            for (LossSpec.Term t : s.terms()) {
                Operand<TFloat64> term = tf.math.mul(c(t.weight()), lower(t.loss(), v, cursor));
                total = total == null ? term : tf.math.add(total, term);
            }
            return total;
        }
        if (spec instanceof LossSpec.Gradual g) {
            Operand<TFloat64> a = tf.reshape(tf.slice(v.in.alphas(), tf.constant(new int[] {cursor[1]++}), tf.constant(new int[] {1})),
                    tf.constant(new int[0]));
            Operand<TFloat64> first = lower(g.first(), v, cursor);
            Operand<TFloat64> second = lower(g.second(), v, cursor);
            return tf.math.add(tf.math.mul(a, first), tf.math.mul(tf.math.sub(c(1), a), second));
        }
        throw new IllegalArgumentException("loss " + spec.id() + " (" + spec.getClass().getSimpleName() + ") is not supported by the TensorFlow backend");
    }

    /**
     * {@code num / den}, with 1 and no gradient where {@code den == 0} (only possible with smoothing 0 and an empty
     * class whose probabilities underflow), as the reference; the division sees a safe denominator so that no NaN
     * reaches the gradient through the unselected branch.
     */
    private Operand<TFloat64> safeRatio(Operand<TFloat64> num, Operand<TFloat64> den) {
        Operand<org.tensorflow.types.TBool> zero = tf.math.equal(den, c(0));
        Operand<TFloat64> ones = tf.math.add(tf.zerosLike(den), c(1));
        return tf.select(zero, ones, tf.math.div(num, tf.select(zero, ones, den)));
    }

    /** Drops class 0 along {@code axis} (the last axis of a rank-1 or rank-2 tensor). */
    private Operand<TFloat64> dropBackground(Operand<TFloat64> x, int axis) {
        if (classes < 2) throw new IllegalArgumentException("cannot exclude the background with K=" + classes);
        if (axis == 0) return tf.slice(x, tf.constant(new int[] {1}), tf.constant(new int[] {-1}));
        return tf.slice(x, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, -1}));
    }

    private Operand<TFloat64> classWeights(ClassWeighting weighting, Views v) {
        if (weighting instanceof ClassWeighting.Given g) {
            if (g.weights().size() != classes) {
                throw new IllegalArgumentException("weighted CE has " + g.weights().size() + " class weights but K=" + classes);
            }
            double[] w = new double[classes];
            for (int k = 0; k < classes; k++) w[k] = g.weights().get(k);
            return tf.constant(w);
        }
        // inverse frequency over the batch: w_k = N / (K n_k), 0 for absent classes; labels carry no gradient
        Operand<TFloat64> counts = tf.reduceSum(v.flatY, tf.constant(0));
        Operand<TFloat64> n = tf.reduceSum(counts, tf.constant(0));
        return tf.stopGradient(tf.math.divNoNan(tf.math.div(n, c(classes)), counts));
    }
}
