package org.regionwise.pytorch.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import java.util.List;
import org.regionwise.core.loss.ClassWeighting;
import org.regionwise.core.loss.LossSpec;

/**
 * Lowers a {@link LossSpec} to float64 DJL operations on flat logits {@code s} {@code [B*N, K]} (PyTorch autograd
 * differentiates it), one-hot labels {@code y} and the spec's maps {@code Z} of the same shape (no gradient), with
 * the same formulas, edge cases and gradual-alpha order as the TensorFlow engine's {@code LossBuilder}
 * ({@code p = softmax(s)}, {@code n} over the {@code B*N} voxels):
 * RegionWise and Boundary {@code mean_{n,k}(p Z)}; CE {@code -mean_n sum_k y log p}; WCE
 * {@code -sum_n w_{y_n} log p_{y_n} / sum_n w_{y_n}} (0 for 0/0; inverse frequency {@code w_k = N / (K n_k)} over the
 * batch); Focal {@code -mean_n alpha (1 - p_y)^gamma log p_y} ({@code 1 - p_y} floored at 1e-300); Dice
 * {@code 1 - mean (2 I + smooth)/(P + G + smooth)} per image (or batch) and class, 1 without gradient on an empty
 * denominator; Generalized Dice with {@code w_k = 1/G_k^2}, an absent class taking the image's largest weight;
 * WeightedSum and Gradual.
 */
final class TorchLoss {
    private final int classes, batch;

    /** The views of one scale. */
    record Inputs(NDArray logits, NDArray oneHot, List<NDArray> maps, double[] alphas) {}

