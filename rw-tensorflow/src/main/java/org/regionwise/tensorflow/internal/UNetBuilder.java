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
 * Builds a 2D U-Net (Ronneberger et al. 2015) in the nnU-Net {@code Generic_UNet} layout, NHWC, with dynamic batch and
 * spatial size.
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
        if (spec.dimensions() != 2) {
            throw new IllegalArgumentException("the TensorFlow backend trains 2D U-Nets only (Conv3D has no gradient in "
                    + "TF Java 1.1.0); got dimensions=" + spec.dimensions());
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
            h = convBlock(h, "enc" + s + "_c0", cin, f, s == 0 ? 1 : 2, training, t);
            h = convBlock(h, "enc" + s + "_c1", f, f, 1, training, t);
            cin = f;
            if (s < spec.depth()) skips.add(h);
        }
        int scales = org.regionwise.training.spi.OutputScales.of(spec);
        Operand<TFloat32>[] heads = newArray(scales);
        for (int s = spec.depth() - 1; s >= 0; s--) {
            int f = spec.filters(s);
            Operand<TFloat32> skip = skips.get(s);
            Operand<TFloat32> up = upsample(h, skip, "dec" + s + "_up", cin, f);
            h = tf.withName(t + "_dec" + s + "_concat").concat(List.of(skip, up), tf.constant(3));
            h = convBlock(h, "dec" + s + "_c0", 2 * f, f, 1, training, t);
            h = convBlock(h, "dec" + s + "_c1", f, f, 1, training, t);
            cin = f;
            if (s < scales) {
                Variable<TFloat32> w = kernel("head" + s + "_w", 1, 1, f, spec.classes());
                Variable<TFloat32> b = constant("head" + s + "_b", 0f, spec.classes());
                heads[s] = tf.withName(t + "_logits" + s).nn.biasAdd(tf.nn.conv2d(h, w, List.of(1L, 1L, 1L, 1L), "SAME"), b);
            }
        }
        return List.of(heads);
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] newArray(int n) { return (Operand<TFloat32>[]) new Operand<?>[n]; }

    private Operand<TFloat32> upsample(Operand<TFloat32> h, Operand<TFloat32> skip, String name, int cin, int cout) {
        switch (spec.upsampling()) {
            case TRANSPOSED_CONVOLUTION -> {
                Variable<TFloat32> w = kernel(name + "_w", 2, 2, cout, cin);
                Variable<TFloat32> b = constant(name + "_b", 0f, cout);
                // the skip has exactly cout channels, so its dynamic shape is the transposed convolution's output shape
                return tf.nn.biasAdd(transposedConv(tf.shape(skip), w, h), b);
            }
            case NEAREST_CONVOLUTION, BILINEAR_CONVOLUTION -> {
                Operand<org.tensorflow.types.TInt32> size = tf.slice(tf.shape(skip), tf.constant(new int[] {1}), tf.constant(new int[] {2}));
                Operand<TFloat32> r = spec.upsampling() == ModelSpec.Upsampling.NEAREST_CONVOLUTION
                        ? tf.image.resizeNearestNeighbor(h, size)
                        : tf.image.resizeBilinear(h, size);
                Variable<TFloat32> w = kernel(name + "_w", 3, 3, cin, cout);
                Variable<TFloat32> b = constant(name + "_b", 0f, cout);
                return tf.nn.biasAdd(conv(r, w, 1), b);
            }
            default -> throw new IllegalArgumentException("unknown upsampling " + spec.upsampling());
        }
    }

    /** A convolution in {@link #precision}: in bf16, input and kernel are cast down and the result back up. */
    private Operand<TFloat32> conv(Operand<TFloat32> x, Operand<TFloat32> w, long stride) {
        List<Long> strides = List.of(1L, stride, stride, 1L);
        if (precision == Precision.FP32) return tf.nn.conv2d(x, w, strides, "SAME");
        return tf.dtypes.cast(tf.nn.conv2d(tf.dtypes.cast(x, TBfloat16.class), tf.dtypes.cast(w, TBfloat16.class), strides, "SAME"),
                TFloat32.class);
    }

    /** The 2x2 stride-2 transposed convolution in {@link #precision}. */
    private Operand<TFloat32> transposedConv(Operand<org.tensorflow.types.TInt32> outputShape, Operand<TFloat32> w, Operand<TFloat32> h) {
        List<Long> strides = List.of(1L, 2L, 2L, 1L);
        if (precision == Precision.FP32) return tf.nn.conv2dBackpropInput(outputShape, w, h, strides, "SAME");
        return tf.dtypes.cast(tf.nn.conv2dBackpropInput(outputShape, tf.dtypes.cast(w, TBfloat16.class),
                tf.dtypes.cast(h, TBfloat16.class), strides, "SAME"), TFloat32.class);
    }

    /** 3x3 convolution (stride 1 or 2) + normalisation + LeakyReLU(0.01). */
    private Operand<TFloat32> convBlock(Operand<TFloat32> x, String name, int cin, int cout, int stride,
                                        boolean training, String tower) {
        Variable<TFloat32> w = kernel(name + "_w", 3, 3, cin, cout);
        Operand<TFloat32> h = conv(x, w, stride);
        switch (spec.normalization()) {
            case NONE -> h = tf.nn.biasAdd(h, constant(name + "_b", 0f, cout));
            case INSTANCE -> h = instanceNorm(tf, h, constant(name + "_gamma", 1f, cout), constant(name + "_beta", 0f, cout), NORM_EPS);
            case BATCH -> h = batchNorm(h, name, cout, training);
        }
        return tf.withName(tower + "_" + name + "_act").nn.leakyRelu(h, LeakyRelu.alpha(LEAKY_SLOPE));
    }

    private Operand<TFloat32> batchNorm(Operand<TFloat32> h, String name, int c, boolean training) {
        Variable<TFloat32> gamma = constant(name + "_gamma", 1f, c);
        Variable<TFloat32> beta = constant(name + "_beta", 0f, c);
        Variable<TFloat32> mean = state(name + "_movmean", 0f, c);
        Variable<TFloat32> var = state(name + "_movvar", 1f, c);
        if (training) {
            FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(h, gamma, beta,
                    tf.constant(new float[0]), tf.constant(new float[0]),
                    FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon((float) NORM_EPS));
            Operand<TFloat32> m = tf.constant(1 - BN_MOMENTUM);
            Operand<TFloat32> k = tf.constant(BN_MOMENTUM);
            movingAverageUpdates.add(tf.assign(mean, tf.math.add(tf.math.mul(mean, m), tf.math.mul(bn.batchMean(), k))));
            movingAverageUpdates.add(tf.assign(var, tf.math.add(tf.math.mul(var, m), tf.math.mul(bn.batchVariance(), k))));
            return bn.y();
        }
        return tf.nn.fusedBatchNorm(h, gamma, beta, mean, var,
                FusedBatchNorm.isTraining(false), FusedBatchNorm.epsilon((float) NORM_EPS)).y();
    }

    /**
     * Instance normalisation (Ulyanov et al. 2016) of NHWC {@code x}: per image and channel,
     * {@code y = gamma (x - mu) / sqrt(sigma^2 + eps) + beta} with {@code mu}, {@code sigma^2} the mean and the biased
     * variance over H and W, computed by one fused batch-norm kernel: {@code x}
     * {@code [B, H, W, C]} is transposed to {@code [H, W, B, C]} and viewed as one image {@code [1, H, W, B C]}, whose
     * per-channel batch statistics are exactly the per-image, per-channel statistics over H and W; gamma and beta are
     * repeated for each of the B images. The result is transposed back. Its gradient is TensorFlow's fused batch-norm gradient.
     */
    public static Operand<TFloat32> instanceNorm(Ops tf, Operand<TFloat32> x, Operand<TFloat32> gamma, Operand<TFloat32> beta, double eps) {
        // the dynamic shapes are packed from scalars: an int32 ConcatV2 would make oneDNN log an error on AMD CPUs
        Operand<TInt32> shape = tf.shape(x);
        Operand<TInt32> batch = dim(tf, shape, 0), height = dim(tf, shape, 1), width = dim(tf, shape, 2), channels = dim(tf, shape, 3);
        Operand<TFloat32> hwbc = tf.linalg.transpose(x, tf.constant(new int[] {1, 2, 0, 3}));
        Operand<TFloat32> view = tf.reshape(hwbc, tf.stack(List.of(tf.constant(1), height, width, tf.constant(-1))));
        // gamma and beta repeated per image, by broadcasting (Tile's gradient transposes int32 tensors: the same log)
        Operand<TInt32> perImage = tf.stack(List.of(batch, channels));
        Operand<TInt32> flat = tf.constant(new int[] {-1});
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(view,
                tf.reshape(tf.broadcastTo(gamma, perImage), flat), tf.reshape(tf.broadcastTo(beta, perImage), flat),
                tf.constant(new float[0]), tf.constant(new float[0]),
                FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon((float) eps));
        Operand<TFloat32> y = tf.reshape(bn.y(), tf.stack(List.of(height, width, batch, channels)));
        return tf.linalg.transpose(y, tf.constant(new int[] {2, 0, 1, 3}));
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
