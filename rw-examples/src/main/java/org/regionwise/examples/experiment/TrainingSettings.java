package org.regionwise.examples.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.OptimizerSpec;
import org.regionwise.core.backend.Pooling;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.loss.LossSpec;

/**
 * The knobs of one training run that do not depend on the dataset or the loss: network size, schedule and optimiser.
 * The network is a 2D (or 3D) U-Net with instance normalisation and transposed-convolution upsampling, a 3D one with
 * nnU-Net's anisotropic kernels and strides for the training volumes' median spacing; the optimiser is the
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
 * @param dimensions         2: a 2D U-Net on slices; 3: a 3D U-Net on volumes (cubic patches)
 */
public record TrainingSettings(int epochs, int iterationsPerEpoch, int batchSize, int patchSize, int depth,
                               int baseFilters, double learningRate, boolean deepSupervision, int threads, int dimensions) {
    /**
     * 2D settings.
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
    public TrainingSettings(int epochs, int iterationsPerEpoch, int batchSize, int patchSize, int depth,
                            int baseFilters, double learningRate, boolean deepSupervision, int threads) {
        this(epochs, iterationsPerEpoch, batchSize, patchSize, depth, baseFilters, learningRate, deepSupervision, threads, 2);
    }

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
     * @param dimensions 2 or 3
     */
    public TrainingSettings {
        if (dimensions != 2 && dimensions != 3) throw new IllegalArgumentException("--dims must be 2 or 3, got " + dimensions);
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
    public ModelSpec.UNet model(int classes, int channels, long seed) { return model(classes, channels, seed, null); }

    /**
     * The network for data of median voxel spacing {@code spacing}: a 3D U-Net gets nnU-Net's kernels and strides for
     * it ({@link Pooling#forSpacing}); a 2D one, or no spacing, is isotropic.
     *
     * @param classes K
     * @param channels the input channels
     * @param seed the weight seed
     * @param spacing the training volumes' median spacing (mm, x, y, z), or null
     * @return the network
     */
    public ModelSpec.UNet model(int classes, int channels, long seed, double @Nullable [] spacing) {
        Pooling p = dimensions == 3 && spacing != null ? Pooling.forSpacing(spacing, depth) : new Pooling(List.of(), List.of());
        return new ModelSpec.UNet(dimensions, channels, classes, depth, baseFilters, baseFilters * 16, ModelSpec.Normalization.INSTANCE,
                ModelSpec.Upsampling.TRANSPOSED_CONVOLUTION, deepSupervision, seed, p.convKernels(), p.poolStrides());
    }

    /**
     * The per-axis median voxel spacing of {@code training} (mm; read from the headers of cached volumes), or null
     * when it holds no 3D volume.
     *
     * @param training the training samples
     * @return x, y, z medians, or null
     */
    public static double @Nullable [] medianSpacing(List<Sample> training) {
        List<double[]> sp = new java.util.ArrayList<>();
        if (training instanceof org.regionwise.training.cache.CachedVolumes cv) {
            for (int i = 0; i < cv.size(); i++) sp.add(cv.caseAt(i).spacing());
        } else {
            for (Sample s : training) if (s.image().grid().dimensions() == 3) sp.add(s.image().grid().spacings());
        }
        if (sp.isEmpty()) return null;
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) {
            double[] v = new double[sp.size()];
            for (int i = 0; i < v.length; i++) v[i] = sp.get(i)[a];
            out[a] = org.regionwise.training.plan.DatasetFingerprint.median(v);
        }
        return out;
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
        return plan(loss, classes, channels, seed, outputDirectory, null);
    }

    /**
     * The backend plan, a 3D network adapted to {@code spacing} ({@link #model(int, int, long, double[])}).
     *
     * @param loss the loss
     * @param classes K
     * @param channels the input channels
     * @param seed the seed
     * @param outputDirectory the checkpoint folder, or {@code null}
     * @param spacing the training volumes' median spacing, or null
     * @return the plan
     */
    public TrainingPlan plan(LossSpec loss, int classes, int channels, long seed, @Nullable Path outputDirectory, double @Nullable [] spacing) {
        return new TrainingPlan(model(classes, channels, seed, spacing), loss, optimizer(), epochs, iterationsPerEpoch, batchSize, patchSize,
                1, seed, threads, outputDirectory);
    }

    /**
     * The backend plan for {@code data}: its classes and channels, and for a 3D network its training volumes' median
     * spacing ({@link #medianSpacing}), which chooses the kernels and strides.
     *
     * @param loss the loss
     * @param data the training data
     * @param seed the seed
     * @param outputDirectory the checkpoint folder, or {@code null}
     * @return the plan
     */
    public TrainingPlan plan(LossSpec loss, org.regionwise.core.backend.TrainingData data, long seed, @Nullable Path outputDirectory) {
        return plan(loss, data.classes(), data.channels(), seed, outputDirectory, dimensions == 3 ? medianSpacing(data.training()) : null);
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
        if (dimensions == 3) m.put("dimensions", "3"); // absent: 2, as in runs written before 3D networks
        return m;
    }

    /**
     * The inverse of {@link #describe()} for its nine 2D keys: the settings from the value of each of them ({@code value}
     * throws, with the caller's message, for a key it lacks; a value that is not a number throws
     * {@link NumberFormatException}); apply {@link #withDimensions} for a {@code dimensions} key.
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
        return new TrainingSettings(epochs, iterationsPerEpoch, batchSize, p, depth, baseFilters, learningRate, deepSupervision, threads, dimensions);
    }

    /**
     * These settings for a 2D or 3D network.
     *
     * @param d 2 or 3
     * @return new settings
     */
    public TrainingSettings withDimensions(int d) {
        return new TrainingSettings(epochs, iterationsPerEpoch, batchSize, patchSize, depth, baseFilters, learningRate, deepSupervision, threads, d);
    }
}
