package org.regionwise.metrics.internal;

import java.util.Arrays;

/**
 * The surface of a binary mask as medpy defines it: {@code mask XOR binary_erosion(mask, structure)} with SciPy's
 * default {@code border_value = 0}, i.e. a mask voxel is on the surface when at least one of its neighbours in the
 * structuring element is outside the mask <em>or outside the image</em>.
 *
 * <p>Used on a crop: the crop must either end at the image border or keep at least one background voxel between the
 * mask and its edge (the union bounding box grown by one voxel), so that "outside the crop" means "outside the image".
 */
public final class SurfaceVoxels {
    private SurfaceVoxels() {}

    /** Flat indices (x fastest on {@code size3}) of the surface voxels of {@code mask}, increasing. */
    public static int[] of(boolean[] mask, int[] size3, Neighbourhood nb) {
        int nx = size3[0];
        int ny = size3[1];
        int nz = size3[2];
        int[][] offs = nb.offsets();
        int[] flat = new int[offs.length];
        for (int j = 0; j < offs.length; j++) flat[j] = offs[j][0] + nx * (offs[j][1] + ny * offs[j][2]);
        boolean threeD = nb.rank() == 3;
        int[] out = new int[64];
        int count = 0;
        int i = 0;
        for (int z = 0; z < nz; z++) {
            boolean zEdge = threeD && (z == 0 || z == nz - 1);
            for (int y = 0; y < ny; y++) {
                boolean yzEdge = zEdge || y == 0 || y == ny - 1;
                for (int x = 0; x < nx; x++, i++) {
                    if (!mask[i]) continue;
                    boolean surface;
                    if (yzEdge || x == 0 || x == nx - 1) {
                        surface = true; // a face neighbour lies outside the image: erosion with border_value 0
                    } else {
                        surface = false;
                        for (int f : flat) {
                            if (!mask[i + f]) {
                                surface = true;
                                break;
                            }
                        }
                    }
                    if (surface) {
                        if (count == out.length) out = Arrays.copyOf(out, out.length * 2);
                        out[count++] = i;
                    }
                }
            }
        }
        return Arrays.copyOf(out, count);
    }
}
