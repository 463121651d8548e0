package org.regionwise.training.internal;

import org.regionwise.training.Inference;
import org.regionwise.training.spi.Network;

/**
 * Sliding-window and mirrored prediction of one 2D slice or one 3D volume (see {@link Inference} for the scheme).
 * Input: per channel the image's z-scored intensities, x fastest; output: per class the softmax probabilities on the
 * image's grid. A 3D network gets cubic windows, Gaussian weights that are the product of one Gaussian per axis, and
 * mirroring over the 7 non-empty subsets of {x, y, z}.
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

    /**
     * The Gaussian importance map of a window of edge {@code w} in {@code dims} dimensions (x fastest): σ = w / 8 per
     * axis, centre (w - 1) / 2, maximum 1.
     */
    static float[] gaussian(int w, int dims) {
        double sigma = w / 8.0, c = (w - 1) / 2.0;
        double[] g1 = new double[w];
        for (int i = 0; i < w; i++) g1[i] = Math.exp(-(i - c) * (i - c) / (2 * sigma * sigma));
        double max = 0;
        for (double v : g1) max = Math.max(max, v);
        int wz = dims == 3 ? w : 1;
        float[] g = new float[w * w * wz];
        float min = Float.MAX_VALUE;
        for (int z = 0; z < wz; z++) {
            for (int y = 0; y < w; y++) {
                for (int x = 0; x < w; x++) {
                    int i = x + w * (y + w * z);
                    g[i] = dims == 3 ? (float) (g1[x] * g1[y] * g1[z] / (max * max * max)) : (float) (g1[x] * g1[y] / (max * max));
                    if (g[i] > 0) min = Math.min(min, g[i]);
                }
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
        return predict(model, z, new int[] {nx, ny}, inference);
    }

    /**
     * Softmax probabilities of a z-scored image of {@code size} ({@code nx, ny} for a 2D network, {@code nx, ny, nz}
     * for a 3D one).
     *
     * @param model the network
     * @param z per channel the image, z-scored, x fastest
     * @param size the image's size per axis
     * @param inference whole image or sliding window, with or without mirroring
     * @return per class the probabilities, x fastest
     */
    public static float[][] predict(Network model, float[][] z, int[] size, Inference inference) {
        int dims = model.spec().dimensions();
        if (size.length != dims) throw new IllegalArgumentException("a " + dims + "D network predicts " + dims + "D images, got " + size.length + " axes");
        int nx = size[0], ny = size[1], nz = dims == 3 ? size[2] : 1;
        int k = model.spec().classes(), nc = z.length;
        int[] mult = new int[3];
        for (int a = 0; a < 3; a++) mult[a] = a < dims ? model.spec().multiple(a) : 1;
        int n = nx * ny * nz;
        if (inference.window() == 0) {
            int px = up(nx, mult[0]), py = up(ny, mult[1]), pz = up(nz, mult[2]);
            float[] tile = tile(z, nx, ny, nz, 0, 0, 0, px, py, pz);
            float[] probs = forward(model, tile, px, py, pz, nc, k, inference.mirror());
            float[][] out = new float[k][n];
            for (int w = 0; w < nz; w++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        int t = (w * py + y) * px + x, o = x + nx * (y + ny * w);
                        for (int c = 0; c < k; c++) out[c][o] = probs[t * k + c];
                    }
                }
            }
            return out;
        }
        int win = inference.window();
        for (int a = 0; a < dims; a++) {
            if (win % mult[a] != 0) {
                throw new IllegalArgumentException("the sliding window (" + win + " px) must be a multiple of " + (model.spec().isotropic()
                        ? "2^depth = " + mult[a] : mult[a] + " along " + "xyz".charAt(a) + " (the network's down-sampling there)"));
            }
        }
        int wz = dims == 3 ? win : 1;
        float[] g = gaussian(win, dims);
        int[] xs = starts(nx, win, inference.step()), ys = starts(ny, win, inference.step());
        int[] zs = dims == 3 ? starts(nz, win, inference.step()) : new int[] {0};
        float[][] acc = new float[k][n];
        float[] weight = new float[n];
        for (int sz : zs) {
            for (int sy : ys) {
                for (int sx : xs) {
                    float[] probs = forward(model, tile(z, nx, ny, nz, sx, sy, sz, win, win, wz), win, win, wz, nc, k, inference.mirror());
                    for (int w = 0; w < wz && sz + w < nz; w++) {
                        for (int v = 0; v < win && sy + v < ny; v++) {
                            for (int u = 0; u < win && sx + u < nx; u++) {
                                int o = (sx + u) + nx * ((sy + v) + ny * (sz + w)), t = u + win * (v + win * w);
                                float gw = g[t];
                                weight[o] += gw;
                                for (int c = 0; c < k; c++) acc[c][o] += probs[t * k + c] * gw;
                            }
                        }
                    }
                }
            }
        }
        for (int c = 0; c < k; c++) for (int i = 0; i < n; i++) acc[c][i] /= weight[i];
        return acc;
    }

    private static int up(int n, int m) { return (n + m - 1) / m * m; }

    /** The {@code tw x th x td} window at {@code (sx, sy, sz)}, channels last, zero outside the image. */
    private static float[] tile(float[][] z, int nx, int ny, int nz, int sx, int sy, int sz, int tw, int th, int td) {
        int nc = z.length;
        float[] t = new float[tw * th * td * nc];
        for (int w = 0; w < td && sz + w < nz; w++) {
            for (int v = 0; v < th && sy + v < ny; v++) {
                for (int u = 0; u < tw && sx + u < nx; u++) {
                    int src = (sx + u) + nx * ((sy + v) + ny * (sz + w)), dst = (u + tw * (v + th * w)) * nc;
                    for (int c = 0; c < nc; c++) t[dst + c] = z[c][src];
                }
            }
        }
        return t;
    }

    /** One window's probabilities (channels last), averaged over every mirroring when {@code mirror}. */
    private static float[] forward(Network model, float[] tile, int w, int h, int d, int nc, int k, boolean mirror) {
        boolean threeD = model.spec().dimensions() == 3;
        float[] p = threeD ? model.predict(tile, 1, d, h, w) : model.predict(tile, 1, h, w);
        if (!mirror) return p;
        float[] sum = p.clone();
        int flips = threeD ? 8 : 4;
        for (int flip = 1; flip < flips; flip++) {
            boolean fx = (flip & 1) != 0, fy = (flip & 2) != 0, fz = (flip & 4) != 0;
            float[] in = flip(tile, w, h, d, nc, fx, fy, fz);
            float[] q = threeD ? model.predict(in, 1, d, h, w) : model.predict(in, 1, h, w);
            float[] back = flip(q, w, h, d, k, fx, fy, fz);
            for (int i = 0; i < sum.length; i++) sum[i] += back[i];
        }
        for (int i = 0; i < sum.length; i++) sum[i] /= flips;
        return sum;
    }

    /** {@code a} (channels last, {@code c} channels, {@code d x h x w}) mirrored along x, y and/or z. */
    static float[] flip(float[] a, int w, int h, int d, int c, boolean fx, boolean fy, boolean fz) {
        float[] out = new float[a.length];
        for (int z = 0; z < d; z++) {
            int sz = fz ? d - 1 - z : z;
            for (int y = 0; y < h; y++) {
                int sy = fy ? h - 1 - y : y;
                for (int x = 0; x < w; x++) {
                    int sx = fx ? w - 1 - x : x;
                    System.arraycopy(a, ((sz * h + sy) * w + sx) * c, out, ((z * h + y) * w + x) * c, c);
                }
            }
        }
        return out;
    }
}
