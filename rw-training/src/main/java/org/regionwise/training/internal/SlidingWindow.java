package org.regionwise.training.internal;

import org.regionwise.training.Inference;
import org.regionwise.training.spi.Network;

/**
 * Sliding-window and mirrored prediction of one 2D slice (see {@link Inference} for the scheme). Input: per channel
 * the slice's z-scored intensities, x fastest; output: per class the softmax probabilities on the slice.
 */
public final class SlidingWindow {
    private SlidingWindow() {}

    /**
     * nnU-Net's window starts along an axis of {@code n} pixels: one window at 0 when it covers the axis, else
     * {@code ceil((n - w) / (step w)) + 1} starts evenly spaced from 0 to {@code n - w}, rounded.
     */
    static int[] starts(int n, int w, double step) {
        if (n <= w) return new int[] {0};
        int count = (int) Math.ceil((n - w) / (step * w)) + 1;
        double spacing = (double) (n - w) / (count - 1);
        int[] s = new int[count];
        for (int i = 0; i < count; i++) s[i] = (int) Math.round(spacing * i);
        return s;
    }

    /** The Gaussian importance map of a {@code w x w} window: σ = w / 8, centre (w - 1) / 2, maximum 1. */
    static float[] gaussian(int w) {
        double sigma = w / 8.0, c = (w - 1) / 2.0;
        double[] g1 = new double[w];
        for (int i = 0; i < w; i++) g1[i] = Math.exp(-(i - c) * (i - c) / (2 * sigma * sigma));
        double max = 0;
        for (double v : g1) max = Math.max(max, v);
        float[] g = new float[w * w];
        float min = Float.MAX_VALUE;
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                g[x + w * y] = (float) (g1[x] * g1[y] / (max * max));
                if (g[x + w * y] > 0) min = Math.min(min, g[x + w * y]);
            }
        }
        for (int i = 0; i < g.length; i++) if (g[i] == 0) g[i] = min; // nnU-Net: no zero weight
        return g;
    }

    /**
     * Softmax probabilities of a z-scored slice.
     *
     * @param model the network
     * @param z per channel the slice, z-scored, x fastest
     * @param nx width
     * @param ny height
     * @param inference whole image or sliding window, with or without mirroring
     * @return per class the probabilities, x fastest
     */
    public static float[][] predict(Network model, float[][] z, int nx, int ny, Inference inference) {
        int m = 1 << model.spec().depth();
        int k = model.spec().classes(), nc = z.length;
        if (inference.window() == 0) {
            int px = (nx + m - 1) / m * m, py = (ny + m - 1) / m * m;
            float[] tile = tile(z, nx, ny, 0, 0, px, py);
            float[] probs = forward(model, tile, px, py, nc, k, inference.mirror());
            float[][] out = new float[k][nx * ny];
            for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) for (int c = 0; c < k; c++) out[c][x + nx * y] = probs[(y * px + x) * k + c];
            return out;
        }
        int w = inference.window();
        if (w % m != 0) throw new IllegalArgumentException("the sliding window (" + w + " px) must be a multiple of 2^depth = " + m);
        float[] g = gaussian(w);
        int[] xs = starts(nx, w, inference.step()), ys = starts(ny, w, inference.step());
        float[][] acc = new float[k][nx * ny];
        float[] weight = new float[nx * ny];
        for (int sy : ys) {
            for (int sx : xs) {
                float[] probs = forward(model, tile(z, nx, ny, sx, sy, w, w), w, w, nc, k, inference.mirror());
                for (int v = 0; v < w && sy + v < ny; v++) {
                    for (int u = 0; u < w && sx + u < nx; u++) {
                        int o = (sx + u) + nx * (sy + v), t = u + w * v;
                        float gw = g[t];
                        weight[o] += gw;
                        for (int c = 0; c < k; c++) acc[c][o] += probs[t * k + c] * gw;
                    }
                }
            }
        }
        for (int c = 0; c < k; c++) for (int i = 0; i < nx * ny; i++) acc[c][i] /= weight[i];
        return acc;
    }

    /** The {@code tw x th} window at {@code (sx, sy)}, NHWC, zero outside the slice. */
    private static float[] tile(float[][] z, int nx, int ny, int sx, int sy, int tw, int th) {
        int nc = z.length;
        float[] t = new float[tw * th * nc];
        for (int v = 0; v < th && sy + v < ny; v++) {
            for (int u = 0; u < tw && sx + u < nx; u++) {
                int src = (sx + u) + nx * (sy + v), dst = (u + tw * v) * nc;
                for (int c = 0; c < nc; c++) t[dst + c] = z[c][src];
            }
        }
        return t;
    }

    /** One window's probabilities (NHWC), averaged over the four mirrorings when {@code mirror}. */
    private static float[] forward(Network model, float[] tile, int w, int h, int nc, int k, boolean mirror) {
        float[] p = model.predict(tile, 1, h, w);
        if (!mirror) return p;
        float[] sum = p.clone();
        for (int flip = 1; flip <= 3; flip++) {
            boolean fx = (flip & 1) != 0, fy = (flip & 2) != 0;
            float[] q = model.predict(flip(tile, w, h, nc, fx, fy), 1, h, w);
            float[] back = flip(q, w, h, k, fx, fy);
            for (int i = 0; i < sum.length; i++) sum[i] += back[i];
        }
        for (int i = 0; i < sum.length; i++) sum[i] /= 4;
        return sum;
    }

    /** {@code a} (NHWC with {@code c} channels) mirrored along x and/or y. */
    static float[] flip(float[] a, int w, int h, int c, boolean fx, boolean fy) {
        float[] out = new float[a.length];
        for (int y = 0; y < h; y++) {
            int sy = fy ? h - 1 - y : y;
            for (int x = 0; x < w; x++) {
                int sx = fx ? w - 1 - x : x;
                System.arraycopy(a, (sy * w + sx) * c, out, (y * w + x) * c, c);
            }
        }
        return out;
    }
}
