package org.regionwise.examples.data.internal;

import java.util.Random;

/**
 * An irregular elliptic region: a rotated ellipse whose radius is modulated by a few low-frequency angular harmonics.
 * A pixel centre {@code (x, y)} (in pixels) is inside when, in the ellipse frame,
 * {@code rho = sqrt((u/rx)^2 + (v/ry)^2) <= scale * (1 + sum_k a_k cos(k theta + phi_k))} with
 * {@code theta = atan2(v/ry, u/rx)}.
 *
 * @param cx        centre x in pixels
 * @param cy        centre y in pixels
 * @param rx        semi-axis along the rotated x axis, pixels
 * @param ry        semi-axis along the rotated y axis, pixels
 * @param angle     rotation in radians
 * @param amplitude harmonic amplitudes {@code a_k} for {@code k = 2, 3, ...}
 * @param phase     harmonic phases {@code phi_k}
 */
public record Blob(double cx, double cy, double rx, double ry, double angle, double[] amplitude, double[] phase) {

    /** A blob with random harmonics {@code k = 2..1+harmonics} of amplitude up to {@code roughness}. */
    public static Blob random(Random r, double cx, double cy, double rx, double ry, int harmonics, double roughness) {
        double[] a = new double[harmonics];
        double[] p = new double[harmonics];
        for (int k = 0; k < harmonics; k++) {
            a[k] = roughness * r.nextDouble() / (k + 1);
            p[k] = 2 * Math.PI * r.nextDouble();
        }
        return new Blob(cx, cy, rx, ry, Math.PI * r.nextDouble(), a, p);
    }

    /** Normalised radial coordinate: below 1 inside, 1 on the boundary. */
    public double radial(double x, double y) {
        double dx = x - cx, dy = y - cy;
        double c = Math.cos(angle), s = Math.sin(angle);
        double u = (c * dx + s * dy) / rx;
        double v = (-s * dx + c * dy) / ry;
        double rho = Math.sqrt(u * u + v * v);
        double theta = Math.atan2(v, u);
        double mod = 1;
        for (int k = 0; k < amplitude.length; k++) mod += amplitude[k] * Math.cos((k + 2) * theta + phase[k]);
        return rho / mod;
    }

    /**
     * True when {@code (x, y)} is inside the blob scaled by {@code scale}. Same result as
     * {@code radial(x, y) <= scale}, but points far inside or outside skip the trigonometry: the harmonic factor lies
     * in {@code [1 - sum |a_k|, 1 + sum |a_k|]}.
     */
    public boolean contains(double x, double y, double scale) {
        double dx = x - cx, dy = y - cy;
        double c = Math.cos(angle), s = Math.sin(angle);
        double u = (c * dx + s * dy) / rx;
        double v = (-s * dx + c * dy) / ry;
        double rho = Math.sqrt(u * u + v * v);
        double sum = 0;
        for (double a : amplitude) sum += Math.abs(a);
        if (rho > scale * (1 + sum)) return false;
        if (rho < scale * (1 - sum)) return true;
        return radial(x, y) <= scale;
    }

    public boolean contains(double x, double y) { return contains(x, y, 1); }

    /** The point at normalised radius {@code rho} and angle {@code theta} (ellipse frame, harmonics ignored). */
    public double[] pointAt(double rho, double theta) {
        double u = rho * rx * Math.cos(theta), v = rho * ry * Math.sin(theta);
        double c = Math.cos(angle), s = Math.sin(angle);
        return new double[] {cx + c * u - s * v, cy + s * u + c * v};
    }
}
