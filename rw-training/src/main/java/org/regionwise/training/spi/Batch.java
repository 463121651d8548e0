package org.regionwise.training.spi;

import java.util.List;
import org.regionwise.core.backend.ModelSpec;

/**
 * One training batch ready to feed, channels-last flat arrays. 2D: {@code images} {@code [B, H, W, C]}; per output
 * scale {@code s}, labels {@code [B, H_s, W_s]} and one map {@code [B, H_s, W_s, K]} per map of the loss. 3D (a
 * {@link ModelSpec.UNet#dimensions() 3D network}): {@code [B, D, H, W, C]}, {@code [B, D_s, H_s, W_s]} and
 * {@code [B, D_s, H_s, W_s, K]}, with D along the image's z, H along y and W along x (x fastest, as every image).
 * A 2D batch has depth 1 at every scale.
 *
 * @param size    B
 * @param depths  D_s per scale (1 in 2D)
 * @param heights H_s per scale
 * @param widths  W_s per scale
 * @param images  intensities
 * @param labels  labels per scale
 * @param maps    maps per scale, then per map of the loss
 */
public record Batch(int size, int[] depths, int[] heights, int[] widths, float[] images, List<int[]> labels, List<List<float[]>> maps) {
    /**
     * A 2D batch (depth 1 at every scale).
     *
     * @param size    B
     * @param heights H_s per scale
     * @param widths  W_s per scale
     * @param images  intensities
     * @param labels  labels per scale
     * @param maps    maps per scale, then per map of the loss
     */
    public Batch(int size, int[] heights, int[] widths, float[] images, List<int[]> labels, List<List<float[]>> maps) {
        this(size, ones(heights.length), heights, widths, images, labels, maps);
    }

    private static int[] ones(int n) {
        int[] o = new int[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    /**
     * The patch depth (along z) at a scale.
     *
     * @param scale the 0-based scale
     * @return the depth in voxels, 1 in 2D
     */
    public int depth(int scale) { return depths[scale]; }

    /**
     * The number of output scales.
     *
     * @return S
     */
    public int scales() { return heights.length; }
    /**
     * The patch height at a scale.
     *
     * @param scale the 0-based scale
     * @return the height in pixels
     */
    public int height(int scale) { return heights[scale]; }
    /**
     * The patch width at a scale.
     *
     * @param scale the 0-based scale
     * @return the width in pixels
     */
    public int width(int scale) { return widths[scale]; }
    /**
     * The labels at a scale.
     *
     * @param scale the 0-based scale
     * @return {@code [batch, height, width]} labels
     */
    public int[] labels(int scale) { return labels.get(scale); }
    /**
     * One RW map at a scale.
     *
     * @param scale the 0-based scale
     * @param m the map's index in the loss's maps
     * @return {@code [batch, height, width, K]} values
     */
    public float[] map(int scale, int m) { return maps.get(scale).get(m); }
}