    /** One-hot float64 labels {@code [n, K]} of {@code labels}, built in Java (DJL's PyTorch oneHot takes no dtype). */
    static NDArray oneHot(ai.djl.ndarray.NDManager m, int[] labels, int classes) {
        double[] y = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) y[i * classes + labels[i]] = 1;
        return m.create(y, new ai.djl.ndarray.types.Shape(labels.length, classes));
    }

    /**
     * {@code x} as float64, differentiably: DJL's {@code toType} on PyTorch copies without a gradient, so the cast is a
     * multiplication by a float64 one of shape {@code [1, 1]} (type promotion).
     */
    static NDArray toFloat64(NDArray x) {
        if (x.getDataType() == ai.djl.ndarray.types.DataType.FLOAT64) return x;
        return x.mul(x.getManager().ones(new ai.djl.ndarray.types.Shape(1, 1), ai.djl.ndarray.types.DataType.FLOAT64));
    }

    TorchLoss(int classes, int batch) {
        this.classes = classes;
        this.batch = batch;
    }

    NDArray build(LossSpec spec, Inputs in) {
        if (in.maps().size() != spec.maps().size()) {
            throw new IllegalArgumentException("loss " + spec.id() + " needs " + spec.maps().size() + " maps, got " + in.maps().size());
        }
        NDArray p = in.logits().softmax(1);
        NDArray logP = in.logits().logSoftmax(1);
        return lower(spec, in, p, logP, new int[] {0, 0});
    }

    private NDArray lower(LossSpec spec, Inputs in, NDArray p, NDArray logP, int[] cursor) {
        NDArray y = in.oneHot();
        if (spec instanceof LossSpec.RegionWise || spec instanceof LossSpec.Boundary) {
            return p.mul(in.maps().get(cursor[0]++)).mean();
        }
        if (spec instanceof LossSpec.CrossEntropy) {
            return y.mul(logP).sum(new int[] {1}).mean().neg();
        }
        if (spec instanceof LossSpec.WeightedCrossEntropy w) {
            NDArray weights = classWeights(w.weighting(), y);
            NDArray wy = y.mul(weights).sum(new int[] {1});
            NDArray logPy = y.mul(logP).sum(new int[] {1});
            return divNoNan(wy.mul(logPy).sum(), wy.sum()).neg();
        }
        if (spec instanceof LossSpec.Focal f) {
            NDArray logPy = y.mul(logP).sum(new int[] {1});
            NDArray py = logPy.exp();
            NDArray mod = f.gamma() == 0 ? py.onesLike() : py.neg().add(1).maximum(1e-300).pow(f.gamma());
            return mod.mul(logPy).mean().mul(f.alpha()).neg();
        }
        if (spec instanceof LossSpec.Dice d) {
            NDArray pb = p.reshape(batch, -1, classes), yb = y.reshape(batch, -1, classes);
            NDArray inter = pb.mul(yb).sum(new int[] {1}), sp = pb.sum(new int[] {1}), sy = yb.sum(new int[] {1});
            if (d.batchDice()) {
                inter = inter.sum(new int[] {0});
                sp = sp.sum(new int[] {0});
                sy = sy.sum(new int[] {0});
            }
            NDArray dice = safeRatio(inter.mul(2).add(d.smooth()), sp.add(sy).add(d.smooth()));
            if (!d.includeBackground()) dice = dice.get(d.batchDice() ? "1:" : ":, 1:");
            return dice.mean().neg().add(1);
        }
        if (spec instanceof LossSpec.GeneralizedDice g) {
            NDArray pb = p.reshape(batch, -1, classes), yb = y.reshape(batch, -1, classes);
            int[] pix = {1};
            NDArray inter = pb.mul(yb).sum(pix), union = pb.sum(pix).add(yb.sum(pix)), gk = yb.sum(pix);
            if (!g.includeBackground()) {
                inter = inter.get(":, 1:");
                union = union.get(":, 1:");
                gk = gk.get(":, 1:");
            }
            NDArray present = gk.gt(0);
            NDArray w = NDArrays.where(present, gk.square().maximum(1e-300).pow(-1), gk.zerosLike());
            NDArray wmax = w.max(new int[] {1}, true).broadcast(w.getShape());
            w = NDArrays.where(present, w, wmax);
            w = NDArrays.where(wmax.eq(0), w.onesLike(), w).stopGradient();
            NDArray num = w.mul(inter).sum(new int[] {1}).mul(2).add(g.smooth());
            NDArray den = w.mul(union).sum(new int[] {1}).add(g.smooth());
            return safeRatio(num, den).mean().neg().add(1);
        }
        if (spec instanceof LossSpec.WeightedSum s) {
            NDArray total = null;
            for (LossSpec.Term t : s.terms()) {
                NDArray term = lower(t.loss(), in, p, logP, cursor).mul(t.weight());
                total = total == null ? term : total.add(term);
            }
            if (total == null) throw new IllegalArgumentException("empty weighted sum");
            return total;
        }
        if (spec instanceof LossSpec.Gradual g) {
            double a = in.alphas()[cursor[1]++];
            NDArray first = lower(g.first(), in, p, logP, cursor);
            NDArray second = lower(g.second(), in, p, logP, cursor);
            return first.mul(a).add(second.mul(1 - a));
        }
        throw new IllegalArgumentException("loss " + spec.id() + " (" + spec.getClass().getSimpleName() + ") is not supported by the PyTorch engine");
    }

    /** {@code num / den} with 1 and no gradient where {@code den == 0}, the division seeing a safe denominator. */
    private static NDArray safeRatio(NDArray num, NDArray den) {
        NDArray zero = den.eq(0);
        NDArray ones = den.onesLike();
        return NDArrays.where(zero, ones, num.div(NDArrays.where(zero, ones, den)));
    }

    /** {@code num / den}, 0 (and no gradient) where {@code den == 0}. */
    private static NDArray divNoNan(NDArray num, NDArray den) {
        NDArray zero = den.eq(0);
        return NDArrays.where(zero, num.zerosLike(), num.div(NDArrays.where(zero, den.onesLike(), den)));
    }

    private NDArray classWeights(ClassWeighting weighting, NDArray y) {
        if (weighting instanceof ClassWeighting.Given g) {
            if (g.weights().size() != classes) {
                throw new IllegalArgumentException("weighted CE has " + g.weights().size() + " class weights but K=" + classes);
            }
            double[] w = new double[classes];
            for (int k = 0; k < classes; k++) w[k] = g.weights().get(k);
            return y.getManager().create(w);
        }
        NDArray counts = y.sum(new int[] {0});
        NDArray n = counts.sum();
        return divNoNan(n.div(classes).broadcast(counts.getShape()), counts).stopGradient();
    }
}
