package org.regionwise.tensorflow.internal;

import org.regionwise.core.backend.Precision;
import org.tensorflow.types.TBfloat16;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.core.backend.ModelSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Builds a 2D or 3D U-Net (Ronneberger et al. 2015; Çiçek et al. 2016 in 3D) in the nnU-Net {@code Generic_UNet}
 * layout, channels last (NHWC, or NDHWC with D along z), with dynamic batch and spatial size. The kernel of each stage
 * and the stride entering it are the spec's per axis ({@link ModelSpec.UNet#kernel}, {@link ModelSpec.UNet#stride}:
 * 3 and 2 everywhere unless nnU-Net's anisotropy rule made them 1 on a coarse axis); 3D convolutions train through
 * the gradients {@link Conv3dGradients} registers.
 *
 * <ul>
 *   <li>Stage 0: two 3x3 convolutions; stages 1..depth: a stride-2 3x3 convolution (convolutional pooling) then a 3x3
 *       convolution; stage {@code s} has {@code spec.filters(s)} filters ({@code min(base 2^s, max)}).</li>
 *   <li>Every convolution is followed by normalisation (instance: statistics over H, W per image and channel, eps
 *       1e-5, affine, one fused kernel; batch: fused batch norm, momentum 0.1 on the moving statistics; none: a bias) and LeakyReLU(0.01).</li>
 *   <li>Decoder stage {@code s = depth-1..0}: upsampling by 2 (a 2x2 stride-2 transposed convolution, or nearest or
 *       bilinear resize followed by a 3x3 convolution) to {@code filters(s)}, concatenation with the skip, two 3x3
 *       convolutions.</li>
 *   <li>Heads: a 1x1 convolution with bias to K logits at scale 0, and with deep supervision also at scales
 *       1..depth-2 (the lowest decoder scale has weight 0 in nnU-Net and is left out).</li>
 * </ul>
 * Inputs must be a multiple of {@code 2^depth} in H and W. Variables are created on the first tower and shared by a
 * second one, so a batch-norm net has a training tower (batch statistics, moving-average updates) and an inference
 * tower (moving statistics).
 */
public final class UNetBuilder {
    private static final float LEAKY_SLOPE = 0.01f;
    private static final double NORM_EPS = 1e-5;
    private static final float BN_MOMENTUM = 0.1f;

    private final Ops tf;
    private final VariableStore store;
    private final ModelSpec.UNet spec;
    private final Precision precision;
    private final Map<String, Variable<TFloat32>> vars = new HashMap<>();
    private final List<Op> movingAverageUpdates = new ArrayList<>();

    public UNetBuilder(Ops tf, VariableStore store, ModelSpec.UNet spec) { this(tf, store, spec, Precision.FP32); }

    /**
     * A builder whose 3x3 and transposed convolutions run in {@code precision} (the 1x1 heads stay float32).
     *
     * @param tf the graph's ops
     * @param store creates and initialises the variables
     * @param spec the network
     * @param precision the convolutions' arithmetic
     */
    public UNetBuilder(Ops tf, VariableStore store, ModelSpec.UNet spec, Precision precision) {
        if (spec.dimensions() == 3 && precision != Precision.FP32) {
            throw new IllegalArgumentException("bf16 convolutions are 2D only in the TensorFlow backend; train the 3D U-Net in fp32");
        }
        if (spec.dimensions() == 3 && !Conv3dGradients.register()) {
            throw new IllegalStateException("cannot register the Conv3D gradients on this platform: 3D training needs them");
        }
        this.tf = tf;
        this.store = store;
        this.spec = spec;
        this.precision = java.util.Objects.requireNonNull(precision, "precision");
    }

    /** The batch-norm moving-average assignments of the training tower (empty for other normalisations). */
    public List<Op> movingAverageUpdates() { return movingAverageUpdates; }

