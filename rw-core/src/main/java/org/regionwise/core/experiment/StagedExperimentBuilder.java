package org.regionwise.core.experiment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.LossSpec;

/** The one mutable object behind every stage of {@link ExperimentBuilder}. */
final class StagedExperimentBuilder implements ExperimentBuilder.DataStage, ExperimentBuilder.LossStage,
        ExperimentBuilder.ModelStage, ExperimentBuilder.Options {

    private final Function<String, TrainingBackend> registry;
    private final String defaultBackend;

    private @Nullable TrainingData data;
    private @Nullable LossSpec loss;
    private @Nullable UNet unet;
    private @Nullable ModelSpec modelSpec;
    private Adam optimizer = Adam.paper();
    private int epochs = 100;
    private int iterationsPerEpoch = 250;
    private int batchSize = 8;
    private int patchSize = 128;
    private int validateEvery = 1;
    private long seed = 42;
    private int threads = 0;
    private @Nullable Path outputDirectory;
    private @Nullable String backendName;
    private @Nullable TrainingBackend backend;
    private TrainingListener listener = TrainingListener.none();

    /**
     * @param registry       resolves a backend name (throwing an exception that lists the known names)
     * @param defaultBackend the name used when the builder is given none
     */
    StagedExperimentBuilder(Function<String, TrainingBackend> registry, String defaultBackend) {
        this.registry = registry;
        this.defaultBackend = defaultBackend;
    }

    @Override public ExperimentBuilder.LossStage data(TrainingData data) {
        this.data = Objects.requireNonNull(data, "data");
        return this;
    }

    @Override public ExperimentBuilder.ModelStage loss(LossSpec loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        return this;
    }

    @Override public ExperimentBuilder.Options model(UNet unet) {
        this.unet = Objects.requireNonNull(unet, "unet");
        this.modelSpec = null;
        return this;
    }

    @Override public ExperimentBuilder.Options model(ModelSpec spec) {
        this.modelSpec = Objects.requireNonNull(spec, "spec");
        this.unet = null;
        return this;
    }

    @Override public ExperimentBuilder.Options optimizer(Adam adam) { this.optimizer = Objects.requireNonNull(adam, "adam"); return this; }
    @Override public ExperimentBuilder.Options epochs(int epochs) { this.epochs = epochs; return this; }
    @Override public ExperimentBuilder.Options iterationsPerEpoch(int iterations) { this.iterationsPerEpoch = iterations; return this; }
    @Override public ExperimentBuilder.Options batchSize(int batchSize) { this.batchSize = batchSize; return this; }
    @Override public ExperimentBuilder.Options patchSize(int patchSize) { this.patchSize = patchSize; return this; }
    @Override public ExperimentBuilder.Options validateEvery(int epochs) { this.validateEvery = epochs; return this; }
    @Override public ExperimentBuilder.Options seed(long seed) { this.seed = seed; return this; }
    @Override public ExperimentBuilder.Options threads(int threads) { this.threads = threads; return this; }

    @Override public ExperimentBuilder.Options outputDirectory(Path directory) {
        this.outputDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    @Override public ExperimentBuilder.Options backend(String name) {
        this.backendName = Objects.requireNonNull(name, "name");
        this.backend = null;
        return this;
    }

    @Override public ExperimentBuilder.Options backend(TrainingBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.backendName = null;
        return this;
    }

    @Override public ExperimentBuilder.Options listener(TrainingListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    @Override public Experiment build() {
        TrainingData d = Objects.requireNonNull(data, "data");
        LossSpec l = Objects.requireNonNull(loss, "loss");
        ModelSpec model;
        if (unet != null) {
            model = unet.toSpec(d.classes(), d.channels(), seed);
        } else {
            model = Objects.requireNonNull(modelSpec, "model");
            if (model.classes() != d.classes()) {
                throw new IllegalArgumentException("model has " + model.classes() + " classes but data " + d.name() + " has " + d.classes()
                        + " (" + d.classNames() + ")");
            }
            if (model instanceof ModelSpec.UNet u && u.inputChannels() != d.channels()) {
                throw new IllegalArgumentException("model has " + u.inputChannels() + " input channels but data " + d.name()
                        + " has " + d.channels());
            }
        }
        TrainingPlan plan = new TrainingPlan(model, l, optimizer.spec(), epochs, iterationsPerEpoch, batchSize, patchSize,
                validateEvery, seed, threads, outputDirectory);
        TrainingBackend b = backend != null ? backend : registry.apply(backendName != null ? backendName : defaultBackend);
        b.validate(plan);
        return new Experiment(plan, d, b, listener);
    }
}
