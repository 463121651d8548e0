package org.regionwise.core;

import org.regionwise.core.experiment.ExperimentBuilder;
import org.regionwise.core.experiment.Experiments;

/**
 * Entry point of the fluent API.
 *
 * <pre>{@code
 * Experiment experiment = RegionWise.experiment()
 *         .data(myData)
 *         .loss(Losses.regionWise(Maps.rectified()))
 *         .model(UNet.twoD().depth(4).baseFilters(32))
 *         .optimizer(Adam.learningRate(1e-4).weightDecay(3e-5))
 *         .epochs(100)
 *         .backend("tensorflow")
 *         .build();
 * try (TrainedModel model = experiment.run()) {
 *     LabelImage segmentation = model.segment(image);
 * }
 * }</pre>
 *
 * More examples: {@code rw-core/README-api.md}. With Guice, inject
 * {@link org.regionwise.core.experiment.Experiments} instead.
 */
public final class RegionWise {
    private RegionWise() {}

    /**
     * A new experiment builder over the backends discovered on the class path ({@link Experiments#discover()}),
     * defaulting to the configured backend ({@code regionwise.backend}, see
     * {@link org.regionwise.core.config.RegionWiseConfiguration}).
     *
     * @return the first stage of a new builder
     */
    public static ExperimentBuilder.DataStage experiment() { return Experiments.discover().experiment(); }

    /**
     * A new experiment builder over the given backend registry.
     *
     * @param experiments the backends to choose from and the configuration
     * @return the first stage of a new builder
     */
    public static ExperimentBuilder.DataStage experiment(Experiments experiments) { return experiments.experiment(); }
}
