package org.regionwise.metrics.internal;

/**
 * A sub-box of a 3D-padded grid (2D grids have {@code nz = 1}): voxels {@code lo[a] <= x_a < hi[a]}.
 *
 * @param lo inclusive lower corner, 3 values
 * @param hi exclusive upper corner, 3 values
 */
public record Box(int[] lo, int[] hi) {

    public int size(int axis) { return hi[axis] - lo[axis]; }

    public int[] sizes() { return new int[] {size(0), size(1), size(2)}; }

    public long voxels() { return (long) size(0) * size(1) * size(2); }

    /** This box grown by {@code margin} voxels on every side of the axes in {@code rank}, clipped to {@code gridSize}. */
    public Box grow(int margin, int rank, int[] gridSize) {
        int[] l = lo.clone();
        int[] h = hi.clone();
        for (int a = 0; a < rank; a++) {
            l[a] = Math.max(0, l[a] - margin);
            h[a] = Math.min(gridSize[a], h[a] + margin);
        }
        return new Box(l, h);
    }
}
