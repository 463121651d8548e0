package org.regionwise.training.spi;

import org.regionwise.core.backend.ModelSpec;

/** The input sizes a U-Net accepts: along each image axis a multiple of {@link ModelSpec.UNet#multiple}. */
public final class InputSizes {
    private InputSizes() {}

    /**
     * The checks of a {@link Network#predict} call: a 3D network is given volumes ({@code volume}, the 5-argument
     * form), a 2D one images or volumes of depth 1, and every edge a multiple of the network's down-sampling.
     *
     * @param spec the network
     * @param volume whether the call passes a depth ({@code [n, d, h, w, C]})
     * @param d the depth (z; 1 for an image)
     * @param h the height (y)
     * @param w the width (x)
     */
    public static void requirePredictable(ModelSpec.UNet spec, boolean volume, int d, int h, int w) {
        if (!volume && spec.dimensions() == 3) throw new IllegalArgumentException("a 3D U-Net predicts [n, d, h, w, C] volumes");
        if (spec.dimensions() == 2 && d != 1) throw new IllegalArgumentException("a 2D U-Net predicts images, not volumes of depth " + d);
        requireMultiples(spec, w, h, d);
    }

    /** Throws naming the axis when an edge is not a multiple of the network's down-sampling along it. */
    private static void requireMultiples(ModelSpec.UNet spec, int x, int y, int z) {
        int[] size = spec.dimensions() == 3 ? new int[] {x, y, z} : new int[] {x, y};
        for (int a = 0; a < size.length; a++) {
            int m = spec.multiple(a);
            if (size[a] % m != 0) {
                throw new IllegalArgumentException("input " + (spec.dimensions() == 3 ? x + "x" + y + "x" + z : y + "x" + x)
                        + " is not a multiple of " + m + " along " + "xyz".charAt(a) + (spec.isotropic() ? " (2^depth)" : ""));
            }
        }
    }
}
