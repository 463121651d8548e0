package org.regionwise.training;

import java.nio.file.Path;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.training.spi.Engine;
import org.regionwise.training.spi.Network;

/**
 * A {@link TrainingBackend} made of an {@link Engine} and the engine-neutral {@link Trainer}: what every engine module
 * registers under its name.
 *
 * <pre>{@code
 * TrainingBackend b = new EngineBackend(new TensorFlowEngine());
 * try (TrainedModel m = b.train(plan, data, TrainingListener.none())) { ... }
 * }</pre>
 */
public class EngineBackend implements TrainingBackend {
    private final Engine engine;
    private final TrainerOptions options;

    /**
     * The default options: half the cores build batches, automatic collapse detection without stop.
     *
     * @param engine the engine
     */
    public EngineBackend(Engine engine) { this(engine, TrainerOptions.defaults()); }

    /**
     * The engine with other pipeline options.
     *
     * @param engine the engine
     * @param pipeline the batch-building threads and prefetch
     */
    public EngineBackend(Engine engine, PipelineOptions pipeline) { this(engine, TrainerOptions.defaults().withPipeline(pipeline)); }

    /**
     * The engine with other trainer options.
     *
     * @param engine the engine
     * @param options pipeline, collapse policy and diagnostics
     */
    public EngineBackend(Engine engine, TrainerOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /**
     * The same engine with {@code workers} batch-building threads (0: on the training thread) and {@code prefetch}
     * batches ahead.
     *
     * @param workers the batch-building threads
     * @param prefetch the batches built ahead
     * @return a new backend
     */
    public EngineBackend withPipeline(int workers, int prefetch) {
        return withOptions(options.withPipeline(new PipelineOptions(workers, prefetch)));
    }

    /**
     * The same engine with other trainer options (collapse policy, diagnostics, pipeline).
     *
     * @param other the options
     * @return a new backend
     */
    public EngineBackend withOptions(TrainerOptions other) { return new EngineBackend(engine, other); }

    /**
     * The engine.
     *
     * @return the engine
     */
    public Engine engine() { return engine; }

    /**
     * The trainer options.
     *
     * @return the options
     */
    public TrainerOptions options() { return options; }

    @Override public String name() { return engine.name(); }

    @Override public void validate(TrainingPlan plan) { Trainer.validate(engine, plan); }

    @Override
    public NetworkModel train(TrainingPlan plan, TrainingData data, TrainingListener listener) {
        Trainer.Outcome o = Trainer.run(engine, plan, data, listener, false, options);
        return new NetworkModel(o.network(), o.history()).withInference(Trainer.inference(plan));
    }

    /**
     * Continues the run of {@code plan} from {@code plan.outputDirectory()/checkpoints/last}; the result equals an
     * uninterrupted run of the same plan.
     *
     * @param plan the plan of the interrupted run
     * @param data the same data
     * @param listener receives progress
     * @return the trained model
     * @throws IllegalArgumentException when the plan has no output directory or it holds no checkpoint
     */
    public NetworkModel resume(TrainingPlan plan, TrainingData data, TrainingListener listener) {
        Trainer.Outcome o = Trainer.run(engine, plan, data, listener, true, options);
        return new NetworkModel(o.network(), o.history()).withInference(Trainer.inference(plan));
    }

    /**
     * Loads a model saved by {@link NetworkModel#save} (or a checkpoint directory) of this engine; it predicts as it
     * was saved predicting ({@link NetworkModel#recordedInference}: a 3D model by the windows of its training patch).
     */
    @Override
    public NetworkModel load(Path directory) {
        Inference inference = NetworkModel.recordedInference(directory);
        Network n = engine.load(directory);
        return new NetworkModel(n, java.util.List.of()).withInference(inference);
    }
}
