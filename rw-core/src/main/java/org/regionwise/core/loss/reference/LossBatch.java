package org.regionwise.core.loss.reference;

import java.util.List;
import java.util.Objects;

/**
 * One batch on which a loss is evaluated, in the flat channels-last layout.
 *
 * <p>{@code logits[((b * voxels) + i) * classes + k]} is the logit of class {@code k} at voxel {@code i} of image
 * {@code b}; {@code labels[b * voxels + i]} is its ground-truth class in {@code [0, classes)}. {@code maps} holds one
 * array per entry of {@link org.regionwise.core.loss.LossSpec#maps()}, in the same order and with the same layout as
 * {@code logits}. The arrays are not copied: do not change them while a loss evaluates.
 *
 * @param batch   B, number of images
 * @param voxels  N, voxels per image (2D or 3D alike)
 * @param classes K, number of classes
 * @param logits  {@code B * N * K} network outputs before softmax
 * @param labels  {@code B * N} ground-truth labels
 * @param maps    per-class maps (RW, Boundary), each {@code B * N * K}
 * @param epoch   0-based training epoch (for {@link org.regionwise.core.loss.LossSpec.Gradual})
 */
public record LossBatch(int batch, int voxels, int classes, double[] logits, int[] labels, List<double[]> maps, int epoch) {
    /**
     * Checks the sizes: batch and voxels at least 1, at least 2 classes, a non-negative epoch, arrays of matching
     * length.
     *
     * @param batch B, number of images
     * @param voxels N, voxels per image (2D or 3D alike)
     * @param classes K, number of classes
     * @param logits {@code B * N * K} network outputs before softmax
     * @param labels {@code B * N} ground-truth labels
     * @param maps per-class maps (RW, Boundary), each {@code B * N * K}
     * @param epoch 0-based training epoch (for {@link org.regionwise.core.loss.LossSpec.Gradual})
     */
    public LossBatch {
        if (batch < 1) throw new IllegalArgumentException("loss batch size must be >= 1, got " + batch);
        if (voxels < 1) throw new IllegalArgumentException("voxels per image must be >= 1, got " + voxels);
        if (classes < 2) throw new IllegalArgumentException("a segmentation loss needs >= 2 classes, got " + classes);
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0 (0-based), got " + epoch);
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(labels, "labels");
        maps = List.copyOf(maps);
        long n = (long) batch * voxels;
        if (logits.length != n * classes) {
            throw new IllegalArgumentException("logits has " + logits.length + " values, expected B*N*K = " + batch + "*" + voxels + "*" + classes);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, expected B*N = " + batch + "*" + voxels);
        }
        for (int j = 0; j < labels.length; j++) {
            if (labels[j] < 0 || labels[j] >= classes) {
                throw new IllegalArgumentException("label " + labels[j] + " at flat index " + j + " (image " + j / voxels
                        + ", voxel " + j % voxels + ") is outside [0, " + classes + ")");
            }
        }
        for (int m = 0; m < maps.size(); m++) {
            if (maps.get(m).length != logits.length) {
                throw new IllegalArgumentException("map " + m + " has " + maps.get(m).length + " values, expected " + logits.length + " (same layout as logits)");
            }
        }
        for (int j = 0; j < logits.length; j++) {
            if (!Double.isFinite(logits[j])) throw new IllegalArgumentException("logit at flat index " + j + " is not finite: " + logits[j]);
        }
    }

    /**
     * A batch without maps (CE, Dice, Focal, ...).
     *
     * @param batch B, images in the batch
     * @param voxels N, voxels per image
     * @param classes K
     * @param logits B * N * K logits, class fastest
     * @param labels B * N labels
     * @param epoch the 0-based epoch (for gradual losses)
     */
    public LossBatch(int batch, int voxels, int classes, double[] logits, int[] labels, int epoch) {
        this(batch, voxels, classes, logits, labels, List.of(), epoch);
    }

    /**
     * Total number of logits {@code B * N * K}.
     *
     * @return B * N * K
     */
    public int size() { return logits.length; }

    /**
     * The same batch with other maps (used to hand each term of a combined loss its own maps).
     *
     * @param otherMaps the maps, each B * N * K values
     * @return a new batch
     */
    public LossBatch withMaps(List<double[]> otherMaps) {
        return new LossBatch(batch, voxels, classes, logits, labels, otherMaps, epoch);
    }
}
