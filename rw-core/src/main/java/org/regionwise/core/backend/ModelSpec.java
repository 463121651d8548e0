package org.regionwise.core.backend;

/** An immutable description of a network. */
public sealed interface ModelSpec {

    /** Normalisation after each convolution. */
    enum Normalization {
        /** Instance normalisation (nnU-Net's and the paper's choice). */
        INSTANCE,
        /** Batch normalisation. */
        BATCH,
        /** None. */
        NONE
    }

    /** Decoder upsampling. */
    enum Upsampling {
        /** 2x2 transposed convolution, stride 2 (nnU-Net's). */
        TRANSPOSED_CONVOLUTION,
        /** Nearest-neighbour upsampling, then a convolution. */
        NEAREST_CONVOLUTION,
        /** Bilinear upsampling, then a convolution. */
        BILINEAR_CONVOLUTION
    }

    /**
     * Number of output classes K.
     *
     * @return the class count K
     */
    int classes();

    /**
     * A U-Net (Ronneberger et al. 2015) as in nnU-Net: {@code depth} poolings, two 3x3 convolutions per stage,
     * normalisation, LeakyReLU(0.01), filters doubling from {@code baseFilters} up to {@code maxFilters}.
     *
     * @param dimensions 2 or 3
     * @param inputChannels input channels, at least 1
     * @param classes output classes K, at least 2
     * @param depth poolings, 1 to 8
     * @param baseFilters filters at full resolution, at least 1
     * @param maxFilters the cap on filters per stage, at least {@code baseFilters}
     * @param normalization normalisation after each convolution
     * @param upsampling decoder upsampling
     * @param deepSupervision whether every decoder output gets a loss
     * @param seed seed of the weight initialisation
     */
    record UNet(int dimensions, int inputChannels, int classes, int depth, int baseFilters, int maxFilters,
                Normalization normalization, Upsampling upsampling, boolean deepSupervision, long seed) implements ModelSpec {
        /**
         * Checks every setting's range.
         *
         * @param dimensions 2 or 3
         * @param inputChannels input channels, at least 1
         * @param classes output classes K, at least 2
         * @param depth poolings, 1 to 8
         * @param baseFilters filters at full resolution, at least 1
         * @param maxFilters the cap on filters per stage, at least {@code baseFilters}
         * @param normalization normalisation after each convolution
         * @param upsampling decoder upsampling
         * @param deepSupervision whether every decoder output gets a loss
         * @param seed seed of the weight initialisation
         */
        public UNet {
            if (dimensions != 2 && dimensions != 3) throw new IllegalArgumentException("U-Net dimensions must be 2 or 3, got " + dimensions);
            if (inputChannels < 1) throw new IllegalArgumentException("inputChannels must be >= 1, got " + inputChannels);
            if (classes < 2) throw new IllegalArgumentException("a segmentation network needs >= 2 classes, got " + classes);
            if (depth < 1 || depth > 8) throw new IllegalArgumentException("U-Net depth must be in [1, 8], got " + depth);
            if (baseFilters < 1) throw new IllegalArgumentException("baseFilters must be >= 1, got " + baseFilters);
            if (maxFilters < baseFilters) throw new IllegalArgumentException("maxFilters (" + maxFilters + ") < baseFilters (" + baseFilters + ")");
            java.util.Objects.requireNonNull(normalization, "normalization");
            java.util.Objects.requireNonNull(upsampling, "upsampling");
        }

        /**
         * Filters at stage {@code s} (0 = full resolution): {@code min(base * 2^s, max)}.
         *
         * @param stage the 0-based resolution stage
         * @return the number of filters at that stage
         */
        public int filters(int stage) { return (int) Math.min((long) baseFilters << stage, maxFilters); }
    }
}
