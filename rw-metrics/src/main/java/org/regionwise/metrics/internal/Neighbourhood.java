package org.regionwise.metrics.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The structuring element {@code scipy.ndimage.generate_binary_structure(rank, connectivity)} as a list of offsets
 * (the centre excluded): every offset in {@code {-1,0,1}^rank} with at most {@code connectivity} non-zero components.
 * Connectivity 1 gives the face neighbours (4 in 2D, 6 in 3D); connectivity {@code rank} gives the full neighbourhood.
 */
public final class Neighbourhood {
    private final int rank;
    private final int[][] offsets;

    private Neighbourhood(int rank, int[][] offsets) {
        this.rank = rank;
        this.offsets = offsets;
    }

    /** The neighbourhood of {@code connectivity} (1..rank) in {@code rank} (2 or 3) dimensions. */
    public static Neighbourhood of(int rank, int connectivity) {
        if (rank != 2 && rank != 3) throw new IllegalArgumentException("rank must be 2 or 3, got " + rank);
        if (connectivity < 1 || connectivity > rank) {
            throw new IllegalArgumentException("connectivity must be in [1, " + rank + "] for a " + rank
                    + "D image (1 = face neighbours, " + rank + " = full neighbourhood), got " + connectivity);
        }
        List<int[]> list = new ArrayList<>();
        int zr = rank == 3 ? 1 : 0;
        for (int dz = -zr; dz <= zr; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nz = (dx != 0 ? 1 : 0) + (dy != 0 ? 1 : 0) + (dz != 0 ? 1 : 0);
                    if (nz == 0 || nz > connectivity) continue;
                    list.add(new int[] {dx, dy, dz});
                }
            }
        }
        return new Neighbourhood(rank, list.toArray(new int[0][]));
    }

    public int rank() { return rank; }

    /** Offsets {@code {dx, dy, dz}} (dz = 0 in 2D); a new array per call is not made, do not modify. */
    int[][] offsets() { return offsets; }
}
