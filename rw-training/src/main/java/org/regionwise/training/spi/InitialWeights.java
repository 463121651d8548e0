package org.regionwise.training.spi;

import java.util.Random;

/**
 * The seeded initial values every engine gives its variables, so that two engines start from identical weights:
 * He normal ({@code std = sqrt(2 / ((1 + a^2) fan_in))}, {@code a = 0.01} as nnU-Net's {@code InitWeights_He(1e-2)})
 * for convolution kernels, constants for the rest. Values are drawn in the canonical layout (TensorFlow's: kernels
 * {@code [kh, kw, in, out]}, transposed-convolution kernels {@code [kh, kw, out, in]}); an engine with another layout
 * transposes them. The stream of a variable is seeded from (model seed, variable name), so adding a variable never
 * changes another's values.
 */
public final class InitialWeights {
    private InitialWeights() {}

    /** The leaky-ReLU slope the He gain assumes. */
    public static final double LEAKY_SLOPE = 0.01;

    /**
     * He-normal values of kernel {@code name} with {@code n} elements and fan-in {@code fanIn}, drawn from {@code
     * seed}.
     *
     * @param seed the model seed
     * @param name the kernel's name
     * @param n the element count
     * @param fanIn the fan-in
     * @return the values
     */
    public static float[] heNormal(long seed, String name, int n, double fanIn) {
        double std = Math.sqrt(2.0 / ((1 + LEAKY_SLOPE * LEAKY_SLOPE) * fanIn));
        Random r = new Random(seed * 0x9E3779B97F4A7C15L ^ name.hashCode() * 0xC2B2AE3D27D4EB4FL);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * std);
        return v;
    }

    /**
     * The fan-in of a canonical kernel shape: the product of all but its last axis ({@code kh kw in} in 2D,
     * {@code kd kh kw in} in 3D).
     *
     * @param shape the kernel shape
     * @return the fan-in
     */
    public static double fanIn(long... shape) {
        double f = 1;
        for (int i = 0; i < shape.length - 1; i++) f *= shape[i];
        return f;
    }

    /**
     * The canonical shape of a kernel whose spatial size is {@code perImageAxis} (given in image axis order
     * {@code x, y[, z]}): the spatial sizes in the tensor's order ({@code [kh, kw]} or {@code [kd, kh, kw]}: the
     * image axes reversed), then {@code a}, {@code b} ({@code in, out} for a convolution, {@code out, in} for a
     * transposed one).
     *
     * @param perImageAxis the kernel size along x, y[, z]
     * @param a the second-to-last axis
     * @param b the last axis
     * @return the shape
     */
    public static long[] kernelShape(int[] perImageAxis, int a, int b) {
        int d = perImageAxis.length;
        long[] out = new long[d + 2];
        for (int i = 0; i < d; i++) out[i] = perImageAxis[d - 1 - i];
        out[d] = a;
        out[d + 1] = b;
        return out;
    }
}
