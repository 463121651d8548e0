package org.regionwise.training.spi;

import org.regionwise.core.backend.ModelSpec;

/**
 * How many output scales a U-Net trains: {@code max(1, depth - 1)} with deep supervision (nnU-Net: every decoder
 * output but the lowest, whose weight is 0), 1 without. Scale {@code s} has {@code 2^-s} of the input's size.
 */
public final class OutputScales {
    private OutputScales() {}

    public static int of(ModelSpec.UNet spec) {
        return spec.deepSupervision() ? Math.max(1, spec.depth() - 1) : 1;
    }
}