    /**
     * Builds one tower.
     *
     * @param x        NHWC input {@code [B, H, W, inputChannels]}
     * @param training true for the training tower (batch statistics); false for inference (moving statistics)
     * @return logits per output scale, scale 0 (full resolution) first; scale {@code s} is {@code [B, H/2^s, W/2^s, K]}
     */
    public List<Operand<TFloat32>> build(Operand<TFloat32> x, boolean training) {
        String t = training ? "train" : "infer";
        List<Operand<TFloat32>> skips = new ArrayList<>();
        Operand<TFloat32> h = x;
        int cin = spec.inputChannels();
        for (int s = 0; s <= spec.depth(); s++) {
            int f = spec.filters(s);
            int[] k = spec.kernel(s);
            h = convBlock(h, "enc" + s + "_c0", k, cin, f, s == 0 ? ones() : spec.stride(s), training, t);
            h = convBlock(h, "enc" + s + "_c1", k, f, f, ones(), training, t);
            cin = f;
            if (s < spec.depth()) skips.add(h);
        }
        int scales = org.regionwise.training.spi.OutputScales.of(spec);
        Operand<TFloat32>[] heads = newArray(scales);
        int[] one = new int[spec.dimensions()];
        java.util.Arrays.fill(one, 1);
        for (int s = spec.depth() - 1; s >= 0; s--) {
            int f = spec.filters(s);
            int[] k = spec.kernel(s);
            Operand<TFloat32> skip = skips.get(s);
            Operand<TFloat32> up = upsample(h, skip, "dec" + s + "_up", spec.stride(s + 1), cin, f);
            h = tf.withName(t + "_dec" + s + "_concat").concat(List.of(skip, up), tf.constant(spec.dimensions() + 1));
            h = convBlock(h, "dec" + s + "_c0", k, 2 * f, f, ones(), training, t);
            h = convBlock(h, "dec" + s + "_c1", k, f, f, ones(), training, t);
            cin = f;
            if (s < scales) {
                Variable<TFloat32> w = kernel("head" + s + "_w", org.regionwise.training.spi.InitialWeights.kernelShape(one, f, spec.classes()));
                Variable<TFloat32> b = constant("head" + s + "_b", 0f, spec.classes());
                heads[s] = tf.withName(t + "_logits" + s).nn.biasAdd(rawConv(h, w, ones()), b);
            }
        }
        return List.of(heads);
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] newArray(int n) { return (Operand<TFloat32>[]) new Operand<?>[n]; }

    private int[] ones() {
        int[] o = new int[spec.dimensions()];
        java.util.Arrays.fill(o, 1);
        return o;
    }


    /** Strides {@code [1, s_z, s_y, s_x, 1]} (or {@code [1, s_y, s_x, 1]}) from per-image-axis strides. */
    private static List<Long> strides(int[] perImageAxis) {
        int d = perImageAxis.length;
        List<Long> out = new ArrayList<>();
        out.add(1L);
        for (int i = 0; i < d; i++) out.add((long) perImageAxis[d - 1 - i]);
        out.add(1L);
        return out;
    }

    private Operand<TFloat32> upsample(Operand<TFloat32> h, Operand<TFloat32> skip, String name, int[] stride, int cin, int cout) {
        switch (spec.upsampling()) {
            case TRANSPOSED_CONVOLUTION -> {
                // kernel = stride per axis (2x2 or 2x2x2; 1 along an axis not pooled there)
                Variable<TFloat32> w = kernel(name + "_w", org.regionwise.training.spi.InitialWeights.kernelShape(stride, cout, cin));
                Variable<TFloat32> b = constant(name + "_b", 0f, cout);
                // the skip has exactly cout channels, so its dynamic shape is the transposed convolution's output shape
                return tf.nn.biasAdd(transposedConv(tf.shape(skip), w, h, stride), b);
            }
            case NEAREST_CONVOLUTION, BILINEAR_CONVOLUTION -> {
                Operand<org.tensorflow.types.TInt32> size = tf.slice(tf.shape(skip), tf.constant(new int[] {1}), tf.constant(new int[] {2}));
                Operand<TFloat32> r = spec.upsampling() == ModelSpec.Upsampling.NEAREST_CONVOLUTION
                        ? tf.image.resizeNearestNeighbor(h, size)
                        : tf.image.resizeBilinear(h, size);
                Variable<TFloat32> w = kernel(name + "_w", 3, 3, cin, cout);
                Variable<TFloat32> b = constant(name + "_b", 0f, cout);
                return tf.nn.biasAdd(conv(r, w, ones()), b);
            }
            default -> throw new IllegalArgumentException("unknown upsampling " + spec.upsampling());
        }
    }

