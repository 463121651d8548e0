package org.regionwise.examples.cli;

import org.regionwise.examples.data.Colin27;
import org.regionwise.examples.data.DatasetRegistry;
import org.regionwise.examples.data.NnUnetDataset;
import org.regionwise.examples.data.SyntheticDatasets;
import picocli.CommandLine.Option;

/** Dataset options shared by {@code rw train} and {@code rw compare}. */
final class DatasetOptions {
    @Option(names = "--size", paramLabel = "PX", defaultValue = "64", description = "Edge of synthetic images in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--slice-axis", paramLabel = "A", defaultValue = "2",
            description = "Axis along which Colin27 and nnU-Net volumes are sliced: 0, 1 or 2 (default: ${DEFAULT-VALUE}, axial).")
    int axis;

    @Option(names = "--all-slices", description = "Keep slices without foreground (Colin27 subcortical, nnU-Net); default: foreground slices only.")
    boolean allSlices;

    @Option(names = "--ct", description = "nnU-Net datasets: CT normalisation (clip to the 0.5-99.5th percentile of the training foreground, "
            + "then its mean and std) instead of a z-score per volume.")
    boolean ct;

    @Option(names = "--no-validation", description = "Train without validation data (no best checkpoint, no collapse detection); "
            + "nnU-Net folders with fewer than 5 training cases otherwise validate on held-out slices.")
    boolean noValidation;

    /** {@code d}, or without its validation split under {@code --no-validation}. */
    org.regionwise.examples.data.Dataset apply(org.regionwise.examples.data.Dataset d) {
        if (!noValidation || d.validation().isEmpty()) return d;
        return new org.regionwise.examples.data.SplitDataset(d.name(), d.classNames(), d.training(), java.util.List.of(), d.test(),
                d.description() + " No validation (--no-validation).", d.normalization(), d.sliceAxis());
    }

    DatasetRegistry registry() {
        Colin27.Options c = Colin27.Options.defaults();
        return new DatasetRegistry(SyntheticDatasets.Options.defaults().withSize(size),
                new Colin27.Options(c.directory(), axis, c.split(), !allSlices),
                new NnUnetDataset.Options(axis, !allSlices, ct ? NnUnetDataset.Normalization.CT : NnUnetDataset.Normalization.ZSCORE,
                        !noValidation));
    }
}
