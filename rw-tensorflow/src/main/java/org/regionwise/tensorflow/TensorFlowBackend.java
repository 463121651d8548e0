package org.regionwise.tensorflow;

import java.nio.file.Path;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.training.EngineBackend;
import org.regionwise.training.NetworkModel;

/**
 * The TensorFlow backend: the {@link TensorFlowEngine} driven by rw-training's engine-neutral trainer. It trains
 * {@link ModelSpec.UNet} 2D networks with any {@link org.regionwise.core.loss.LossSpec}, the paper's Adam recipe,
 * deep supervision with maps recomputed per scale, checkpoints, resume and SavedModel export. See the module README.
 *
 * <pre>{@code
 * try (TrainedModel m = new TensorFlowBackend().train(plan, data, TrainingListener.none())) {
 *     LabelImage seg = m.segment(image);
 * }
 * }</pre>
 */
public final class TensorFlowBackend implements TrainingBackend {
    private final EngineBackend delegate;

    /** Default pipeline: half the cores build batches. */
    public TensorFlowBackend() { this(new EngineBackend(new TensorFlowEngine())); }

    private TensorFlowBackend(EngineBackend delegate) { this.delegate = delegate; }

    /**
     * A backend whose input pipeline uses {@code workers} batch-building threads (0: build batches on the training
     * thread) with {@code prefetch} batches queued ahead.
     */
    public TensorFlowBackend withPipeline(int workers, int prefetch) {
        return new TensorFlowBackend(delegate.withPipeline(workers, prefetch));
    }

    @Override public String name() { return delegate.name(); }

    /** Accepts 2D {@link ModelSpec.UNet} plans whose patch size is a multiple of {@code 2^depth}. */
    @Override public void validate(TrainingPlan plan) { delegate.validate(plan); }

    @Override
    public NetworkModel train(TrainingPlan plan, TrainingData data, TrainingListener listener) {
        return delegate.train(plan, data, listener);
    }

    /** {@link EngineBackend#resume}: continues from {@code plan.outputDirectory()/checkpoints/last}, equal to an uninterrupted run. */
    public NetworkModel resume(TrainingPlan plan, TrainingData data, TrainingListener listener) {
        return delegate.resume(plan, data, listener);
    }

    @Override public NetworkModel load(Path directory) { return delegate.load(directory); }
}
