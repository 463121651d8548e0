package org.regionwise.core.image;

import java.util.Objects;
import org.regionwise.core.internal.Checks;

/**
 * K per-class float maps on one {@link Grid}: a region-wise map {@code Z} (one value per voxel per class), a softmax
 * output, or any other per-class field.
 *
 * <p>Each class has its own contiguous {@code float[]} (x fastest). {@link #map(int)} is a view that copies nothing;
 * {@link #toInterleavedChannelsLast()} produces the {@code [voxel][class]} layout that tensors want.
 * On disk, K maps are a 4D NIfTI whose 4th axis is the class.
 */
public final class ClassMaps {
    private final Grid grid;
    private final float[][] maps;

    /**
     * Wraps {@code maps} (not copied): {@code maps[k]} is class k's map on {@code grid}.
     *
     * @param grid the grid of every map
     * @param maps one array per class, each of the grid's voxel count
     */
    public ClassMaps(Grid grid, float[][] maps) {
        this.grid = Objects.requireNonNull(grid, "grid");
        Checks.require(maps.length >= 1, "ClassMaps needs at least one class");
        for (int k = 0; k < maps.length; k++) {
            Checks.require(maps[k].length == grid.voxelCount(),
                    "size mismatch: class %d map has %d values for grid %s (%d voxels)",
                    k, maps[k].length, grid.describeSize(), grid.voxelCount());
        }
        this.maps = maps;
    }

    /**
     * K zero maps on {@code grid}.
     *
     * @param grid the grid
     * @param classes K
     * @return the maps
     */
    public static ClassMaps zeros(Grid grid, int classes) {
        Checks.require(classes >= 1, "the number of classes must be >= 1, got %d", classes);
        return new ClassMaps(grid, new float[classes][grid.voxelCount()]);
    }

    /**
     * The grid of every map.
     *
     * @return the grid
     */
    public Grid grid() { return grid; }

    /**
     * Number of classes K.
     *
     * @return K
     */
    public int classes() { return maps.length; }

    /**
     * Class {@code k}'s map as an image view sharing the array.
     *
     * @param k the class
     * @return the view
     */
    public FloatImage map(int k) { return new FloatImage(grid, maps[k]); }

    /**
     * Class {@code k}'s backing array (not a copy).
     *
     * @param k the class
     * @return the array
     */
    public float[] data(int k) { return maps[k]; }

    /**
     * Class {@code k}'s value at flat voxel {@code index}.
     *
     * @param k the class
     * @param index the flat voxel index
     * @return the value
     */
    public float get(int k, int index) { return maps[k][index]; }

    /**
     * {@code out[i * K + k] = map_k[i]}: channels-last, interleaved, as NHWC tensors store it.
     *
     * @return a new array of voxelCount * K values
     */
    public float[] toInterleavedChannelsLast() {
        int n = grid.voxelCount(), kk = maps.length;
        float[] out = new float[n * kk];
        for (int k = 0; k < kk; k++) {
            float[] m = maps[k];
            for (int i = 0; i < n; i++) out[i * kk + k] = m[i];
        }
        return out;
    }

    /**
     * Inverse of {@link #toInterleavedChannelsLast()}.
     *
     * @param grid the grid
     * @param classes K
     * @param interleaved voxelCount * K values, channels last
     * @return the maps (copied out of {@code interleaved})
     */
    public static ClassMaps fromInterleavedChannelsLast(Grid grid, int classes, float[] interleaved) {
        int n = grid.voxelCount();
        Checks.require(interleaved.length == (long) n * classes,
                "size mismatch: %d values for %d voxels x %d classes", interleaved.length, n, classes);
        float[][] m = new float[classes][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) m[k][i] = interleaved[i * classes + k];
        }
        return new ClassMaps(grid, m);
    }

    /**
     * Per voxel, the class with the largest value (first one on ties).
     *
     * @return the labels
     */
    public LabelImage argmax() {
        int n = grid.voxelCount();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            float bv = maps[0][i];
            for (int k = 1; k < maps.length; k++) {
                if (maps[k][i] > bv) { bv = maps[k][i]; best = k; }
            }
            out[i] = best;
        }
        return new LabelImage(grid, out);
    }

    /**
     * {@code {min, max}} over every class and voxel.
     *
     * @return the minimum and maximum
     */
    public double[] range() {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float[] m : maps) for (float v : m) { if (v < min) min = v; if (v > max) max = v; }
        return new double[] {min, max};
    }

    @Override public String toString() { return "ClassMaps[K=" + maps.length + ", " + grid + "]"; }
}
