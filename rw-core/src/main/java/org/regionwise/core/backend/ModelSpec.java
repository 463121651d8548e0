package org.regionwise.core.backend;

import java.util.List;

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
     * @param convKernels the convolution kernel of each resolution stage {@code 0..depth}, per image axis
     *                    ({@code x, y[, z]}; 3 or 1); empty: 3 on every axis
     * @param poolStrides the down-sampling stride entering each stage {@code 1..depth}, per image axis (2 or 1);
     *                    empty: 2 on every axis. {@link Pooling#forSpacing} gives nnU-Net's anisotropic choice.
     */
    record UNet(int dimensions, int inputChannels, int classes, int depth, int baseFilters, int maxFilters,
                Normalization normalization, Upsampling upsampling, boolean deepSupervision, long seed,
                List<List<Integer>> convKernels, List<List<Integer>> poolStrides) implements ModelSpec {

        /**
         * An isotropic U-Net: 3 on every axis for every convolution, stride 2 on every axis at every pooling.
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
        public UNet(int dimensions, int inputChannels, int classes, int depth, int baseFilters, int maxFilters,
                    Normalization normalization, Upsampling upsampling, boolean deepSupervision, long seed) {
            this(dimensions, inputChannels, classes, depth, baseFilters, maxFilters, normalization, upsampling,
                    deepSupervision, seed, List.of(), List.of());
        }

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
         * @param convKernels per stage {@code 0..depth}, per image axis: 3 or 1 (empty: all 3)
         * @param poolStrides per stage {@code 1..depth}, per image axis: 2 or 1 (empty: all 2)
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
            convKernels = Pooling.axes(convKernels, depth + 1, dimensions, 3, "convKernels", 1, 3);
            poolStrides = Pooling.axes(poolStrides, depth, dimensions, 2, "poolStrides", 1, 2);
            if (upsampling != Upsampling.TRANSPOSED_CONVOLUTION && (dimensions == 3 || !Pooling.isotropic(poolStrides, 2))) {
                throw new IllegalArgumentException("upsampling " + upsampling + " exists for isotropic 2D U-Nets only; 3D and "
                        + "anisotropic U-Nets up-sample by TRANSPOSED_CONVOLUTION");
            }
        }

        /**
         * The convolution kernel of resolution stage {@code stage} per image axis ({@code x, y[, z]}).
         *
         * @param stage 0 .. depth
         * @return 3 or 1 per axis
         */
        public int[] kernel(int stage) { return convKernels.get(stage).stream().mapToInt(Integer::intValue).toArray(); }

        /**
         * The down-sampling stride entering resolution stage {@code stage} per image axis (the stride of its first
         * convolution, and the kernel and stride of the transposed convolution that leaves it in the decoder).
         *
         * @param stage 1 .. depth
         * @return 2 or 1 per axis
         */
        public int[] stride(int stage) { return poolStrides.get(stage - 1).stream().mapToInt(Integer::intValue).toArray(); }

        /**
         * How much smaller than the input stage {@code stage} is along each image axis: the product of the strides of
         * stages {@code 1..stage} (output scale {@code s} of deep supervision has this factor at stage {@code s}).
         *
         * @param stage 0 .. depth
         * @return the down-sampling factor per axis
         */
        public int[] factor(int stage) {
            int[] f = new int[dimensions];
            java.util.Arrays.fill(f, 1);
            for (int s = 1; s <= stage; s++) {
                int[] st = stride(s);
                for (int a = 0; a < dimensions; a++) f[a] *= st[a];
            }
            return f;
        }

        /**
         * What an input's edge along image axis {@code axis} must be a multiple of: {@link #factor factor(depth)}.
         *
         * @param axis the image axis (0 = x)
         * @return the multiple
         */
        public int multiple(int axis) { return factor(depth)[axis]; }

        /**
         * Whether every kernel is 3 and every stride 2 (the 10-argument constructor's network).
         *
         * @return true when isotropic
         */
        public boolean isotropic() { return Pooling.isotropic(convKernels, 3) && Pooling.isotropic(poolStrides, 2); }

        /**
         * Filters at stage {@code s} (0 = full resolution): {@code min(base * 2^s, max)}.
         *
         * @param stage the 0-based resolution stage
         * @return the number of filters at that stage
         */
        public int filters(int stage) { return (int) Math.min((long) baseFilters << stage, maxFilters); }
    }
}
