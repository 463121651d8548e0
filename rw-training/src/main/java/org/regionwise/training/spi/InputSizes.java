package org.regionwise.training.spi;

import org.regionwise.core.backend.ModelSpec;

/** The input sizes a U-Net accepts: along each image axis a multiple of {@link ModelSpec.UNet#multiple}. */
public final class InputSizes {
    private InputSizes() {}

    /**
     * Throws naming the axis when an input of {@code x × y (× z)} voxels is not a multiple of the network's
     * down-sampling along every axis.
     *
     * @param spec the network
     * @param x the width
     * @param y the height
     * @param z the depth (ignored for a 2D network)
     */
    public static void require(ModelSpec.UNet spec, int x, int y, int z) {
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
