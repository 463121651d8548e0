package org.regionwise.training.internal;

import java.util.SplittableRandom;

/**
 * Where training patches come from: {@link PatchSampler} (2D slices) or {@link VolumeSampler} (3D volumes). A patch is
 * channels-last, x fastest ({@code [y][x][c]} in 2D, {@code [z][y][x][c]} in 3D), its labels x fastest.
 */
public interface PatchSource {
    /** Image channels per voxel. */
    int channels();

    /** The patch's size per image axis ({@code x, y[, z]}), voxels. */
    int[] patchShape();

    /** Draws patch {@code j} of a batch of {@code batchSize} from {@code r}; it carries its case's spacing. */
    PatchSampler.Patch draw(SplittableRandom r, int j, int batchSize);
}
