package org.regionwise.tensorflow.internal;

import org.regionwise.core.image.ClassMaps;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.Grid;

/**
 * Whole-image prediction: a 2D image of any size is z-scored (as training patches), zero-padded at the high end of
 * each axis to a multiple of {@code 2^depth}, run through the network and cropped back; a 3D volume is predicted
 * slice by slice along its last axis (z) and reassembled on the input's grid.
 */
public final class Predictor {
    private Predictor() {}

    /** Softmax probabilities on {@code image}'s grid (K maps). */
    public static ClassMaps predict(ModelGraph model, FloatImage image) {
        Grid g = image.grid();
        int k = model.spec().classes();
        if (g.is2D()) {
            float[][] out = predictSlice(model, image.data(), g.size(0), g.size(1));
            return new ClassMaps(g, out);
        }
        int nx = g.size(0), ny = g.size(1), nz = g.size(2), n = nx * ny;
        float[][] out = new float[k][g.voxelCount()];
        float[] slice = new float[n];
        for (int z = 0; z < nz; z++) {
            System.arraycopy(image.data(), z * n, slice, 0, n);
            float[][] p = predictSlice(model, slice, nx, ny);
            for (int c = 0; c < k; c++) System.arraycopy(p[c], 0, out[c], z * n, n);
        }
        return new ClassMaps(g, out);
    }

    /** Probabilities of one 2D slice ({@code nx} fastest), per class. */
    static float[][] predictSlice(ModelGraph model, float[] data, int nx, int ny) {
        int m = 1 << model.spec().depth();
        int px = (nx + m - 1) / m * m, py = (ny + m - 1) / m * m;
        float[] norm = PatchSampler.zScore(data);
        float[] padded = new float[px * py];
        for (int y = 0; y < ny; y++) System.arraycopy(norm, y * nx, padded, y * px, nx);
        float[] probs = model.predict(padded, 1, py, px);
        int k = model.spec().classes();
        float[][] out = new float[k][nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int src = (y * px + x) * k;
                for (int c = 0; c < k; c++) out[c][x + nx * y] = probs[src + c];
            }
        }
        return out;
    }
}
