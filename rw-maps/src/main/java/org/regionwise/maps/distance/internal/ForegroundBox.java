package org.regionwise.maps.distance.internal;

/**
 * The bounding box of a mask's foreground grown by one voxel on every side (clamped to the image), and the copies
 * into and out of it: the EDT of the box equals the EDT of the whole image on every voxel of the box.
 *
 * <p>Why it is exact: every voxel outside the foreground's bounding box is background. Let {@code p} be a foreground
 * voxel and {@code q} its nearest background voxel; if {@code q} lies outside the grown box, the voxel {@code q'}
 * obtained by clamping {@code q} to the grown box lies on the box's one-voxel margin, which is background, and
 * {@code |p - q'| <= |p - q|} on every axis (clamping towards a box that holds {@code p} never moves a coordinate away
 * from {@code p}'s), for any spacing. So a nearest background voxel is always inside the grown box. Where the box
 * touches the image border there is no margin on that side, and there the image border bounds the whole image too.
 *
 * <p>The transform then costs in proportion to the box, not the image: a small organ in a CT volume is a few percent
 * of the voxels. Background voxels outside the box are 0 in the result, as everywhere.
 */
public final class ForegroundBox {
    /** Crop only when the box holds at most this fraction of the voxels (the copies are not free). */
    static final double WORTHWHILE = 0.6;

    private final int[] size;
    private final int[] lo;
    private final int[] boxSize;
    private final int boxVoxels;

    private ForegroundBox(int[] size, int[] lo, int[] boxSize) {
        this.size = size;
        this.lo = lo;
        this.boxSize = boxSize;
        int v = 1;
        for (int s : boxSize) v *= s;
        this.boxVoxels = v;
    }

    /**
     * The grown foreground box of {@code mask} on a grid of {@code size} (x fastest), when it is small enough to pay.
     *
     * @param mask the foreground mask
     * @param size voxels per axis
     * @return the box, or {@code null} when there is no foreground or the box is not worth cropping to
     */
    public static ForegroundBox of(boolean[] mask, int[] size) {
        int dims = size.length;
        int[] lo = new int[dims];
        int[] hi = new int[dims];
        for (int a = 0; a < dims; a++) {
            lo[a] = Integer.MAX_VALUE;
            hi[a] = -1;
        }
        int[] c = new int[dims];
        int nx = size[0];
        boolean any = false;
        for (int i = 0; i < mask.length; i += nx) {   // one x line at a time: its first and last foreground voxel
            int first = 0;                            // scans stop at the first foreground voxel from each end
            while (first < nx && !mask[i + first]) first++;
            if (first == nx) first = -1;
            int last = nx - 1;
            if (first >= 0) while (!mask[i + last]) last--;
            if (first >= 0) {
                any = true;
                if (first < lo[0]) lo[0] = first;
                if (last > hi[0]) hi[0] = last;
                for (int a = 1; a < dims; a++) {
                    if (c[a] < lo[a]) lo[a] = c[a];
                    if (c[a] > hi[a]) hi[a] = c[a];
                }
            }
            for (int a = 1; a < dims; a++) {          // next line's coordinates on axes 1..dims-1
                if (++c[a] < size[a]) break;
                c[a] = 0;
            }
        }
        if (!any) return null;
        int[] boxSize = new int[dims];
        long voxels = 1;
        for (int a = 0; a < dims; a++) {
            lo[a] = Math.max(0, lo[a] - 1);
            hi[a] = Math.min(size[a] - 1, hi[a] + 1);
            boxSize[a] = hi[a] - lo[a] + 1;
            voxels *= boxSize[a];
        }
        if (voxels > WORTHWHILE * mask.length) return null;
        return new ForegroundBox(size.clone(), lo, boxSize);
    }

    /**
     * The box's size per axis.
     *
     * @return a copy
     */
    public int[] boxSize() { return boxSize.clone(); }

    /**
     * The part of {@code mask} inside the box, x fastest.
     *
     * @param mask the whole mask
     * @return a new mask of the box's voxel count
     */
    public boolean[] crop(boolean[] mask) {
        boolean[] out = new boolean[boxVoxels];
        forEachRow((whole, box, n) -> System.arraycopy(mask, whole, out, box, n));
        return out;
    }

    /**
     * Copies {@code box} (the transform of the cropped mask) into the whole image {@code out}; voxels outside the box
     * are left as they are (0 in a new store, the transform's value on background).
     *
     * @param box the box's values, x fastest
     * @param out the whole image, of the same precision
     */
    public void paste(SquaredStore box, SquaredStore out) {
        forEachRow((whole, b, n) -> box.copyTo(b, out, whole, n));
    }

    @FunctionalInterface
    private interface Row {
        void copy(int wholeIndex, int boxIndex, int length);
    }

    /** Every x row of the box: its start in the whole image, its start in the box, its length. */
    private void forEachRow(Row row) {
        int dims = size.length;
        int[] c = new int[dims];                      // coordinates within the box on axes 1..dims-1
        int rows = boxVoxels / boxSize[0];
        for (int r = 0; r < rows; r++) {
            int whole = lo[0];
            int stride = size[0];
            for (int a = 1; a < dims; a++) {
                whole += (lo[a] + c[a]) * stride;
                stride *= size[a];
            }
            row.copy(whole, r * boxSize[0], boxSize[0]);
            for (int a = 1; a < dims; a++) {
                if (++c[a] < boxSize[a]) break;
                c[a] = 0;
            }
        }
    }
}
