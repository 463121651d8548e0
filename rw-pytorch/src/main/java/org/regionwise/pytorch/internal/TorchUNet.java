package org.regionwise.pytorch.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Conv3d;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.training.spi.OutputScales;

/**
 * The TensorFlow engine's 2D or 3D U-Net (nnU-Net {@code Generic_UNet} layout) in PyTorch through DJL, variable for
 * variable: stage 0 two 3x3 convolutions, stages 1..depth a stride-2 3x3 convolution and a 3x3 convolution, filters
 * {@code min(base 2^s, max)}; each convolution followed by instance norm (per image and channel over H, W, eps 1e-5,
 * affine), batch norm (batch statistics in training, moving averages with momentum 0.1 and the unbiased batch
 * variance, as TensorFlow's fused kernel) or a bias, then LeakyReLU(0.01). Decoder: 2x2 stride-2 transposed
 * convolution, or nearest / bilinear 2x resize (TensorFlow's legacy resize: no half-pixel centres) + 3x3 convolution;
 * concatenation with the skip (skip first); two convolution blocks; 1x1 heads at decoder scales
 * {@code 0..scales-1}. Convolutions pad as TensorFlow's {@code SAME}: stride 1 one voxel each side, stride 2 one voxel
 * at the high end only (even sizes), so both engines compute the same function. Arrays are NCHW (NCDHW in 3D). Kernels
 * and strides per axis are the spec's ({@link ModelSpec.UNet#kernel}, {@link ModelSpec.UNet#stride}); a 1-voxel kernel
 * or a stride 1 on an axis pads that axis as SAME does.
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
        int d = spec.dimensions();
        long[] shape = new long[d + 2];
        shape[0] = 1;
        shape[1] = spec.inputChannels();
        for (int i = 0; i < d; i++) shape[2 + i] = spec.multiple(d - 1 - i); // tensor axes z, y, x: image axes reversed
        try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
            scope.suppressNotUsedWarning();
            forward(manager.zeros(new Shape(shape)), spec.normalization() == ModelSpec.Normalization.BATCH);
            updates.clear();
        }
    }

    /** Logits per output scale ({@code [B, K, (D_s,) H_s, W_s]}), scale 0 first; in training, batch norm uses batch statistics. */
    List<NDArray> forward(NDArray x, boolean training) {
        List<NDArray> skips = new ArrayList<>();
        NDArray h = x;
        int cin = spec.inputChannels();
        int[] ones = new int[spec.dimensions()];
        java.util.Arrays.fill(ones, 1);
        for (int s = 0; s <= spec.depth(); s++) {
            int f = spec.filters(s);
            int[] k = spec.kernel(s);
            h = convBlock(h, "enc" + s + "_c0", k, cin, f, s == 0 ? ones : spec.stride(s), training);
            h = convBlock(h, "enc" + s + "_c1", k, f, f, ones, training);
            cin = f;
            if (s < spec.depth()) skips.add(h);
        }
        int scales = OutputScales.of(spec);
        NDArray[] heads = new NDArray[scales];
        for (int s = spec.depth() - 1; s >= 0; s--) {
            int f = spec.filters(s);
            int[] k = spec.kernel(s);
            NDArray up = upsample(h, "dec" + s + "_up", spec.stride(s + 1), cin, f);
            h = NDArrays.concat(new NDList(skips.get(s), up), 1);
            h = convBlock(h, "dec" + s + "_c0", k, 2 * f, f, ones, training);
            h = convBlock(h, "dec" + s + "_c1", k, f, f, ones, training);
            cin = f;
            if (s < scales) {
                NDArray w = p.kernel("head" + s + "_w", org.regionwise.training.spi.InitialWeights.kernelShape(ones, f, spec.classes()));
                NDArray b = p.constant("head" + s + "_b", 0f, spec.classes());
                heads[s] = conv(h, w, b, ones);
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


    /**
     * A convolution with TensorFlow's SAME padding: per axis of size {@code n}, kernel {@code k} and stride
     * {@code s}, {@code max((ceil(n / s) - 1) s + k - n, 0)} zeros, the smaller half before. Symmetric padding goes
     * to the convolution; otherwise the input is padded first (a stride-2 3-voxel kernel on an even size: one zero at
     * the high end).
     */
    private NDArray conv(NDArray x, NDArray w, @Nullable NDArray b, int[] stride) {
        int d = spec.dimensions();
        long[] ks = w.getShape().getShape();
        long[] lo = new long[d], hi = new long[d], st = new long[d];
        boolean symmetric = true, any = false;
        for (int i = 0; i < d; i++) { // tensor spatial axis i is image axis d - 1 - i
            long n = x.getShape().get(2 + i), k = ks[2 + i];
            st[i] = stride[d - 1 - i];
            long total = Math.max((n + st[i] - 1) / st[i] * st[i] - st[i] + k - n, 0);
            lo[i] = total / 2;
            hi[i] = total - lo[i];
            symmetric &= lo[i] == hi[i];
            any |= total > 0;
        }
        long[] pad = new long[d];
        NDArray in = x;
        if (symmetric) {
            pad = lo;
        } else if (any) {
            long[] pairs = new long[2 * d]; // last axis first, (before, after) per axis
            for (int i = 0; i < d; i++) { pairs[2 * i] = lo[d - 1 - i]; pairs[2 * i + 1] = hi[d - 1 - i]; }
            in = x.pad(new Shape(pairs), 0);
        }
        long[] dil = new long[d];
        java.util.Arrays.fill(dil, 1);
        return d == 3
                ? Conv3d.conv3d(in, w, b, new Shape(st), new Shape(pad), new Shape(dil), 1).singletonOrThrow()
                : Conv2d.conv2d(in, w, b, new Shape(st), new Shape(pad), new Shape(dil), 1).singletonOrThrow();
    }

    private NDArray convBlock(NDArray x, String name, int[] kernel, int cin, int cout, int[] stride, boolean training) {
        NDArray w = p.kernel(name + "_w", org.regionwise.training.spi.InitialWeights.kernelShape(kernel, cin, cout));
        NDArray h;
        switch (spec.normalization()) {
            case NONE -> h = conv(x, w, p.constant(name + "_b", 0f, cout), stride);
            case INSTANCE -> h = instanceNorm(conv(x, w, null, stride), p.constant(name + "_gamma", 1f, cout), p.constant(name + "_beta", 0f, cout));
            case BATCH -> h = batchNorm(conv(x, w, null, stride), name, cout, training);
            default -> throw new IllegalArgumentException("unknown normalisation " + spec.normalization());
        }
        return Activation.leakyRelu(h, LEAKY_SLOPE);
    }

    /**
     * Per image and channel over the spatial axes (2.. of NCHW or NCDHW):
     * {@code y = gamma (x - mu) / sqrt(sigma^2 + eps) + beta}, biased variance. Computed as PyTorch's own
     * {@code instance_norm} does, by one fused {@code batch_norm} in training mode on the view {@code [1, B C, S...]},
     * whose per-channel batch statistics are the per-image, per-channel ones (gamma and beta repeated per image; the
     * running statistics it updates are throw-away). Composing it from means and differences cost 4x more in 3D.
     */
    static NDArray instanceNorm(NDArray h, NDArray gamma, NDArray beta) {
        Shape s = h.getShape();
        long b = s.get(0), c = s.get(1);
        if (s.size() == b * c) {
            // one voxel per image and channel (the lowest stage of a minimal input): batch_norm refuses it in training;
            // the normalised value is 0, so the output is beta (and the gradient reaches beta only), as composed here
            int[] axes = spatialAxes(h);
            NDArray d = h.sub(mean(h, axes));
            NDArray y = d.div(mean(d.square(), axes).add(NORM_EPS).sqrt());
            return y.mul(channelView(gamma, h)).add(channelView(beta, h));
        }
        long[] view = s.getShape().clone();
        view[0] = 1;
        view[1] = b * c;
        NDArray x = h.reshape(new Shape(view));
        ai.djl.ndarray.NDManager m = h.getManager();
        NDArray runningMean = m.zeros(new Shape(b * c)), runningVar = m.ones(new Shape(b * c));
        NDArray y = x.getNDArrayInternal().batchNorm(x, runningMean, runningVar, gamma.tile(b), beta.tile(b), 1, 0.1f,
                (float) NORM_EPS, true).singletonOrThrow();
        return y.reshape(s);
    }

    private static int[] spatialAxes(NDArray h) {
        int r = h.getShape().dimension();
        int[] a = new int[r - 2];
        for (int i = 0; i < a.length; i++) a[i] = i + 2;
        return a;
    }

    /** {@code v} of C values shaped {@code [1, C, 1, ...]} to broadcast over {@code like}. */
    private static NDArray channelView(NDArray v, NDArray like) {
        long[] s = new long[like.getShape().dimension()];
        java.util.Arrays.fill(s, 1);
        s[1] = -1;
        return v.reshape(new Shape(s));
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
        int[] spatial = spatialAxes(h);
        if (training) {
            int[] axes = new int[spatial.length + 1];
            System.arraycopy(spatial, 0, axes, 1, spatial.length);
            mu = mean(h, axes);
            NDArray d = h.sub(mu);
            v = mean(d.square(), axes);
            long n = h.getShape().size() / h.getShape().get(1);
            double bessel = n > 1 ? (double) n / (n - 1) : 1;
            updates.add(new MovingUpdate(mean, mu.reshape(c).stopGradient()));
            updates.add(new MovingUpdate(var, v.reshape(c).mul(bessel).stopGradient()));
        } else {
            mu = channelView(mean, h);
            v = channelView(var, h);
        }
        NDArray y = h.sub(mu).div(v.add(NORM_EPS).sqrt());
        return y.mul(channelView(gamma, h)).add(channelView(beta, h));
    }

    private NDArray upsample(NDArray h, String name, int[] stride, int cin, int cout) {
        switch (spec.upsampling()) {
            case TRANSPOSED_CONVOLUTION -> {
                NDArray w = p.kernel(name + "_w", org.regionwise.training.spi.InitialWeights.kernelShape(stride, cout, cin));
                NDArray b = p.constant(name + "_b", 0f, cout);
                return transposedConv(h, w, b);
            }
            case NEAREST_CONVOLUTION, BILINEAR_CONVOLUTION -> {
                NDArray r = spec.upsampling() == ModelSpec.Upsampling.NEAREST_CONVOLUTION
                        ? h.repeat(2, 2).repeat(3, 2)
                        : bilinear2x(bilinear2x(h, 2), 3);
                NDArray w = p.kernel(name + "_w", 3, 3, cin, cout);
                NDArray b = p.constant(name + "_b", 0f, cout);
                int[] ones = {1, 1};
                return conv(r, w, b, ones);
            }
            default -> throw new IllegalArgumentException("unknown upsampling " + spec.upsampling());
        }
    }

    /** The 2x2 stride-2 transposed convolution of a 2D input (PyTorch layout {@code [in, out, 2, 2]}). */
    static NDArray transposedConv2x2(NDArray x, NDArray w, NDArray b) { return transposedConv(x, w, b); }

    /**
     * The transposed convolution whose kernel equals its stride (2x2, 2x2x2, or 1 along an axis not pooled; DJL's
     * PyTorch engine has none): the kernel windows do not overlap, so output voxel {@code (s i + a, ...)} is
     * {@code sum_ci x[ci, i, ...] w[ci, o, a, ...] + b[o]}, i.e. one 1x1(x1) convolution with the kernel offsets
     * stacked as output channels, then a pixel shuffle.
     *
     * @param w PyTorch layout {@code [in, out, k...]}
     */
    static NDArray transposedConv(NDArray x, NDArray w, NDArray b) {
        long[] ws = w.getShape().getShape();
        int d = ws.length - 2;
        long cin = ws[0], cout = ws[1];
        long offsets = 1;
        for (int i = 0; i < d; i++) offsets *= ws[2 + i];
        // [in, out, k...] -> [(k..., out), in, 1...]
        int[] perm = new int[d + 2];
        for (int i = 0; i < d; i++) perm[i] = 2 + i;
        perm[d] = 1;
        perm[d + 1] = 0;
        long[] ks = new long[d + 2];
        java.util.Arrays.fill(ks, 1);
        ks[0] = offsets * cout;
        ks[1] = cin;
        NDArray k = w.transpose(perm).reshape(new Shape(ks));
        long[] one = new long[d], zero = new long[d];
        java.util.Arrays.fill(one, 1);
        NDArray z = d == 3
                ? Conv3d.conv3d(x, k, null, new Shape(one), new Shape(zero), new Shape(one), 1).singletonOrThrow()
                : Conv2d.conv2d(x, k, null, new Shape(one), new Shape(zero), new Shape(one), 1).singletonOrThrow();
        long n = x.getShape().get(0);
        // z: [n, (k..., out), S...] -> [n, k..., out, S...] -> [n, out, S_0, k_0, S_1, k_1, ...] -> [n, out, S_i k_i ...]
        long[] split = new long[2 + 2 * d];
        split[0] = n;
        for (int i = 0; i < d; i++) split[1 + i] = ws[2 + i];
        split[1 + d] = cout;
        for (int i = 0; i < d; i++) split[2 + d + i] = x.getShape().get(2 + i);
        int[] order = new int[2 + 2 * d];
        order[0] = 0;
        order[1] = 1 + d;
        for (int i = 0; i < d; i++) { order[2 + 2 * i] = 2 + d + i; order[3 + 2 * i] = 1 + i; }
        long[] out = new long[2 + d];
        out[0] = n;
        out[1] = cout;
        for (int i = 0; i < d; i++) out[2 + i] = x.getShape().get(2 + i) * ws[2 + i];
        NDArray y = z.reshape(new Shape(split)).transpose(order).reshape(new Shape(out));
        return y.add(channelView(b, y));
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
