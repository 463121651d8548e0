package org.regionwise.examples.data;

import java.util.Locale;
import org.regionwise.examples.data.internal.Intensities;

/**
 * How a dataset's images were normalised, so that {@code rw predict} applies the same to new images. Applied to a whole
 * 2D image or 3D volume before slicing.
 *
 * <ul>
 *   <li>{@code ZSCORE}: {@code (x - mean) / std} over every voxel.</li>
 *   <li>{@code ZSCORE_NONZERO}: mean and std over the non-zero voxels (the head of a skull-stripped-background MRI),
 *       applied to every voxel.</li>
 *   <li>{@code CT}: clip to {@code [low, high]}, then {@code (x - mean) / std} with fixed dataset statistics.</li>
 * </ul>
 *
 * @param kind the scheme
 * @param low  CT clip low (unused otherwise)
 * @param high CT clip high
 * @param mean CT mean
 * @param std  CT standard deviation
 */
public record IntensityNormalization(Kind kind, double low, double high, double mean, double std) {
    /** The scheme. */
    public enum Kind { ZSCORE, ZSCORE_NONZERO, CT }

    public static IntensityNormalization zScore() { return new IntensityNormalization(Kind.ZSCORE, 0, 0, 0, 1); }

    public static IntensityNormalization zScoreNonZero() { return new IntensityNormalization(Kind.ZSCORE_NONZERO, 0, 0, 0, 1); }

    public static IntensityNormalization ct(double low, double high, double mean, double std) {
        return new IntensityNormalization(Kind.CT, low, high, mean, std);
    }

    /** Normalises {@code v} in place. */
    public void apply(float[] v) {
        switch (kind) {
            case ZSCORE -> Intensities.zScore(v);
            case ZSCORE_NONZERO -> {
                boolean[] m = new boolean[v.length];
                for (int i = 0; i < v.length; i++) m[i] = v[i] != 0;
                double[] ms = Intensities.meanStd(v, m);
                Intensities.apply(v, ms[0], ms[1]);
            }
            case CT -> {
                Intensities.clip(v, low, high);
                Intensities.apply(v, mean, std);
            }
        }
    }

    /** One-line text that {@link #parse(String)} reads back: {@code zscore}, {@code zscore-nonzero}, {@code ct:lo,hi,mean,std}. */
    public String format() {
        return switch (kind) {
            case ZSCORE -> "zscore";
            case ZSCORE_NONZERO -> "zscore-nonzero";
            case CT -> String.format(Locale.ROOT, "ct:%s,%s,%s,%s", low, high, mean, std);
        };
    }

    public static IntensityNormalization parse(String s) {
        String t = s.trim();
        if (t.equals("zscore")) return zScore();
        if (t.equals("zscore-nonzero")) return zScoreNonZero();
        if (t.startsWith("ct:")) {
            String[] p = t.substring(3).split(",");
            if (p.length == 4) {
                try {
                    return ct(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]));
                } catch (NumberFormatException e) {
                    // fall through to the error
                }
            }
        }
        throw new IllegalArgumentException("unknown intensity normalisation '" + s + "': expected zscore, zscore-nonzero or ct:low,high,mean,std");
    }
}
