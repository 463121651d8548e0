package org.regionwise.training;

/**
 * Training stopped because the loss became NaN or infinite. The message names the epoch and step; the last good
 * checkpoint (if the run has an output directory) is left untouched on disk.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final int epoch, step;

    public TrainingDivergedException(String message, int epoch, int step) {
        super(message);
        this.epoch = epoch;
        this.step = step;
    }

    /** 0-based epoch of the non-finite loss. */
    public int epoch() { return epoch; }

    /** 0-based step within the epoch. */
    public int step() { return step; }
}
