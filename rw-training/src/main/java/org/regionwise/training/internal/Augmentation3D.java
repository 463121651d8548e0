package org.regionwise.training.internal;

import java.util.SplittableRandom;

/**
 * The random spatial and intensity transform of one 3D training patch (nnU-Net's 3D augmentation, reduced to what a
 * CPU affords): mirroring along x, y and z (p 0.5 each); a rotation in [-30, 30] degrees about each axis the spacing
 * allows (p 0.2 each: about axis {@code a} only when the two other axes' spacings are within a factor 2, so a thick-slice
 * volume rotates in-plane only); an isotropic scaling in [0.85, 1.25] (p 0.2); composed into one 3x3 matrix {@code A}
 * mapping a patch offset (voxels from the patch centre, {@code x, y, z}) to an offset in the source volume; then a
 * brightness factor in [0.75, 1.25] (p 0.15) and Gaussian noise with sigma in [0, 0.1] (p 0.1) on the z-scored
 * intensities, as in 2D ({@link Augmentation}).
 *
 * @param a          {@code A} row-major (9 values)
 * @param brightness intensity factor (1 = none)
 * @param noiseSigma noise standard deviation (0 = none)
 * @param noiseSeed  seed of the noise stream
 */
record Augmentation3D(double[] a, double brightness, double noiseSigma, long noiseSeed) {

    static Augmentation3D none() { return new Augmentation3D(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 1, 0, 0); }

    /** Whether {@code A} maps integer offsets to integer offsets (mirrorings only): no interpolation needed. */
    boolean integral() {
        for (double v : a) if (v != 0 && v != 1 && v != -1) return false;
        return true;
    }

    static Augmentation3D draw(SplittableRandom r, double[] spacing) {
        double[] m = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int axis = 0; axis < 3; axis++) {
            boolean rotate = r.nextDouble() < 0.2;
            double theta = Math.toRadians(r.nextDouble(-30, 30));
            if (!rotate || !rotatable(spacing, axis)) continue;
            m = multiply(rotation(axis, theta), m);
        }
        double scale = r.nextDouble() < 0.2 ? r.nextDouble(0.85, 1.25) : 1;
        double[] flip = new double[3];
        for (int i = 0; i < 3; i++) flip[i] = r.nextBoolean() ? -1 : 1;
        // A = R * scale * diag(flip)
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) out[3 * i + j] = m[3 * i + j] * scale * flip[j];
        double brightness = r.nextDouble() < 0.15 ? r.nextDouble(0.75, 1.25) : 1;
        double noise = r.nextDouble() < 0.1 ? r.nextDouble(0, 0.1) : 0;
        return new Augmentation3D(out, brightness, noise, r.nextLong());
    }

    /** Whether a rotation about {@code axis} keeps physical shapes: the two other axes' spacings within a factor 2. */
    static boolean rotatable(double[] spacing, int axis) {
        int u = axis == 0 ? 1 : 0, v = axis == 2 ? 1 : 2;
        double lo = Math.min(spacing[u], spacing[v]), hi = Math.max(spacing[u], spacing[v]);
        return hi <= 2 * lo;
    }

    private static double[] rotation(int axis, double t) {
        double c = Math.cos(t), s = Math.sin(t);
        return switch (axis) {
            case 0 -> new double[] {1, 0, 0, 0, c, -s, 0, s, c};
            case 1 -> new double[] {c, 0, s, 0, 1, 0, -s, 0, c};
            default -> new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
        };
    }

    private static double[] multiply(double[] p, double[] q) {
        double[] o = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) o[3 * i + j] += p[3 * i + k] * q[3 * k + j];
        return o;
    }
}