    /** A float32 convolution, SAME padding, 2D or 3D by the spec. */
    private Operand<TFloat32> rawConv(Operand<TFloat32> x, Operand<TFloat32> w, int[] stride) {
        return spec.dimensions() == 3 ? tf.nn.conv3d(x, w, strides(stride), "SAME") : tf.nn.conv2d(x, w, strides(stride), "SAME");
    }

    /** A convolution in {@link #precision}: in bf16, input and kernel are cast down and the result back up. */
    private Operand<TFloat32> conv(Operand<TFloat32> x, Operand<TFloat32> w, int[] stride) {
        if (precision == Precision.FP32) return rawConv(x, w, stride);
        return tf.dtypes.cast(tf.nn.conv2d(tf.dtypes.cast(x, TBfloat16.class), tf.dtypes.cast(w, TBfloat16.class), strides(stride), "SAME"),
                TFloat32.class);
    }

    /** The transposed convolution (kernel = stride) in {@link #precision}. */
    private Operand<TFloat32> transposedConv(Operand<org.tensorflow.types.TInt32> outputShape, Operand<TFloat32> w, Operand<TFloat32> h, int[] stride) {
        List<Long> st = strides(stride);
        if (spec.dimensions() == 3) return tf.nn.conv3dBackpropInput(outputShape, w, h, st, "SAME");
        if (precision == Precision.FP32) return tf.nn.conv2dBackpropInput(outputShape, w, h, st, "SAME");
        return tf.dtypes.cast(tf.nn.conv2dBackpropInput(outputShape, tf.dtypes.cast(w, TBfloat16.class),
                tf.dtypes.cast(h, TBfloat16.class), st, "SAME"), TFloat32.class);
    }

    /** Convolution of kernel {@code k} (per image axis) and {@code stride} + normalisation + LeakyReLU(0.01). */
    private Operand<TFloat32> convBlock(Operand<TFloat32> x, String name, int[] k, int cin, int cout, int[] stride,
                                        boolean training, String tower) {
        Variable<TFloat32> w = kernel(name + "_w", org.regionwise.training.spi.InitialWeights.kernelShape(k, cin, cout));
        Operand<TFloat32> h = conv(x, w, stride);
        switch (spec.normalization()) {
            case NONE -> h = tf.nn.biasAdd(h, constant(name + "_b", 0f, cout));
            case INSTANCE -> h = instanceNorm(tf, h, constant(name + "_gamma", 1f, cout), constant(name + "_beta", 0f, cout), NORM_EPS);
            case BATCH -> h = batchNorm(h, name, cout, training);
        }
        return tf.withName(tower + "_" + name + "_act").nn.leakyRelu(h, LeakyRelu.alpha(LEAKY_SLOPE));
    }

    private Operand<TFloat32> batchNorm(Operand<TFloat32> x, String name, int c, boolean training) {
        Variable<TFloat32> gamma = constant(name + "_gamma", 1f, c);
        Variable<TFloat32> beta = constant(name + "_beta", 0f, c);
        Variable<TFloat32> mean = state(name + "_movmean", 0f, c);
        Variable<TFloat32> var = state(name + "_movvar", 1f, c);
        // the fused kernel takes rank 4: a 3D batch [B, D, H, W, C] is viewed as [B, D, H W, C] (same per-channel statistics)
        Operand<TInt32> shape = tf.shape(x);
        Operand<TFloat32> h = spec.dimensions() == 3
                ? tf.reshape(x, tf.stack(List.of(dim(tf, shape, 0), dim(tf, shape, 1), tf.constant(-1), dim(tf, shape, 4)))) : x;
        Operand<TFloat32> y;
        if (training) {
            FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(h, gamma, beta,
                    tf.constant(new float[0]), tf.constant(new float[0]),
                    FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon((float) NORM_EPS));
            Operand<TFloat32> m = tf.constant(1 - BN_MOMENTUM);
            Operand<TFloat32> k = tf.constant(BN_MOMENTUM);
            movingAverageUpdates.add(tf.assign(mean, tf.math.add(tf.math.mul(mean, m), tf.math.mul(bn.batchMean(), k))));
            movingAverageUpdates.add(tf.assign(var, tf.math.add(tf.math.mul(var, m), tf.math.mul(bn.batchVariance(), k))));
            y = bn.y();
        } else {
            y = tf.nn.fusedBatchNorm(h, gamma, beta, mean, var,
                    FusedBatchNorm.isTraining(false), FusedBatchNorm.epsilon((float) NORM_EPS)).y();
        }
        return spec.dimensions() == 3 ? tf.reshape(y, shape) : y;
    }

