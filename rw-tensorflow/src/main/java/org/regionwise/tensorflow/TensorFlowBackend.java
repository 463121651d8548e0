package org.regionwise.tensorflow;

import org.regionwise.core.backend.Precision;

import org.regionwise.core.backend.ModelSpec;
import org.regionwise.training.EngineBackend;

/**
 * The TensorFlow backend: the {@link TensorFlowEngine} driven by rw-training's engine-neutral trainer
 * ({@link EngineBackend}). It trains {@link ModelSpec.UNet} 2D networks with any
 * {@link org.regionwise.core.loss.LossSpec}, the paper's Adam recipe, deep supervision with maps recomputed per scale,
 * checkpoints, resume and SavedModel export. See the module README.
 *
 * <pre>{@code
 * try (TrainedModel m = new TensorFlowBackend().train(plan, data, TrainingListener.none())) {
 *     LabelImage seg = m.segment(image);
 * }
 * }</pre>
 */
public final class TensorFlowBackend extends EngineBackend {

    /** Default options: half the cores build batches, automatic collapse detection without stop. */
    public TensorFlowBackend() { super(new TensorFlowEngine()); }

    /**
     * The backend with its convolutions in {@code precision}.
     *
     * @param precision fp32 or bf16
     */
    public TensorFlowBackend(Precision precision) { super(new TensorFlowEngine(precision)); }

}
