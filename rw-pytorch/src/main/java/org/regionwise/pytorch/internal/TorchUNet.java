package org.regionwise.pytorch.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.training.spi.OutputScales;

/**
 * The TensorFlow engine's 2D U-Net (nnU-Net {@code Generic_UNet} layout) in PyTorch through DJL, variable for
 * variable: stage 0 two 3x3 convolutions, stages 1..depth a stride-2 3x3 convolution and a 3x3 convolution, filters
 * {@code min(base 2^s, max)}; each convolution followed by instance norm (per image and channel over H, W, eps 1e-5,
 * affine), batch norm (batch statistics in training, moving averages with momentum 0.1 and the unbiased batch
 * variance, as TensorFlow's fused kernel) or a bias, then LeakyReLU(0.01). Decoder: 2x2 stride-2 transposed
 * convolution, or nearest / bilinear 2x resize (TensorFlow's legacy resize: no half-pixel centres) + 3x3 convolution;
 * concatenation with the skip (skip first); two convolution blocks; 1x1 heads at decoder scales
 * {@code 0..scales-1}. Convolutions pad as TensorFlow's {@code SAME}: stride 1 one voxel each side, stride 2 one voxel
 * at the high end only (even sizes), so both engines compute the same function. Arrays are NCHW.
 */
final class TorchUNet {
    static final double NORM_EPS = 1e-5;
    static final float LEAKY_SLOPE = 0.01f, BN_MOMENTUM = 0.1f;

    /** A batch-norm moving-average update to apply after the step: {@code mov = (1 - m) mov + m batch}. */
    record MovingUpdate(NDArray moving, NDArray batch) {}

    private final ModelSpec.UNet spec;
    private final Parameters p;
    private final List<MovingUpdate> updates = new ArrayList<>();

    TorchUNet(ModelSpec.UNet spec, Parameters parameters) {
        this.spec = spec;
        this.p = parameters;
    }

