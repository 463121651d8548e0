package org.regionwise.tensorflow.internal;

/** Test access to package-private helpers. */
public final class PatchSamplerAccess {
    private PatchSamplerAccess() {}

    public static float[] zScore(float[] x) { return PatchSampler.zScore(x); }
}
