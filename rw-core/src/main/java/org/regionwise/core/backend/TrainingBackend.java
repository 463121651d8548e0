package org.regionwise.core.backend;

import java.nio.file.Path;

/** A training backend, registered by {@link #name()} (e.g. {@code "tensorflow"}). */
public interface TrainingBackend {

    /** The name configuration selects this backend by. */
    String name();

    /** Trains a model; never returns a half-trained model silently (a diverged run throws). */
    TrainedModel train(TrainingPlan plan, TrainingData data, TrainingListener listener);

    /** Loads a model saved with {@link TrainedModel#save(Path)}. */
    TrainedModel load(Path directory);
}
