package org.regionwise.tensorflow;

import java.nio.file.Path;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.tensorflow.internal.Checkpoints;
import org.regionwise.tensorflow.internal.ModelGraph;
import org.regionwise.tensorflow.internal.SpecFile;
import org.regionwise.tensorflow.internal.Trainer;

/**
 * The TensorFlow Java 1.1.0 backend (CPU, graph mode): trains {@link ModelSpec.UNet} 2D networks with any
 * {@link org.regionwise.core.loss.LossSpec}, the paper's Adam recipe, deep supervision with maps recomputed per scale,
 * checkpoints, resume and SavedModel export. See the module README for the design.
 *
 * <pre>{@code
 * try (TrainedModel m = new TensorFlowBackend().train(plan, data, TrainingListener.none())) {
 *     LabelImage seg = m.segment(image);
 * }
 * }</pre>
 */
public final class TensorFlowBackend implements TrainingBackend {
    private final Trainer.PipelineOptions pipeline;

    /** Default pipeline: half the cores build batches. */
    public TensorFlowBackend() { this(Trainer.PipelineOptions.defaults()); }

    private TensorFlowBackend(Trainer.PipelineOptions pipeline) { this.pipeline = pipeline; }

    /**
     * A backend whose input pipeline uses {@code workers} batch-building threads (0: build batches on the training
     * thread) with {@code prefetch} batches queued ahead.
     */
    public TensorFlowBackend withPipeline(int workers, int prefetch) {
        return new TensorFlowBackend(new Trainer.PipelineOptions(workers, prefetch));
    }

    @Override public String name() { return "tensorflow"; }

    /** Accepts 2D single-channel {@link ModelSpec.UNet} plans whose patch size is a multiple of {@code 2^depth}. */
    @Override public void validate(TrainingPlan plan) { Trainer.validate(plan); }

    @Override
    public TensorFlowModel train(TrainingPlan plan, TrainingData data, TrainingListener listener) {
        Trainer.Outcome o = Trainer.run(plan, data, listener, false, pipeline);
        return new TensorFlowModel(o.graph(), o.history());
    }

    /**
     * Continues the run of {@code plan} from {@code plan.outputDirectory()/checkpoints/last}: weights, Adam state,
     * batch-norm statistics, epoch, best Dice and history are restored, and the input pipeline resumes at the next
     * epoch's batches, so the result equals an uninterrupted run of the same plan.
     *
     * @throws IllegalArgumentException when the plan has no output directory or it holds no checkpoint
     */
    public TensorFlowModel resume(TrainingPlan plan, TrainingData data, TrainingListener listener) {
        Trainer.Outcome o = Trainer.run(plan, data, listener, true, pipeline);
        return new TensorFlowModel(o.graph(), o.history());
    }

    @Override
    public TensorFlowModel load(Path directory) {
        ModelSpec.UNet spec = SpecFile.read(directory);
        ModelGraph graph = ModelGraph.forInference(spec, 0);
        try {
            graph.restore(Checkpoints.variablesPrefix(directory));
        } catch (RuntimeException e) {
            graph.close();
            throw new IllegalArgumentException("cannot restore the weights of " + directory + ": " + e.getMessage(), e);
        }
        return new TensorFlowModel(graph, java.util.List.of());
    }
}
