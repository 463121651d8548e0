package org.regionwise.examples.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.LossSpec;

/**
 * The knobs of one training run that do not depend on the dataset or the loss: network size, schedule and optimiser.
 * The network is a 2D U-Net with instance normalisation and transposed-convolution upsampling; the optimiser is the
 * paper's Adam recipe (L2 weight decay 3e-5, poly 0.9, gradient-norm clip 12) with the given learning rate.
 *
 * @param epochs             epochs
 * @param iterationsPerEpoch optimiser steps per epoch
 * @param batchSize          patches per step
 * @param patchSize          square training patch edge, pixels (a multiple of {@code 2^depth})
 * @param depth              U-Net poolings
 * @param baseFilters        filters of the first stage (doubling per stage, capped at 16x)
 * @param learningRate       initial Adam learning rate
 * @param deepSupervision    deep supervision with maps recomputed per scale
 * @param threads            intra-op threads, {@code <= 0} = all cores
 */
public record TrainingSettings(int epochs, int iterationsPerEpoch, int batchSize, int patchSize, int depth,
                               int baseFilters, double learningRate, boolean deepSupervision, int threads) {
    /**
     * Checks every setting's range (the messages name the {@code rw} options).
     *
     * @param epochs epochs
     * @param iterationsPerEpoch optimiser steps per epoch
     * @param batchSize patches per step
     * @param patchSize square training patch edge, pixels (a multiple of {@code 2^depth})
     * @param depth U-Net poolings
     * @param baseFilters filters of the first stage (doubling per stage, capped at 16x)
     * @param learningRate initial Adam learning rate
     * @param deepSupervision deep supervision with maps recomputed per scale
     * @param threads intra-op threads, {@code <= 0} = all cores
     */
    public TrainingSettings {
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        if (iterationsPerEpoch < 1) throw new IllegalArgumentException("--iterations must be >= 1, got " + iterationsPerEpoch);
        if (batchSize < 1) throw new IllegalArgumentException("--batch must be >= 1, got " + batchSize);
        if (depth < 1 || depth > 6) throw new IllegalArgumentException("--depth must be in [1, 6], got " + depth);
        if (patchSize < 8 || patchSize % (1 << depth) != 0) {
            throw new IllegalArgumentException("--patch must be >= 8 and a multiple of 2^depth = " + (1 << depth) + ", got " + patchSize);
        }
        if (baseFilters < 1) throw new IllegalArgumentException("--base-filters must be >= 1, got " + baseFilters);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("--lr must be > 0, got " + learningRate);
    }

    /**
     * The small defaults of {@code rw compare}: 10 epochs × 15 steps of batch 4, 64 px patches, a depth-3 U-Net with
     * 8 base filters, learning rate 3e-3 (30 times the paper's 1e-4, because the runs are about 500 times shorter).
     *
     * @return the settings
     */
    public static TrainingSettings quick() { return new TrainingSettings(10, 15, 4, 64, 3, 8, 3e-3, false, 0); }

    /**
     * The network for {@code channels} input channels and {@code classes} classes, weights seeded by {@code seed}.
     *
     * @param classes K
     * @param channels the input channels
     * @param seed the weight seed
     * @return the network
     */
    public ModelSpec.UNet model(int classes, int channels, long seed) {
        return new ModelSpec.UNet(2, channels, classes, depth, baseFilters, baseFilters * 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, deepSupervision, seed);
    }

    /**
     * The optimiser: the paper's Adam recipe with this learning rate.
     *
     * @return the optimiser settings
     */
    public OptimizerSpec optimizer() {
        OptimizerSpec p = OptimizerSpec.paper();
        return new OptimizerSpec(learningRate, p.weightDecay(), p.decoupledWeightDecay(), p.polyPower(), p.clipNorm());
    }

    /**
     * The backend plan for data with {@code channels} input channels, validating after every epoch.
     *
     * @param loss the loss
     * @param classes K
     * @param channels the input channels
     * @param seed the seed
     * @param outputDirectory the checkpoint folder, or {@code null}
     * @return the plan
     */
    public TrainingPlan plan(LossSpec loss, int classes, int channels, long seed, @Nullable Path outputDirectory) {
        return new TrainingPlan(model(classes, channels, seed), loss, optimizer(), epochs, iterationsPerEpoch, batchSize, patchSize,
                1, seed, threads, outputDirectory);
    }

    /**
     * Total optimiser steps.
     *
     * @return epochs × iterations per epoch
     */
    public long totalSteps() { return (long) epochs * iterationsPerEpoch; }

    /**
     * Name/value pairs for configs and reports.
     *
     * @return the pairs, in a stable order
     */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("epochs", Integer.toString(epochs));
        m.put("iterations_per_epoch", Integer.toString(iterationsPerEpoch));
        m.put("batch", Integer.toString(batchSize));
        m.put("patch", Integer.toString(patchSize));
        m.put("depth", Integer.toString(depth));
        m.put("base_filters", Integer.toString(baseFilters));
        m.put("learning_rate", Double.toString(learningRate));
        m.put("deep_supervision", Boolean.toString(deepSupervision));
        m.put("threads", Integer.toString(threads));
        return m;
    }

    /**
     * The inverse of {@link #describe()}: the settings from the value of each of its keys ({@code value} throws, with
     * the caller's message, for a key it lacks; a value that is not a number throws {@link NumberFormatException}).
     *
     * @param value the value of a key
     * @return the settings
     */
    public static TrainingSettings fromDescription(java.util.function.Function<String, String> value) {
        return new TrainingSettings(Integer.parseInt(value.apply("epochs")), Integer.parseInt(value.apply("iterations_per_epoch")),
                Integer.parseInt(value.apply("batch")), Integer.parseInt(value.apply("patch")), Integer.parseInt(value.apply("depth")),
                Integer.parseInt(value.apply("base_filters")), Double.parseDouble(value.apply("learning_rate")),
                Boolean.parseBoolean(value.apply("deep_supervision")), Integer.parseInt(value.apply("threads")));
    }

    /**
     * These settings with another patch size.
     *
     * @param p the patch edge in pixels
     * @return new settings
     */
    public TrainingSettings withPatch(int p) {
        return new TrainingSettings(epochs, iterationsPerEpoch, batchSize, p, depth, baseFilters, learningRate, deepSupervision, threads);
    }
}
