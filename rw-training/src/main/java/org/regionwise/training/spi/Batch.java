package org.regionwise.training.spi;

import java.util.List;

/**
 * One training batch ready to feed, NHWC flat arrays: {@code images} {@code [B, H, W, C]}; per output scale
 * {@code s}, labels {@code [B, H_s, W_s]} and one map {@code [B, H_s, W_s, K]} per map of the loss.
 *
 * @param size    B
 * @param heights H_s per scale
 * @param widths  W_s per scale
 * @param images  intensities
 * @param labels  labels per scale
 * @param maps    maps per scale, then per map of the loss
 */
public record Batch(int size, int[] heights, int[] widths, float[] images, List<int[]> labels, List<List<float[]>> maps) {
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
