package org.regionwise.tensorflow;

import org.regionwise.core.backend.Precision;

import java.nio.file.Path;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.tensorflow.internal.ModelGraph;
import org.regionwise.tensorflow.internal.TensorFlowLossProbe;
import org.regionwise.training.spi.Engine;
import org.regionwise.training.spi.ModelFiles;
import org.regionwise.training.spi.LossProbe;
import org.regionwise.training.spi.Network;
import org.regionwise.training.spi.TrainableNetwork;

/**
 * The TensorFlow Java 1.1.0 engine (CPU, graph mode): one graph and session per network holding the 2D U-Net, every
 * {@link LossSpec} lowered to graph ops at every deep-supervision scale, gradients, global-norm clipping and the Adam
 * update. Saved state: {@code model.properties} and {@code variables/model.*} (TensorFlow's checkpoint format);
 * export: a SavedModel (tag {@code serve}, signature {@code serving_default}: {@code image [B, H, W, C] -> probs
 * [B, H, W, K]}).
 */
public final class TensorFlowEngine implements Engine {
    private final Precision precision;

    /** The engine in float32. */
    public TensorFlowEngine() { this(Precision.FP32); }

    /**
     * The engine with its convolutions in {@code precision} (weights, optimiser, normalisation and loss in float32).
     *
     * @param precision the convolutions' arithmetic
     */
    public TensorFlowEngine(Precision precision) { this.precision = java.util.Objects.requireNonNull(precision, "precision"); }

    /**
     * The convolutions' arithmetic.
     *
     * @return the precision
     */
    public Precision precision() { return precision; }

    @Override public String name() { return ModelGraph.ENGINE; }

    @Override public String displayName() { return "TensorFlow"; }

    /**
     * Accepts 2D and 3D U-Nets; refuses bf16 for a 3D one (oneDNN's bf16 convolutions are used in 2D only here) and a
     * 3D one where the Conv3D gradients cannot be registered (Windows).
     */
    @Override
    public void validate(TrainingPlan plan) {
        if (plan.model() instanceof ModelSpec.UNet spec && spec.dimensions() == 3) {
            if (precision != Precision.FP32) {
                throw new IllegalArgumentException("--precision bf16 is 2D only in the TensorFlow backend; train the 3D U-Net in fp32");
            }
            if (!org.regionwise.tensorflow.internal.Conv3dGradients.register()) {
                throw new IllegalArgumentException("the TensorFlow backend cannot register its Conv3D gradients on this platform, so it cannot train a 3D U-Net here");
            }
        }
    }

    @Override
    public TrainableNetwork createForTraining(ModelSpec.UNet spec, LossSpec loss, OptimizerSpec optimizer, int threads) {
        return ModelGraph.forTraining(spec, loss, optimizer, threads, precision);
    }

    @Override
    public Network load(Path directory) {
        ModelSpec.UNet spec = ModelFiles.read(directory, name());
        ModelGraph graph = ModelGraph.forInference(spec, 0, precision);
        try {
            graph.restore(directory);
        } catch (RuntimeException e) {
            graph.close();
            throw new IllegalArgumentException("cannot restore the weights of " + directory + ": " + e.getMessage(), e);
        }
        return graph;
    }

    @Override public LossProbe lossProbe() { return new TensorFlowLossProbe(); }
}
