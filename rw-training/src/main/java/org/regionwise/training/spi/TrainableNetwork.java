package org.regionwise.training.spi;

import java.nio.file.Path;

/** A {@link Network} with its loss and optimiser: what the trainer drives step by step. */
public interface TrainableNetwork extends Network {

    /**
     * Number of output scales trained ({@link OutputScales#of}); every batch carries labels and maps for each.
     *
     * @return the count
     */
    int scales();

    /** Assigns every variable its seeded initial value (drawn in Java from {@code (seed, variable name)}). */
    void initialize();

    /**
     * One optimiser step on {@code batch}: forward, the loss at every scale weighted by deep supervision, backward,
     * global-norm clipping, the update. The returned loss is the value before the update.
     *
     * @param batch the batch
     * @param learningRate this epoch's learning rate
     * @param alphas       this epoch's alpha of each gradual combination ({@link GradualAlphas#at})
     * @return the loss and gradient norm
     */
    StepResult step(Batch batch, double learningRate, double[] alphas);

    /**
     * The loss of {@code batch} without updating.
     *
     * @param batch the batch
     * @param alphas the gradual weights
     * @return the loss
     */
    double evaluateLoss(Batch batch, double[] alphas);

    /**
     * Restores the complete state written by {@link #save} (weights, optimiser moments and step).
     *
     * @param directory the folder {@link #save} wrote
     */
    void restore(Path directory);
}
