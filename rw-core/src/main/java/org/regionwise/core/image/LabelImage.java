package org.regionwise.core.image;

import java.util.Objects;
import java.util.TreeMap;
import java.util.SortedMap;
import org.regionwise.core.internal.Checks;

/**
 * An integer label image (ground truth or prediction) on a {@link Grid}: label {@code k} at a voxel means the voxel
 * belongs to class {@code k}, 0 is background.
 *
 * <p>Labels live in one flat {@code int[]} in x-fastest order; {@link #data()} returns that array (no copy).
 */
public final class LabelImage {
    private final Grid grid;
    private final int[] labels;

    /**
     * Wraps {@code labels} (not copied). Negative labels are rejected.
     *
     * @param grid the grid
     * @param labels one label per voxel, x fastest
     */
    public LabelImage(Grid grid, int[] labels) {
        this.grid = Objects.requireNonNull(grid, "grid");
        Checks.require(labels.length == grid.voxelCount(),
                "size mismatch: %d labels for grid %s (%d voxels)", labels.length, grid.describeSize(), grid.voxelCount());
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " at voxel " + describeVoxel(grid, i) + " is negative");
            }
        }
        this.labels = labels;
    }

    /**
     * An all-background image on {@code grid}.
     *
     * @param grid the grid
     * @return the image
     */
    public static LabelImage zeros(Grid grid) { return new LabelImage(grid, new int[grid.voxelCount()]); }

    /**
     * The grid.
     *
     * @return the grid
     */
    public Grid grid() { return grid; }

    /**
     * The backing array, x fastest (not a copy).
     *
     * @return the array
     */
    public int[] data() { return labels; }

    /**
     * The label at flat voxel {@code index}.
     *
     * @param index the flat voxel index
     * @return the label
     */
    public int get(int index) { return labels[index]; }

    /**
     * The label at {@code (x, y)}.
     *
     * @param x the column
     * @param y the row
     * @return the label
     */
    public int get(int x, int y) { return labels[grid.index(x, y)]; }

    /**
     * The label at {@code (x, y, z)}.
     *
     * @param x the column
     * @param y the row
     * @param z the slice
     * @return the label
     */
    public int get(int x, int y, int z) { return labels[grid.index(x, y, z)]; }

    /**
     * The largest label present (0 for an all-background image).
     *
     * @return the largest label
     */
    public int maxLabel() {
        int m = 0;
        for (int l : labels) if (l > m) m = l;
        return m;
    }

    /**
     * Checks that every label lies in {@code [0, classes)}; the message names the first offending label and voxel.
     *
     * @param classes K
     * @return this image
     */
    public LabelImage requireClasses(int classes) {
        Checks.require(classes >= 1, "the number of classes must be >= 1, got %d", classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at voxel " + describeVoxel(grid, i)
                        + " is outside [0, " + classes + "): K=" + classes + " is smaller than the largest label " + maxLabel());
            }
        }
        return this;
    }

    /**
     * The binary mask of class {@code k}: {@code mask[i] = (label[i] == k)}. A new array.
     *
     * @param k the class
     * @return the mask
     */
    public boolean[] mask(int k) {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) m[i] = labels[i] == k;
        return m;
    }

    /**
     * Voxel count per label present, in increasing label order.
     *
     * @return the counts by label
     */
    public SortedMap<Integer, Long> histogram() {
        TreeMap<Integer, Long> h = new TreeMap<>();
        for (int l : labels) h.merge(l, 1L, Long::sum);
        return h;
    }

    /**
     * Voxel count per class {@code 0..classes-1}; labels outside are not counted.
     *
     * @param classes K
     * @return K counts
     */
    public long[] classCounts(int classes) {
        long[] c = new long[classes];
        for (int l : labels) if (l < classes) c[l]++;
        return c;
    }

    /**
     * A deep copy.
     *
     * @return the copy
     */
    public LabelImage copy() { return new LabelImage(grid, labels.clone()); }

    /**
     * The 2D slice {@code index} of a 3D label image along {@code axis} (a copy).
     *
     * @param axis the axis the slice is normal to
     * @param index the slice's position along {@code axis}
     * @return the slice
     */
    public LabelImage slice(int axis, int index) {
        Slicing s = Slicing.of(grid, axis, index);
        int[] out = new int[s.grid().voxelCount()];
        for (int i = 0; i < out.length; i++) out[i] = labels[s.sourceIndex(i)];
        return new LabelImage(s.grid(), out);
    }

    /**
     * {@code "(x=3, y=4, z=5)"} for flat index {@code i} on {@code grid}.
     *
     * @param grid the grid
     * @param i the flat index
     * @return the coordinates
     */
    public static String describeVoxel(Grid grid, int i) {
        int x = i % grid.size(0);
        int rest = i / grid.size(0);
        if (grid.dimensions() == 2) return "(x=" + x + ", y=" + rest + ")";
        return "(x=" + x + ", y=" + (rest % grid.size(1)) + ", z=" + (rest / grid.size(1)) + ")";
    }

    @Override public String toString() { return "LabelImage[" + grid + "]"; }
}
