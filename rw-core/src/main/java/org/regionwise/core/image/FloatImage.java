package org.regionwise.core.image;

import java.util.Objects;
import org.regionwise.core.internal.Checks;

/**
 * A float image on a {@link Grid}: intensities, probabilities or one region-wise map.
 *
 * <p>The voxels live in one flat {@code float[]} in x-fastest order; {@link #data()} returns that array itself
 * (no copy) so that hot loops stay allocation-free. Treat it as read-only unless you created the image.
 */
public final class FloatImage {
    private final Grid grid;
    private final float[] data;

    /**
     * Wraps {@code data} (not copied).
     *
     * @param grid the grid
     * @param data one value per voxel, x fastest
     */
    public FloatImage(Grid grid, float[] data) {
        this.grid = Objects.requireNonNull(grid, "grid");
        Checks.require(data.length == grid.voxelCount(),
                "size mismatch: %d values for grid %s (%d voxels)", data.length, grid.describeSize(), grid.voxelCount());
        this.data = data;
    }

    /**
     * A zero image on {@code grid}.
     *
     * @param grid the grid
     * @return the image
     */
    public static FloatImage zeros(Grid grid) { return new FloatImage(grid, new float[grid.voxelCount()]); }

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
    public float[] data() { return data; }

    /**
     * The value at flat voxel {@code index}.
     *
     * @param index the flat voxel index
     * @return the value
     */
    public float get(int index) { return data[index]; }

    /**
     * The value at {@code (x, y)}.
     *
     * @param x the column
     * @param y the row
     * @return the value
     */
    public float get(int x, int y) { return data[grid.index(x, y)]; }

    /**
     * The value at {@code (x, y, z)}.
     *
     * @param x the column
     * @param y the row
     * @param z the slice
     * @return the value
     */
    public float get(int x, int y, int z) { return data[grid.index(x, y, z)]; }

    /**
     * {@code {min, max}} over all voxels, NaN ignored; {@code {NaN, NaN}} when every voxel is NaN.
     *
     * @return the minimum and maximum
     */
    public double[] range() {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float v : data) {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
    }

    /**
     * A deep copy.
     *
     * @return the copy
     */
    public FloatImage copy() { return new FloatImage(grid, data.clone()); }

    /**
     * The 2D slice {@code index} of a 3D image along {@code axis} (a copy); spacing of the two remaining axes kept.
     *
     * @param axis the axis the slice is normal to
     * @param index the slice's position along {@code axis}
     * @return the slice
     */
    public FloatImage slice(int axis, int index) {
        Slicing s = Slicing.of(grid, axis, index);
        float[] out = new float[s.grid().voxelCount()];
        for (int i = 0; i < out.length; i++) out[i] = data[s.sourceIndex(i)];
        return new FloatImage(s.grid(), out);
    }

    @Override public String toString() { return "FloatImage[" + grid + "]"; }
}
