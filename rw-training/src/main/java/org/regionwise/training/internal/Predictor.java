package org.regionwise.training.internal;

import java.util.List;
import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;
import org.regionwise.training.Inference;
import org.regionwise.training.spi.Network;

/**
 * Prediction of a 2D image or a 3D volume of any size, one image per input channel. A 3D network z-scores each
 * channel over the whole volume (as its training patches) and predicts the volume whole or by 3D sliding windows.
 * A 2D network: each image z-scored per channel (as training patches),
 * then predicted whole (zero-padded at the high end of each axis to a multiple of {@code 2^depth}, run through the
 * network and cropped back) or by a sliding window, with or without mirroring ({@link Inference}); a 3D volume is
 * predicted slice by slice along its last axis (z) and reassembled on the input's grid.
 */
public final class Predictor {
    private Predictor() {}

    /** Softmax probabilities on {@code image}'s grid (K maps) of a single-channel network. */
    public static ClassMaps predict(Network model, FloatImage image) { return predict(model, List.of(image)); }

    /** Softmax probabilities on the channels' grid (K maps); one image per input channel, in training order. */
    public static ClassMaps predict(Network model, List<FloatImage> channels) { return predict(model, channels, Inference.WHOLE_IMAGE); }

    /** As {@link #predict(Network, List)}, each 2D slice predicted as {@code inference} says. */
    public static ClassMaps predict(Network model, List<FloatImage> channels, Inference inference) {
        int nc = model.spec().inputChannels();
        if (channels.size() != nc) {
            throw new IllegalArgumentException("the model takes " + nc + " input channel" + (nc == 1 ? "" : "s") + ", got " + channels.size());
        }
        Grid g = channels.get(0).grid();
        for (int c = 1; c < nc; c++) g.requireSameShape(channels.get(c).grid(), "input channel " + c + " vs channel 0");
        int k = model.spec().classes();
        if (model.spec().dimensions() == 3) {
            if (g.dimensions() != 3) throw new IllegalArgumentException("a 3D U-Net predicts 3D volumes, got " + g.describeSize());
            float[][] z = new float[nc][];
            for (int c = 0; c < nc; c++) z[c] = PatchSampler.zScore(channels.get(c).data());
            return new ClassMaps(g, SlidingWindow.predict(model, z, g.sizes(), inference));
        }
        if (g.is2D()) {
            float[][] data = new float[nc][];
            for (int c = 0; c < nc; c++) data[c] = channels.get(c).data();
            return new ClassMaps(g, predictSlice(model, data, g.size(0), g.size(1), inference));
        }
        int nx = g.size(0), ny = g.size(1), nz = g.size(2), n = nx * ny;
        float[][] out = new float[k][g.voxelCount()];
        float[][] slice = new float[nc][n];
        for (int z = 0; z < nz; z++) {
            for (int c = 0; c < nc; c++) System.arraycopy(channels.get(c).data(), z * n, slice[c], 0, n);
            float[][] p = predictSlice(model, slice, nx, ny, inference);
            for (int c = 0; c < k; c++) System.arraycopy(p[c], 0, out[c], z * n, n);
        }
        return new ClassMaps(g, out);
    }

    /** Probabilities of one 2D slice ({@code nx} fastest; {@code data[c]} is channel c), per class. */
    static float[][] predictSlice(Network model, float[][] data, int nx, int ny, Inference inference) {
        float[][] z = new float[data.length][];
        for (int c = 0; c < data.length; c++) z[c] = PatchSampler.zScore(data[c]);
        return SlidingWindow.predict(model, z, nx, ny, inference);
    }
}
