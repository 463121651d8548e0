package org.regionwise.training.internal;

import java.util.SplittableRandom;

/**
 * The random spatial and intensity transform of one training patch, drawn from a {@link SplittableRandom}:
 * a 90-degree rotation (k in 0..3), mirroring along x and y (p 0.5 each), a small rotation in [-15, 15] degrees (p 0.2)
 * and an isotropic scaling in [0.85, 1.25] (p 0.2), composed into one 2x2 matrix {@code A} that maps a patch offset
 * (in voxels, from the patch centre) to an offset in the source image; then a multiplicative brightness in
 * [0.75, 1.25] (p 0.15) and additive Gaussian noise with sigma in [0, 0.1] (p 0.1) on the z-scored intensities.
 *
 * @param a00 matrix entries of {@code A}, row-major
 * @param brightness intensity factor (1 = none)
 * @param noiseSigma noise standard deviation (0 = none)
 * @param noiseSeed  seed of the noise stream
 */
record Augmentation(double a00, double a01, double a10, double a11, double brightness, double noiseSigma, long noiseSeed) {

    static Augmentation none() { return new Augmentation(1, 0, 0, 1, 1, 0, 0); }

    static Augmentation draw(SplittableRandom r) {
        int quarter = r.nextInt(4);
        double theta = quarter * Math.PI / 2;
        if (r.nextDouble() < 0.2) theta += Math.toRadians(r.nextDouble(-15, 15));
        double scale = r.nextDouble() < 0.2 ? r.nextDouble(0.85, 1.25) : 1;
        double fx = r.nextBoolean() ? -1 : 1;
        double fy = r.nextBoolean() ? -1 : 1;
        double c = Math.cos(theta) * scale, s = Math.sin(theta) * scale;
        double brightness = r.nextDouble() < 0.15 ? r.nextDouble(0.75, 1.25) : 1;
        double noise = r.nextDouble() < 0.1 ? r.nextDouble(0, 0.1) : 0;
        long noiseSeed = r.nextLong();
        // A = R(theta) * scale * diag(fx, fy)
        return new Augmentation(c * fx, -s * fy, s * fx, c * fy, brightness, noise, noiseSeed);
    }
}
