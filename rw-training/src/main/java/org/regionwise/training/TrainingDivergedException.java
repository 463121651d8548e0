package org.regionwise.training;

/**
 * Training stopped because the loss became NaN or infinite. The message names the epoch and step; the last good
 * checkpoint (if the run has an output directory) is left untouched on disk.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    /** The 0-based epoch and step of the non-finite loss. */
    private final int epoch, step;

    /**
     * A non-finite loss at {@code step} of {@code epoch}.
     *
     * @param message the message
     * @param epoch the 0-based epoch
     * @param step the 0-based step within the epoch
     */
    public TrainingDivergedException(String message, int epoch, int step) {
        super(message);
        this.epoch = epoch;
        this.step = step;
    }

    /**
     * 0-based epoch of the non-finite loss.
     *
     * @return the epoch
     */
    public int epoch() { return epoch; }

    /**
     * 0-based step within the epoch.
     *
     * @return the step
     */
    public int step() { return step; }
}
