package org.regionwise.core.backend;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.loss.LossSpec;

/**
 * Everything a backend needs to train one model.
 *
 * @param model              the network
 * @param loss               the loss
 * @param optimizer          optimiser and schedule
 * @param epochs             number of epochs
 * @param iterationsPerEpoch optimiser steps per epoch
 * @param batchSize          patches per step
 * @param patchSize          square patch edge in voxels (training crops; prediction works on any size)
 * @param validateEvery      run validation every this many epochs (and after the last)
 * @param seed               seed of weights, sampling and augmentation
 * @param threads            intra-op threads; {@code <= 0} means all cores
 * @param outputDirectory    where checkpoints, history and exports go; {@code null} keeps everything in memory
 */
public record TrainingPlan(ModelSpec model, LossSpec loss, OptimizerSpec optimizer, int epochs, int iterationsPerEpoch,
                           int batchSize, int patchSize, int validateEvery, long seed, int threads,
                           @Nullable Path outputDirectory) {
    /**
     * Checks that every setting is in range.
     *
     * @param model the network
     * @param loss the loss
     * @param optimizer optimiser and schedule
     * @param epochs number of epochs
     * @param iterationsPerEpoch optimiser steps per epoch
     * @param batchSize patches per step
     * @param patchSize square patch edge in voxels (training crops; prediction works on any size)
     * @param validateEvery run validation every this many epochs (and after the last)
     * @param seed seed of weights, sampling and augmentation
     * @param threads intra-op threads; {@code <= 0} means all cores
     * @param outputDirectory where checkpoints, history and exports go; {@code null} keeps everything in memory
     */
    public TrainingPlan {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (iterationsPerEpoch < 1) throw new IllegalArgumentException("iterations per epoch must be >= 1, got " + iterationsPerEpoch);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        if (patchSize < 8) throw new IllegalArgumentException("patch size must be >= 8, got " + patchSize);
        if (validateEvery < 1) throw new IllegalArgumentException("validateEvery must be >= 1, got " + validateEvery);
    }
}
