package org.regionwise.core.experiment;

import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;

/**
 * An immutable, ready-to-run experiment: a {@link TrainingPlan}, the {@link TrainingData} and the
 * {@link TrainingBackend} that will train it. Build one with {@code RegionWise.experiment()}. {@link #run()} may be
 * called more than once; each call trains a new model.
 */
public final class Experiment {
    private static final Logger LOG = LogManager.getLogger(Experiment.class);

    private final TrainingPlan plan;
    private final TrainingData data;
    private final TrainingBackend backend;
    private final TrainingListener listener;

    Experiment(TrainingPlan plan, TrainingData data, TrainingBackend backend, TrainingListener listener) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.data = Objects.requireNonNull(data, "data");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The validated plan.
     *
     * @return the plan
     */
    public TrainingPlan plan() { return plan; }

    /**
     * The data to train on.
     *
     * @return the data
     */
    public TrainingData data() { return data; }

    /**
     * The resolved backend.
     *
     * @return the backend
     */
    public TrainingBackend backend() { return backend; }

    /**
     * Trains with the listener given to the builder (if any). The caller closes the returned model.
     *
     * @return the trained model
     */
    public TrainedModel run() { return run(listener); }

    /**
     * Trains, reporting to {@code listener} instead of the builder's. The caller closes the returned model.
     *
     * @param listener receives progress
     * @return the trained model
     */
    public TrainedModel run(TrainingListener listener) {
        LOG.info("training {} on {} with loss {} for {} epochs on backend {}", plan.model(), data.name(), plan.loss().id(),
                plan.epochs(), backend.name());
        return backend.train(plan, data, listener);
    }

    @Override public String toString() {
        return "Experiment[" + data.name() + ", loss " + plan.loss().id() + ", " + plan.model() + ", " + plan.epochs()
                + " epochs, backend " + backend.name() + "]";
    }
}
