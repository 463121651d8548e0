package org.regionwise.metrics.internal;

/**
 * The binary masks of one label in a prediction and a reference, cut out to a {@link Box} of the (3D-padded) grid.
 *
 * @param size3      size of the box, {@code {nx, ny, nz}}
 * @param prediction {@code label == k} in the prediction, flat x fastest over the box
 * @param reference  {@code label == k} in the reference
 */
public record CroppedPair(int[] size3, boolean[] prediction, boolean[] reference) {

    public static CroppedPair of(int[] pred, int[] ref, int[] gridSize3, Box box, int label) {
        int bx = box.size(0);
        int by = box.size(1);
        int bz = box.size(2);
        boolean[] p = new boolean[bx * by * bz];
        boolean[] r = new boolean[p.length];
        int nx = gridSize3[0];
        int ny = gridSize3[1];
        int o = 0;
        for (int z = box.lo()[2]; z < box.hi()[2]; z++) {
            for (int y = box.lo()[1]; y < box.hi()[1]; y++) {
                int src = box.lo()[0] + nx * (y + ny * z);
                for (int x = 0; x < bx; x++, o++) {
                    p[o] = pred[src + x] == label;
                    r[o] = ref[src + x] == label;
                }
            }
        }
        return new CroppedPair(new int[] {bx, by, bz}, p, r);
    }
}
