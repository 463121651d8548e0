package org.regionwise.core.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.regionwise.core.internal.Checks;

/**
 * A 2D or 3D voxel grid: the number of voxels per axis, the voxel spacing in millimetres per axis, and the
 * {@link SpatialFrame} needed to write a file back unchanged.
 *
 * <p>Axis order is x fastest: voxel {@code (x, y, z)} has flat index {@code x + nx * (y + ny * z)}
 * (see the package documentation). Immutable; arrays are copied in and out.
 */
public final class Grid {
    private final int[] size;
    private final double[] spacing;
    private final SpatialFrame frame;
    private final long voxels;

    private Grid(int[] size, double[] spacing, SpatialFrame frame) {
        Checks.require(size.length == 2 || size.length == 3,
                "a grid has 2 or 3 axes, got %d (size %s)", size.length, Arrays.toString(size));
        Checks.require(spacing.length == size.length,
                "spacing has %d values but the grid has %d axes (size %s, spacing %s)",
                spacing.length, size.length, Arrays.toString(size), Arrays.toString(spacing));
        long n = 1;
        for (int a = 0; a < size.length; a++) {
            Checks.require(size[a] > 0, "grid size must be > 0 on every axis, but axis %d has %d (size %s): the image is empty",
                    a, size[a], Arrays.toString(size));
            n *= size[a];
        }
        Checks.require(n <= Integer.MAX_VALUE - 8,
                "grid %s has %d voxels, more than one Java array can hold", Arrays.toString(size), n);
        Checks.spacing(spacing);
        this.size = size.clone();
        this.spacing = spacing.clone();
        this.frame = frame;
        this.voxels = n;
    }

    /**
     * A grid of the given size and spacing (mm) with an unknown spatial frame.
     *
     * @param size voxels per axis (2 or 3 axes)
     * @param spacing mm per axis
     * @return the grid
     */
    public static Grid of(int[] size, double[] spacing) {
        return new Grid(size, spacing, SpatialFrame.unknown(spacing));
    }

    /**
     * A grid of the given size, spacing (mm) and spatial frame.
     *
     * @param size voxels per axis (2 or 3 axes)
     * @param spacing mm per axis
     * @param frame the voxel-to-world transform
     * @return the grid
     */
    public static Grid of(int[] size, double[] spacing, SpatialFrame frame) {
        return new Grid(size, spacing, Objects.requireNonNull(frame, "frame"));
    }

    /**
     * A 2D grid with 1 mm isotropic spacing.
     *
     * @param nx voxels along x
     * @param ny voxels along y
     * @return the grid
     */
    public static Grid of2D(int nx, int ny) {
        return of(new int[] {nx, ny}, new double[] {1, 1});
    }

    /**
     * A 3D grid with 1 mm isotropic spacing.
     *
     * @param nx voxels along x
     * @param ny voxels along y
     * @param nz voxels along z
     * @return the grid
     */
    public static Grid of3D(int nx, int ny, int nz) {
        return of(new int[] {nx, ny, nz}, new double[] {1, 1, 1});
    }

    /**
     * Number of axes, 2 or 3.
     *
     * @return 2 or 3
     */
    public int dimensions() { return size.length; }

    /**
     * Number of voxels along {@code axis}.
     *
     * @param axis 0 (x), 1 (y) or 2 (z)
     * @return the voxel count along the axis
     */
    public int size(int axis) { return size[axis]; }

    /**
     * Spacing along {@code axis} in mm.
     *
     * @param axis 0 (x), 1 (y) or 2 (z)
     * @return the spacing in mm
     */
    public double spacing(int axis) { return spacing[axis]; }

    /**
     * A copy of the size per axis.
     *
     * @return the sizes
     */
    public int[] sizes() { return size.clone(); }

    /**
     * A copy of the spacing per axis, in mm.
     *
     * @return the spacings in mm
     */
    public double[] spacings() { return spacing.clone(); }

    /**
     * The voxel-to-world transform.
     *
     * @return the frame
     */
    public SpatialFrame frame() { return frame; }

    /**
     * Total number of voxels, the length of every flat array on this grid.
     *
     * @return the voxel count
     */
    public int voxelCount() { return (int) voxels; }

    /**
     * Whether this grid has two axes.
     *
     * @return true for a 2D grid
     */
    public boolean is2D() { return size.length == 2; }

    /**
     * Flat index of {@code (x, y)} in a 2D grid (or slice z = 0 of a 3D grid).
     *
     * @param x the column
     * @param y the row
     * @return the flat index
     */
    public int index(int x, int y) { return x + size[0] * y; }

    /**
     * Flat index of {@code (x, y, z)}.
     *
     * @param x the column
     * @param y the row
     * @param z the slice
     * @return the flat index
     */
    public int index(int x, int y, int z) { return x + size[0] * (y + size[1] * z); }

    /**
     * The same grid with another spacing; the frame's sform diagonal is not touched.
     *
     * @param newSpacing mm per axis
     * @return the new grid
     */
    public Grid withSpacing(double[] newSpacing) { return new Grid(size, newSpacing, frame); }

    /**
     * The same grid with another spatial frame.
     *
     * @param newFrame the frame
     * @return the new grid
     */
    public Grid withFrame(SpatialFrame newFrame) { return new Grid(size, spacing, newFrame); }

    /**
     * True when both grids have the same size per axis (spacing and frame may differ).
     *
     * @param other the grid to compare with
     * @return whether the sizes agree
     */
    public boolean sameShape(Grid other) { return Arrays.equals(size, other.size); }

    /**
     * Physical extent of the grid diagonal in mm: {@code sqrt(sum_a (n_a * s_a)^2)}.
     *
     * @return the diagonal in mm
     */
    public double diagonalMm() {
        double s = 0;
        for (int a = 0; a < size.length; a++) {
            double e = size[a] * spacing[a];
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /**
     * Throws {@link IllegalArgumentException} naming both grids unless {@code other} has the same size.
     *
     * @param other the grid that must have this grid's size
     * @param what words for the error message, e.g. {@code "labels vs image"}
     */
    public void requireSameShape(Grid other, String what) {
        Checks.require(sameShape(other), "size mismatch (%s): %s vs %s", what, describeSize(), other.describeSize());
    }

    /**
     * {@code "181×217×181"}.
     *
     * @return the sizes joined by ×
     */
    public String describeSize() {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < size.length; a++) {
            if (a > 0) b.append('×');
            b.append(size[a]);
        }
        return b.toString();
    }

    /**
     * {@code "1×1×2.5 mm"}.
     *
     * @return the spacings joined by ×, in mm
     */
    public String describeSpacing() {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < spacing.length; a++) {
            if (a > 0) b.append('×');
            b.append(String.format(Locale.ROOT, "%.6g", spacing[a]).replaceAll("\\.?0+$", ""));
        }
        return b.append(" mm").toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof Grid g && Arrays.equals(g.size, size) && Arrays.equals(g.spacing, spacing) && g.frame.equals(frame);
    }

    @Override public int hashCode() { return Objects.hash(Arrays.hashCode(size), Arrays.hashCode(spacing), frame); }

    @Override public String toString() { return "Grid[" + describeSize() + " @ " + describeSpacing() + "]"; }
}