    /** Creates every variable in the TensorFlow engine's order (a forward pass on a tiny input in inference mode). */
    void createVariables(ai.djl.ndarray.NDManager manager) {
        int m = 1 << spec.depth();
        try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
            scope.suppressNotUsedWarning();
            forward(manager.zeros(new Shape(1, spec.inputChannels(), m, m)), spec.normalization() == ModelSpec.Normalization.BATCH);
            updates.clear();
        }
    }

    /** Logits per output scale ({@code [B, K, H/2^s, W/2^s]}), scale 0 first; in training, batch norm uses batch statistics. */
    List<NDArray> forward(NDArray x, boolean training) {
        List<NDArray> skips = new ArrayList<>();
        NDArray h = x;
        int cin = spec.inputChannels();
        for (int s = 0; s <= spec.depth(); s++) {
            int f = spec.filters(s);
            h = convBlock(h, "enc" + s + "_c0", cin, f, s == 0 ? 1 : 2, training);
            h = convBlock(h, "enc" + s + "_c1", f, f, 1, training);
            cin = f;
            if (s < spec.depth()) skips.add(h);
        }
        int scales = OutputScales.of(spec);
        NDArray[] heads = new NDArray[scales];
        for (int s = spec.depth() - 1; s >= 0; s--) {
            int f = spec.filters(s);
            NDArray up = upsample(h, "dec" + s + "_up", cin, f);
            h = NDArrays.concat(new NDList(skips.get(s), up), 1);
            h = convBlock(h, "dec" + s + "_c0", 2 * f, f, 1, training);
            h = convBlock(h, "dec" + s + "_c1", f, f, 1, training);
            cin = f;
            if (s < scales) {
                NDArray w = p.kernel("head" + s + "_w", 1, 1, f, spec.classes());
                NDArray b = p.constant("head" + s + "_b", 0f, spec.classes());
                heads[s] = conv(h, w, b, 1);
            }
        }
        return List.of(heads);
    }

    /** The batch-norm updates of the last training forward pass (cleared by the call). */
    List<MovingUpdate> takeUpdates() {
        List<MovingUpdate> u = List.copyOf(updates);
        updates.clear();
        return u;
    }

    private NDArray conv(NDArray x, NDArray w, @Nullable NDArray b, int stride) {
        if (stride == 1) {
            long k = w.getShape().get(2);
            long pad = (k - 1) / 2;
            return Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), 1).singletonOrThrow();
        }
        // TensorFlow SAME for a 3x3 stride-2 convolution on an even size: one zero row and column at the high end
        NDArray padded = x.pad(new Shape(0, 1, 0, 1), 0);
        return Conv2d.conv2d(padded, w, b, new Shape(stride, stride), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
    }

    private NDArray convBlock(NDArray x, String name, int cin, int cout, int stride, boolean training) {
        NDArray w = p.kernel(name + "_w", 3, 3, cin, cout);
        NDArray h;
        switch (spec.normalization()) {
            case NONE -> h = conv(x, w, p.constant(name + "_b", 0f, cout), stride);
            case INSTANCE -> h = instanceNorm(conv(x, w, null, stride), p.constant(name + "_gamma", 1f, cout), p.constant(name + "_beta", 0f, cout));
            case BATCH -> h = batchNorm(conv(x, w, null, stride), name, cout, training);
            default -> throw new IllegalArgumentException("unknown normalisation " + spec.normalization());
        }
        return Activation.leakyRelu(h, LEAKY_SLOPE);
    }

    static NDArray instanceNorm(NDArray h, NDArray gamma, NDArray beta) {
        NDArray mu = mean(h, 2, 3);
        NDArray d = h.sub(mu);
        NDArray var = mean(d.square(), 2, 3);
        NDArray y = d.div(var.add(NORM_EPS).sqrt());
        return y.mul(gamma.reshape(1, -1, 1, 1)).add(beta.reshape(1, -1, 1, 1));
    }

    /** The mean over {@code axes}, kept as size-1 axes (DJL's PyTorch mean takes one axis at a time). */
    static NDArray mean(NDArray x, int... axes) {
        NDArray m = x;
        for (int i = axes.length - 1; i >= 0; i--) m = m.mean(new int[] {axes[i]}, true);
        return m;
    }

    private NDArray batchNorm(NDArray h, String name, int c, boolean training) {
        NDArray gamma = p.constant(name + "_gamma", 1f, c);
        NDArray beta = p.constant(name + "_beta", 0f, c);
        NDArray mean = p.state(name + "_movmean", 0f, c);
        NDArray var = p.state(name + "_movvar", 1f, c);
        NDArray mu, v;
        if (training) {
            mu = mean(h, 0, 2, 3);
            NDArray d = h.sub(mu);
            v = mean(d.square(), 0, 2, 3);
            long n = h.getShape().get(0) * h.getShape().get(2) * h.getShape().get(3);
            double bessel = n > 1 ? (double) n / (n - 1) : 1;
            updates.add(new MovingUpdate(mean, mu.reshape(c).stopGradient()));
            updates.add(new MovingUpdate(var, v.reshape(c).mul(bessel).stopGradient()));
        } else {
            mu = mean.reshape(1, -1, 1, 1);
            v = var.reshape(1, -1, 1, 1);
        }
        NDArray y = h.sub(mu).div(v.add(NORM_EPS).sqrt());
        return y.mul(gamma.reshape(1, -1, 1, 1)).add(beta.reshape(1, -1, 1, 1));
    }

    private NDArray upsample(NDArray h, String name, int cin, int cout) {
        switch (spec.upsampling()) {
            case TRANSPOSED_CONVOLUTION -> {
                NDArray w = p.kernel(name + "_w", 2, 2, cout, cin);
                NDArray b = p.constant(name + "_b", 0f, cout);
                return transposedConv2x2(h, w, b);
            }
            case NEAREST_CONVOLUTION, BILINEAR_CONVOLUTION -> {
                NDArray r = spec.upsampling() == ModelSpec.Upsampling.NEAREST_CONVOLUTION
                        ? h.repeat(2, 2).repeat(3, 2)
                        : bilinear2x(bilinear2x(h, 2), 3);
                NDArray w = p.kernel(name + "_w", 3, 3, cin, cout);
                NDArray b = p.constant(name + "_b", 0f, cout);
                return conv(r, w, b, 1);
            }
            default -> throw new IllegalArgumentException("unknown upsampling " + spec.upsampling());
        }
    }

    /**
     * The 2x2 stride-2 transposed convolution (DJL's PyTorch engine has none): the kernel windows do not overlap, so
     * output voxel {@code (2i + a, 2j + c)} is {@code sum_ci x[ci, i, j] w[ci, o, a, c] + b[o]}, i.e. one 1x1 convolution
     * with the four {@code (a, c)} kernels stacked as output channels, then a pixel shuffle.
     *
     * @param w PyTorch layout {@code [in, out, 2, 2]}
     */
    static NDArray transposedConv2x2(NDArray x, NDArray w, NDArray b) {
        long cin = w.getShape().get(0), cout = w.getShape().get(1);
        long n = x.getShape().get(0), h = x.getShape().get(2), wd = x.getShape().get(3);
        NDArray k = w.transpose(2, 3, 1, 0).reshape(4 * cout, cin, 1, 1);          // [(a, c, o), ci, 1, 1]
        NDArray z = Conv2d.conv2d(x, k, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
        NDArray y = z.reshape(n, 2, 2, cout, h, wd).transpose(0, 3, 4, 1, 5, 2).reshape(n, cout, 2 * h, 2 * wd);
        return y.add(b.reshape(1, -1, 1, 1));
    }

    /**
     * TensorFlow's legacy bilinear 2x resize along {@code axis} (no half-pixel centres): output {@code 2i} is input
     * {@code i}, output {@code 2i + 1} the mean of inputs {@code i} and {@code min(i + 1, n - 1)}.
     */
    static NDArray bilinear2x(NDArray x, int axis) {
        long n = x.getShape().get(axis);
        String all = ":, ".repeat(axis);
        NDArray next = n == 1 ? x : NDArrays.concat(new NDList(x.get(all + "1:"), x.get(all + (n - 1) + ":")), axis);
        NDArray mid = x.add(next).mul(0.5);
        NDArray both = NDArrays.stack(new NDList(x, mid), axis + 1);
        Shape s = x.getShape();
        long[] out = s.getShape().clone();
        out[axis] = 2 * n;
        return both.reshape(new Shape(out));
    }
}
