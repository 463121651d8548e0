package org.regionwise.examples.cli;

import org.regionwise.examples.experiment.TrainingSettings;
import picocli.CommandLine.Option;

/** The training options shared by {@code rw train} and {@code rw compare}; unset options take the command's defaults. */
final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (compare: 10, train: 30).") Integer epochs;
    @Option(names = "--iterations", paramLabel = "N", description = "Optimiser steps per epoch (compare: 15, train: 50).") Integer iterations;
    @Option(names = "--batch", paramLabel = "B", description = "Patches per step (compare: 4, train: 8).") Integer batch;
    @Option(names = "--patch", paramLabel = "P", description = "Square (3D: cubic) training patch edge in voxels, a multiple of 2^depth (default: the smallest image edge rounded down, at most 128; 3D: at most 64).") Integer patch;
    @Option(names = "--depth", paramLabel = "D", description = "U-Net poolings (compare: 3, train: 4).") Integer depth;
    @Option(names = "--base-filters", paramLabel = "F", description = "Filters of the first U-Net stage, doubling per stage (compare: 8, train: 16).") Integer baseFilters;
    @Option(names = "--lr", paramLabel = "LR", description = "Initial Adam learning rate, poly decay 0.9, weight decay 3e-5, clip 12 (compare: 3e-3, train: 1e-3).") Double lr;
    @Option(names = "--deep-supervision", description = "Deep supervision with maps recomputed per scale.") boolean deepSupervision;
    @Option(names = "--threads", paramLabel = "T", description = "Intra-op threads (default 0: all cores).") Integer threads;
    @Option(names = "--dims", paramLabel = "2|3", description = "2: a 2D U-Net trained on slices (default); 3: a 3D U-Net trained on "
            + "cubic patches of whole volumes (nnU-Net folders of 3D volumes), with nnU-Net's anisotropic kernels and strides for "
            + "the training volumes' median spacing, predicted by sliding windows of the patch.") Integer dims;

    /** Whether any training option was given. */
    boolean anyGiven() {
        return epochs != null || iterations != null || batch != null || patch != null || depth != null || baseFilters != null
                || lr != null || deepSupervision || threads != null || dims != null;
    }

    /** These options with every unset one taken from a run file's training section (given options win). */
    TrainingOptions withDefaultsFrom(org.regionwise.examples.experiment.RunFile.@org.jspecify.annotations.Nullable Training t) {
        TrainingOptions o = new TrainingOptions();
        o.epochs = epochs != null || t == null ? epochs : t.epochs();
        o.iterations = iterations != null || t == null ? iterations : t.iterationsPerEpoch();
        o.batch = batch != null || t == null ? batch : t.batch();
        o.patch = patch != null || t == null ? patch : t.patch();
        o.depth = depth != null || t == null ? depth : t.depth();
        o.baseFilters = baseFilters != null || t == null ? baseFilters : t.baseFilters();
        o.lr = lr != null || t == null ? lr : t.learningRate();
        o.deepSupervision = deepSupervision || (t != null && Boolean.TRUE.equals(t.deepSupervision()));
        o.threads = threads != null || t == null ? threads : t.threads();
        o.dims = dims != null || t == null ? dims : t.dimensions();
        return o;
    }

    /** {@code defaults} with every given option applied; {@code patch} defaults to {@code autoPatch} when not given. */
    TrainingSettings apply(TrainingSettings d, int autoPatch) {
        int dep = depth != null ? depth : d.depth();
        return new TrainingSettings(epochs != null ? epochs : d.epochs(), iterations != null ? iterations : d.iterationsPerEpoch(),
                batch != null ? batch : d.batchSize(), patch != null ? patch : autoPatch(autoPatch, dep), dep,
                baseFilters != null ? baseFilters : d.baseFilters(), lr != null ? lr : d.learningRate(),
                deepSupervision || d.deepSupervision(), threads != null ? threads : d.threads(), dimensions(d.dimensions()));
    }

    /** The given {@code --dims}, else {@code fallback}. */
    int dimensions(int fallback) {
        if (dims != null && dims != 2 && dims != 3) throw new IllegalArgumentException("--dims must be 2 or 3, got " + dims);
        return dims != null ? dims : fallback;
    }

    /** The largest multiple of {@code 2^depth} not above {@code edge}, at least {@code 2^depth}. */
    static int autoPatch(int edge, int depth) {
        int m = 1 << depth;
        return Math.max(m, (edge / m) * m);
    }
}
