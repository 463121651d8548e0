package org.regionwise.core.backend;

/** Progress callbacks from a backend; every method has an empty default. Called on the training thread. */
public interface TrainingListener {
    /**
     * After optimiser step {@code step} (0-based within the epoch) of {@code epoch}.
     *
     * @param epoch the 0-based epoch
     * @param step the 0-based step within the epoch
     * @param stepsPerEpoch the number of steps per epoch
     * @param loss the training loss of the step
     */
    default void onStep(int epoch, int step, int stepsPerEpoch, double loss) {}

    /**
     * After each epoch (and its validation, if any).
     *
     * @param report the epoch's figures
     */
    default void onEpoch(EpochReport report) {}

    /**
     * A listener that ignores everything.
     *
     * @return a no-op listener
     */
    static TrainingListener none() { return new TrainingListener() {}; }
}