    /**
     * Instance normalisation (Ulyanov et al. 2016) of channels-last {@code x} (rank 4 or 5): per image and channel,
     * {@code y = gamma (x - mu) / sqrt(sigma^2 + eps) + beta} with {@code mu}, {@code sigma^2} the mean and the biased
     * variance over the spatial axes, computed by one fused batch-norm kernel: {@code x} {@code [B, S..., C]} is
     * transposed to {@code [S..., B, C]} and viewed as one image {@code [1, S_0, prod(S_1...), B C]}, whose
     * per-channel batch statistics are exactly the per-image, per-channel statistics over the spatial axes; gamma and
     * beta are repeated for each of the B images. The result is transposed back. Its gradient is TensorFlow's fused
     * batch-norm gradient.
     */
    public static Operand<TFloat32> instanceNorm(Ops tf, Operand<TFloat32> x, Operand<TFloat32> gamma, Operand<TFloat32> beta, double eps) {
        int rank = x.shape().numDimensions();
        if (rank != 4 && rank != 5) throw new IllegalArgumentException("instance norm takes rank 4 or 5, got " + rank);
        // the dynamic shapes are packed from scalars: an int32 ConcatV2 would make oneDNN log an error on AMD CPUs
        Operand<TInt32> shape = tf.shape(x);
        List<Operand<TInt32>> d = new ArrayList<>();
        for (int i = 0; i < rank; i++) d.add(dim(tf, shape, i));
        Operand<TInt32> batch = d.get(0), channels = d.get(rank - 1);
        int[] perm = new int[rank], back = new int[rank];
        for (int i = 0; i < rank - 2; i++) perm[i] = i + 1;
        perm[rank - 2] = 0;
        perm[rank - 1] = rank - 1;
        for (int i = 0; i < rank; i++) back[perm[i]] = i;
        Operand<TFloat32> sbc = tf.linalg.transpose(x, tf.constant(perm));
        Operand<TInt32> inner = rank == 4 ? d.get(2) : tf.math.mul(d.get(2), d.get(3));
        Operand<TFloat32> view = tf.reshape(sbc, tf.stack(List.of(tf.constant(1), d.get(1), inner, tf.constant(-1))));
        // gamma and beta repeated per image, by broadcasting (Tile's gradient transposes int32 tensors: the same log)
        Operand<TInt32> perImage = tf.stack(List.of(batch, channels));
        Operand<TInt32> flat = tf.constant(new int[] {-1});
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(view,
                tf.reshape(tf.broadcastTo(gamma, perImage), flat), tf.reshape(tf.broadcastTo(beta, perImage), flat),
                tf.constant(new float[0]), tf.constant(new float[0]),
                FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon((float) eps));
        List<Operand<TInt32>> sb = new ArrayList<>();
        for (int i = 1; i < rank - 1; i++) sb.add(d.get(i));
        sb.add(batch);
        sb.add(channels);
        Operand<TFloat32> y = tf.reshape(bn.y(), tf.stack(sb));
        return tf.linalg.transpose(y, tf.constant(back));
    }

    private static Operand<TInt32> dim(Ops tf, Operand<TInt32> shape, int axis) {
        return tf.gather(shape, tf.constant(axis), tf.constant(0));
    }

    private Variable<TFloat32> kernel(String name, long... shape) {
        return vars.computeIfAbsent(name, n -> store.kernel(n, shape));
    }

    private Variable<TFloat32> constant(String name, float value, long... shape) {
        return vars.computeIfAbsent(name, n -> store.constant(n, value, shape));
    }

    private Variable<TFloat32> state(String name, float value, long... shape) {
        return vars.computeIfAbsent(name, n -> store.state(n, value, shape));
    }
}
