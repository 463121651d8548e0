package org.regionwise.core.experiment;

import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.Pooling;

/**
 * A mutable, fluent description of a U-Net that becomes a {@link ModelSpec.UNet} when the experiment is built:
 * {@code UNet.twoD().depth(4).baseFilters(32)}. The numbers of classes and of input channels default to the data's,
 * the seed to the experiment's. Defaults follow the paper's nnU-Net 2D network: depth 4, 32 base filters, at most 480
 * filters, instance normalisation, transposed-convolution upsampling, deep supervision on.
 */
public final class UNet {
    private final int dimensions;
    private @Nullable Integer inputChannels;
    private @Nullable Integer classes;
    private int depth = 4;
    private int baseFilters = 32;
    private int maxFilters = 480;
    private ModelSpec.Normalization normalization = ModelSpec.Normalization.INSTANCE;
    private ModelSpec.Upsampling upsampling = ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION;
    private boolean deepSupervision = true;
    private @Nullable Long seed;
    private double @Nullable [] spacing;

    private UNet(int dimensions) { this.dimensions = dimensions; }

    /**
     * A 2D U-Net with the defaults above.
     *
     * @return a new mutable U-Net description
     */
    public static UNet twoD() { return new UNet(2); }

    /**
     * A 3D U-Net with the defaults above: 3x3x3 convolutions, stride-2 convolutional down-sampling and 2x2x2
     * transposed convolutions, unless {@link #spacing} makes it anisotropic.
     *
     * @return a new mutable U-Net description
     */
    public static UNet threeD() { return new UNet(3); }

    /**
     * Number of poolings, in [1, 8].
     *
     * @param depth the number of poolings
     * @return this
     */
    public UNet depth(int depth) { this.depth = depth; return this; }

    /**
     * Filters at full resolution; they double per stage up to {@link #maxFilters(int)}.
     *
     * @param baseFilters at least 1
     * @return this
     */
    public UNet baseFilters(int baseFilters) { this.baseFilters = baseFilters; return this; }

    /**
     * The most filters of any stage.
     *
     * @param maxFilters at least the base filters
     * @return this
     */
    public UNet maxFilters(int maxFilters) { this.maxFilters = maxFilters; return this; }

    /**
     * Normalisation after each convolution (default instance norm).
     *
     * @param normalization the kind
     * @return this
     */
    public UNet normalization(ModelSpec.Normalization normalization) { this.normalization = normalization; return this; }

    /**
     * Decoder upsampling (default transposed convolutions).
     *
     * @param upsampling the kind
     * @return this
     */
    public UNet upsampling(ModelSpec.Upsampling upsampling) { this.upsampling = upsampling; return this; }

    /**
     * Loss on every decoder output with {@code DeepSupervisionWeights} (the paper: on).
     *
     * @param deepSupervision whether every decoder output gets a loss
     * @return this
     */
    public UNet deepSupervision(boolean deepSupervision) { this.deepSupervision = deepSupervision; return this; }

    /**
     * Adapts kernels and strides to data of this voxel spacing with nnU-Net's rule ({@link Pooling#forSpacing}): an
     * axis more than twice as coarse as the finest is neither pooled nor convolved across until the others catch up.
     * Default: none, every axis alike.
     *
     * @param spacing the data's median voxel spacing (mm, image axis order x, y[, z])
     * @return this
     */
    public UNet spacing(double... spacing) {
        if (spacing.length != dimensions) throw new IllegalArgumentException("a " + dimensions + "D U-Net needs " + dimensions + " spacings, got " + spacing.length);
        this.spacing = spacing.clone();
        return this;
    }

    /**
     * Number of input channels; must match the data's channel count (which is the default).
     *
     * @param inputChannels at least 1
     * @return this
     */
    public UNet inputChannels(int inputChannels) { this.inputChannels = inputChannels; return this; }

    /**
     * Number of output classes; must match the data's class count (which is the default).
     *
     * @param classes at least 2
     * @return this
     */
    public UNet classes(int classes) { this.classes = classes; return this; }

    /**
     * Seed of the weight initialisation (default: the experiment's seed).
     *
     * @param seed any value
     * @return this
     */
    public UNet seed(long seed) { this.seed = seed; return this; }

    /**
     * The number of spatial dimensions.
     *
     * @return 2 or 3
     */
    public int dimensions() { return dimensions; }
    /**
     * The number of poolings.
     *
     * @return the depth
     */
    public int depth() { return depth; }
    /**
     * The filters at full resolution.
     *
     * @return the base filter count
     */
    public int baseFilters() { return baseFilters; }
    /**
     * The most filters of any stage.
     *
     * @return the cap
     */
    public int maxFilters() { return maxFilters; }
    /**
     * Normalisation after each convolution.
     *
     * @return the kind
     */
    public ModelSpec.Normalization normalization() { return normalization; }
    /**
     * Decoder upsampling.
     *
     * @return the kind
     */
    public ModelSpec.Upsampling upsampling() { return upsampling; }
    /**
     * Whether deep supervision is on.
     *
     * @return true when every decoder output gets a loss
     */
    public boolean deepSupervision() { return deepSupervision; }
    /**
     * The explicit channel count, or 0 when it follows the data.
     *
     * @return the channel count, or 0
     */
    public int inputChannels() { return inputChannels != null ? inputChannels : 0; }

    /**
     * The immutable spec for data with {@code dataClasses} classes and an experiment seed {@code defaultSeed}.
     *
     * @param dataClasses the data's class count
     * @param defaultSeed the seed used when none was set here
     * @return the spec
     * @throws IllegalArgumentException if an explicit class count differs from {@code dataClasses}, or any value is
     *                                  out of range
     */
    public ModelSpec.UNet toSpec(int dataClasses, long defaultSeed) {
        return toSpec(dataClasses, inputChannels != null ? inputChannels : 1, defaultSeed);
    }

    /**
     * The immutable spec for data with {@code dataClasses} classes and {@code dataChannels} input channels.
     *
     * @param dataClasses the data's class count
     * @param dataChannels the data's channel count
     * @param defaultSeed the seed used when none was set here
     * @return the spec
     * @throws IllegalArgumentException if an explicit class or channel count differs from the data's, or any value is
     *                                  out of range
     */
    public ModelSpec.UNet toSpec(int dataClasses, int dataChannels, long defaultSeed) {
        if (classes != null && classes != dataClasses) {
            throw new IllegalArgumentException("U-Net has classes(" + classes + ") but the data has " + dataClasses + " classes");
        }
        if (inputChannels != null && inputChannels != dataChannels) {
            throw new IllegalArgumentException("U-Net has inputChannels(" + inputChannels + ") but the data has " + dataChannels + " channels");
        }
        Pooling p = spacing != null ? Pooling.forSpacing(spacing, depth) : new Pooling(java.util.List.of(), java.util.List.of());
        return new ModelSpec.UNet(dimensions, dataChannels, dataClasses, depth, baseFilters, maxFilters, normalization,
                upsampling, deepSupervision, seed != null ? seed : defaultSeed, p.convKernels(), p.poolStrides());
    }

    @Override public String toString() {
        return "UNet[" + dimensions + "D, depth " + depth + ", filters " + baseFilters + ".." + maxFilters + ", " + normalization
                + ", " + upsampling + (deepSupervision ? ", deep supervision" : "") + "]";
    }
}
