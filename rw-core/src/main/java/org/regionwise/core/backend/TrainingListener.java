package org.regionwise.core.backend;

/** Progress callbacks from a backend; every method has an empty default. Called on the training thread. */
public interface TrainingListener {
    /** After optimiser step {@code step} (0-based within the epoch) of {@code epoch}. */
    default void onStep(int epoch, int step, int stepsPerEpoch, double loss) {}

    /** After each epoch (and its validation, if any). */
    default void onEpoch(EpochReport report) {}

    /** A listener that ignores everything. */
    static TrainingListener none() { return new TrainingListener() {}; }
}
