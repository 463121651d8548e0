package org.regionwise.training.spi;

import java.nio.file.Path;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.LossSpec;

/**
 * What a training engine (TensorFlow Java, PyTorch through DJL, ...) supplies: the network of a {@link ModelSpec.UNet},
 * one optimiser step, prediction, full state save and restore, export. Everything else (patch sampling,
 * augmentation, maps per scale, the prefetch pipeline, validation, checkpoint policy, history, resume, progress,
 * the non-finite-loss stop) is the engine-neutral {@link org.regionwise.training.Trainer}'s, written once.
 *
 * <p>The split follows DJL's {@code Engine}/{@code Block}/{@code Trainer} and PyTorch Lightning's Trainer with
 * plug-in strategies: the engine owns the tensors, the trainer owns the loop. An engine passes the conformance suite
 * ({@code org.regionwise.training.conformance.EngineConformanceSuite} in rw-training's test jar) by extending it.
 *
 * <p>Contract: weights are drawn in Java from {@code (spec.seed(), variable name)} so every engine starts from the
 * same initial weights; {@link TrainableNetwork#step} is deterministic for a fixed thread count.
 */
public interface Engine {

    /**
     * The name configuration selects the engine by ({@code "tensorflow"}, {@code "pytorch"}).
     *
     * @return the name
     */
    String name();

    /**
     * The name shown to users in messages ({@code "TensorFlow"}).
     *
     * @return the display name
     */
    String displayName();

    /**
     * Rejects, before any work, plans this engine cannot carry out beyond what the trainer itself checks (e.g. 3D
     * networks); throws {@link IllegalArgumentException} naming the reason. The default accepts every plan.
     *
     * @param plan the plan
     */
    default void validate(TrainingPlan plan) {}

    /**
     * A network of {@code spec} with its loss (lowered from {@code loss} at every output scale), optimiser and
     * schedule inputs, not yet initialised.
     *
     * @param spec the network
     * @param loss the loss
     * @param optimizer the optimiser
     * @param threads intra-op threads; {@code <= 0} means all cores
     * @return the network, which the caller closes
     */
    TrainableNetwork createForTraining(ModelSpec.UNet spec, LossSpec loss, OptimizerSpec optimizer, int threads);

    /**
     * An inference-only network restored from a directory written by {@link Network#save} or {@link Network#export};
     * reads the spec with {@link ModelFiles#read(java.nio.file.Path, String) ModelFiles.read(directory, name())}, so
     * that another engine's model is refused naming that engine.
     *
     * @param directory the model folder
     * @return the network, which the caller closes
     */
    Network load(Path directory);

    /**
     * The engine's loss lowering on its own, for the conformance suite's comparison with the reference losses.
     *
     * @return the probe
     */
    LossProbe lossProbe();
}
