package org.regionwise.core.backend;

import java.nio.file.Path;

/** A training backend, registered by {@link #name()} (e.g. {@code "tensorflow"}). */
public interface TrainingBackend {

    /**
     * The name configuration selects this backend by.
     *
     * @return the backend's registry name, e.g. {@code tensorflow}
     */
    String name();

    /**
     * Checks, before any work, that this backend can carry out {@code plan} (e.g. a backend without 3D support
     * rejects a 3D U-Net); throws {@link IllegalArgumentException} naming what it cannot do. The builder calls this
     * when an experiment is built. The default accepts every plan.
     *
     * @param plan the plan to check
     */
    default void validate(TrainingPlan plan) {}

    /**
     * Builds the network of {@code plan.model()}, trains it under {@code plan} on {@code data}, reports progress to
     * {@code listener}, and returns the trained model; never returns a half-trained model silently (a diverged run
     * throws).
     *
     * @param plan the network, loss, optimiser and schedule
     * @param data the training and validation cases
     * @param listener receives progress
     * @return the trained model, which the caller closes
     */
    TrainedModel train(TrainingPlan plan, TrainingData data, TrainingListener listener);

    /**
     * Loads a model saved with {@link TrainedModel#save(Path)}.
     *
     * @param directory a folder written by {@link TrainedModel#save(Path)}
     * @return the loaded model, which the caller closes
     */
    TrainedModel load(Path directory);
}
