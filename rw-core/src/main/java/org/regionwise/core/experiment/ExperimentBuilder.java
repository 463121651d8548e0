package org.regionwise.core.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.core.loss.Losses;
import org.regionwise.core.loss.NamedLosses;
import org.regionwise.core.map.MapSpec;

/**
 * The stages of building an {@link Experiment}: {@link DataStage} → {@link LossStage} → {@link ModelStage} →
 * {@link Options} (optional settings, then {@link Options#build()}). Each stage only offers the next required step,
 * so an experiment without data, loss or model does not compile.
 *
 * <pre>{@code
 * Experiment e = RegionWise.experiment()
 *         .data(myData)
 *         .loss(Losses.regionWise(Maps.rectified()))
 *         .model(UNet.twoD().depth(4).baseFilters(32))
 *         .optimizer(Adam.learningRate(1e-4).weightDecay(3e-5))
 *         .epochs(100)
 *         .backend("tensorflow")
 *         .build();
 * try (TrainedModel model = e.run()) { ... }
 * }</pre>
 *
 * Builders are single-use and not thread-safe; the {@link Experiment} they build is immutable.
 */
public interface ExperimentBuilder {

    /** First step: the data. */
    interface DataStage {
        /**
         * The data to train on.
         *
         * @param data training and validation cases
         * @return the next stage
         */
        LossStage data(TrainingData data);

        /**
         * Data from lists: class names (index = label), training and validation samples.
         *
         * @param name a short name for logs
         * @param classNames the class names, index = label
         * @param training the training cases
         * @param validation the validation cases (may be empty)
         * @return the next stage
         */
        default LossStage data(String name, List<String> classNames, List<Sample> training, List<Sample> validation) {
            return data(TrainingData.of(name, classNames, training, validation));
        }
    }

    /** Second step: the loss. */
    interface LossStage {
        /**
         * The loss.
         *
         * @param loss the loss spec, e.g. {@code Losses.regionWise(Maps.rectified())}
         * @return the next stage
         */
        ModelStage loss(LossSpec loss);

        /**
         * A loss by name or combination ({@link NamedLosses#parse}), e.g. {@code "rrw"}, {@code "rrw+ce"}, {@code
         * "gradual:dice,rrw"}.
         *
         * @param name a name or combination
         * @return the next stage
         */
        default ModelStage loss(String name) { return loss(NamedLosses.parse(name)); }

        /**
         * The region-wise loss with {@code map}: {@code regionWise(Maps.rectified())} is the paper's RRW loss.
         *
         * @param map the RW map
         * @return the next stage
         */
        default ModelStage regionWise(MapSpec map) { return loss(Losses.regionWise(map)); }
    }

    /** Third step: the network. */
    interface ModelStage {
        /**
         * A U-Net, e.g. {@code UNet.twoD().depth(4)}.
         *
         * @param unet the network settings
         * @return the options stage
         */
        Options model(UNet unet);

        /**
         * A 2D U-Net with the defaults, adjusted by {@code configure}: {@code model(m -> m.depth(4))}.
         *
         * @param configure adjusts the default U-Net
         * @return the options stage
         */
        default Options model(Consumer<UNet> configure) {
            UNet unet = UNet.twoD();
            configure.accept(unet);
            return model(unet);
        }

        /**
         * A complete spec; its class count must match the data's.
         *
         * @param spec the network
         * @return the options stage
         */
        Options model(ModelSpec spec);
    }

    /** Optional settings (defaults in brackets), then {@link #build()}. */
    interface Options {
        /**
         * Optimiser [{@link Adam#paper()}].
         *
         * @param adam the optimiser
         * @return this stage
         */
        Options optimizer(Adam adam);

        /**
         * Optimiser from a spec.
         *
         * @param spec the optimiser settings
         * @return this stage
         */
        default Options optimizer(OptimizerSpec spec) { return optimizer(Adam.of(spec)); }

        /**
         * The paper's Adam changed by {@code adjust}: {@code optimizer(o -> o.weightDecay(0))}.
         *
         * @param adjust changes the paper's Adam
         * @return this stage
         */
        default Options optimizer(UnaryOperator<Adam> adjust) { return optimizer(adjust.apply(Adam.paper())); }

        /**
         * Number of epochs [100].
         *
         * @param epochs at least 1
         * @return this stage
         */
        Options epochs(int epochs);

        /**
         * Optimiser steps per epoch [250, the paper's].
         *
         * @param iterations at least 1
         * @return this stage
         */
        Options iterationsPerEpoch(int iterations);

        /**
         * Patches per step [8].
         *
         * @param batchSize at least 1
         * @return this stage
         */
        Options batchSize(int batchSize);

        /**
         * Square training patch edge in voxels [128].
         *
         * @param patchSize the edge in voxels
         * @return this stage
         */
        Options patchSize(int patchSize);

        /**
         * Validate every this many epochs, and after the last [1].
         *
         * @param epochs the validation interval, at least 1
         * @return this stage
         */
        Options validateEvery(int epochs);

        /**
         * Seed of weights, sampling and augmentation [42].
         *
         * @param seed any value
         * @return this stage
         */
        Options seed(long seed);

        /**
         * Intra-op threads; {@code <= 0} means all cores [0].
         *
         * @param threads the thread count
         * @return this stage
         */
        Options threads(int threads);

        /**
         * Where checkpoints, history and exports go [none: in memory].
         *
         * @param directory the run folder
         * @return this stage
         */
        Options outputDirectory(Path directory);

        /**
         * The backend registered under {@code name} [the configured one, {@code regionwise.backend}].
         *
         * @param name a registered backend's name
         * @return this stage
         */
        Options backend(String name);

        /**
         * This backend instance, bypassing the registry.
         *
         * @param backend the backend to train on
         * @return this stage
         */
        Options backend(TrainingBackend backend);

        /**
         * Receives progress in {@link Experiment#run()} [none].
         *
         * @param listener receives progress
         * @return this stage
         */
        Options listener(TrainingListener listener);

        /**
         * Progress of each epoch in {@link Experiment#run()}: {@code onEpoch(r -> log(r))}.
         *
         * @param onEpoch called after each epoch
         * @return this stage
         */
        default Options onEpoch(Consumer<org.regionwise.core.backend.EpochReport> onEpoch) {
            return listener(new TrainingListener() {
                @Override public void onEpoch(org.regionwise.core.backend.EpochReport report) { onEpoch.accept(report); }
            });
        }

        /**
         * The immutable experiment. Resolves the backend and lets it {@linkplain TrainingBackend#validate validate}
         * the plan.
         *
         * @return the experiment
         * @throws IllegalArgumentException for an invalid setting, an unknown backend name (the message lists the
         *                                  known ones), or a plan the backend cannot carry out
         */
        Experiment build();
    }
}
