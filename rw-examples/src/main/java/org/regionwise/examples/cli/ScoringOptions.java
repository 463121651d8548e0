package org.regionwise.examples.cli;

import org.regionwise.examples.experiment.RunFile;
import picocli.CommandLine.Option;

/** How {@code rw train} and {@code rw compare} segment the test split they score (rw-training's {@code Inference}). */
final class ScoringOptions {
    @Option(names = "--sliding-window", description = "Score the test split by windows of the training patch (step 0.5, nnU-Net's "
            + "Gaussian blending) instead of whole slices; a 3D model always uses 3D windows. Recorded in run.yaml (scoring).")
    boolean slidingWindow;

    @Option(names = "--tta", description = "Score with mirroring test-time augmentation (x, y and both in 2D; the 7 flips of x, y, z "
            + "in 3D). Recorded in run.yaml (scoring).")
    boolean tta;

    /** The run file's section for these options. */
    RunFile.Scoring toRunFile() {
        return slidingWindow || tta ? new RunFile.Scoring(slidingWindow ? true : null, slidingWindow ? 0.5 : null, tta ? true : null)
                : RunFile.Scoring.NONE;
    }

}
