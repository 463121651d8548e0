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
    public enum Kind {
        /** Z-score over every voxel of the image. */
        ZSCORE,
        /** Z-score with the statistics of the non-zero voxels. */
        ZSCORE_NONZERO,
        /** Clip to a dataset range, then the dataset's mean and standard deviation (nnU-Net's CT scheme). */
        CT
    }

    /**
     * Z-score over all voxels of each image.
     *
     * @return the normalisation
     */
    public static IntensityNormalization zScore() { return new IntensityNormalization(Kind.ZSCORE, 0, 0, 0, 1); }

    /**
     * Z-score with the mean and standard deviation of the non-zero voxels of each image.
     *
     * @return the normalisation
     */
    public static IntensityNormalization zScoreNonZero() { return new IntensityNormalization(Kind.ZSCORE_NONZERO, 0, 0, 0, 1); }

    /**
     * CT: clip to {@code [low, high]}, then subtract the dataset mean and divide by its standard deviation.
     *
     * @param low the lower clip value
     * @param high the upper clip value
     * @param mean the dataset mean after clipping
     * @param std the dataset standard deviation after clipping
     * @return the normalisation
     */
    public static IntensityNormalization ct(double low, double high, double mean, double std) {
        return new IntensityNormalization(Kind.CT, low, high, mean, std);
    }

    /**
     * Normalises {@code v} in place.
     *
     * @param v the voxel values
     */
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

    /**
     * One-line text that {@link #parse(String)} reads back: {@code zscore}, {@code zscore-nonzero}, {@code
     * ct:lo,hi,mean,std}.
     *
     * @return the text
     */
    public String format() {
        return switch (kind) {
            case ZSCORE -> "zscore";
            case ZSCORE_NONZERO -> "zscore-nonzero";
            case CT -> String.format(Locale.ROOT, "ct:%s,%s,%s,%s", low, high, mean, std);
        };
    }

    /**
     * Reads the text {@link #format()} writes.
     *
     * @param s the text
     * @return the normalisation
     */
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
