package org.regionwise.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.Metrics;
import org.regionwise.training.cache.CachedCase;
import org.regionwise.training.cache.MappedCases;
import org.regionwise.training.internal.BatchFactory;
import org.regionwise.training.internal.BatchPipeline;
import org.regionwise.training.internal.Checkpoints;
import org.regionwise.training.internal.HistoryCsv;
import org.regionwise.training.internal.Predictor;
import org.regionwise.training.spi.Batch;
import org.regionwise.training.spi.Engine;
import org.regionwise.training.spi.GradualAlphas;
import org.regionwise.training.spi.ModelFiles;
import org.regionwise.training.spi.OutputScales;
import org.regionwise.training.spi.StepResult;
import org.regionwise.training.spi.TrainableNetwork;

/**
 * The engine-neutral training loop: {@code epochs x iterationsPerEpoch} optimiser steps of an {@link Engine}'s
 * network on batches from the prefetching pipeline (patches, augmentation, the loss's maps at every output scale),
 * the poly learning rate and gradual-loss alphas per epoch, validation (per-class Dice and Hausdorff distance in mm
 * from rw-metrics, averaged over validation cases ignoring NaN) every {@code validateEvery} epochs and after the last,
 * {@code history.csv} and atomic checkpoints ({@code last}, {@code best} by mean foreground Dice) in the run's output
 * directory, and a {@link TrainingDivergedException} on a non-finite loss (the last checkpoint stays as it was).
 */
public final class Trainer {
    private static final Logger LOG = LogManager.getLogger(Trainer.class);

    /** The trained network and its history; the caller owns (closes) the network. */
    public record Outcome(TrainableNetwork network, List<EpochReport> history, long batchWaitNanos) {}

    private Trainer() {}

    /**
     * Trains from scratch, or resumes from {@code plan.outputDirectory()/checkpoints/last} when {@code resume} is true
     * (weights, optimiser state, epoch, best Dice and history restored; the pipeline resumes at the next epoch's
     * batches, so the result equals the uninterrupted run).
     *
     * @param engine the engine
     * @param plan the plan
     * @param data the data
     * @param listener receives progress
     * @param resume whether to continue from the last checkpoint
     * @param options the batch-building threads and prefetch
     * @return the outcome
     */
    public static Outcome run(Engine engine, TrainingPlan plan, TrainingData data, TrainingListener listener, boolean resume,
                              PipelineOptions options) {
        return run(engine, plan, data, listener, resume, TrainerOptions.defaults().withPipeline(options));
    }

    /**
     * {@link #run(Engine, TrainingPlan, TrainingData, TrainingListener, boolean, PipelineOptions)} with collapse
     * detection and diagnostics as {@code options} say: a foreground class predicted nowhere on validation is logged
     * once with a remedy and recorded in {@code history.csv}, and ends the run with a
     * {@link TrainingCollapsedException} (after the epoch's checkpoint) when the policy says stop; with diagnostics,
     * {@code diagnostics.csv} gets the {@link GradientDiagnostics} of every validation.
     *
     * @param engine the engine
     * @param plan the plan
     * @param data the data
     * @param listener receives progress
     * @param resume whether to continue from the last checkpoint
     * @param trainerOptions pipeline, collapse policy and diagnostics
     * @return the outcome
     */
    public static Outcome run(Engine engine, TrainingPlan plan, TrainingData data, TrainingListener listener, boolean resume,
                              TrainerOptions trainerOptions) {
        PipelineOptions options = trainerOptions.pipeline();
        CollapsePolicy collapse = trainerOptions.collapse().resolve(plan.epochs(), plan.validateEvery());
        validate(engine, plan);
        ModelSpec.UNet spec = (ModelSpec.UNet) plan.model();
        if (spec.classes() != data.classes()) {
            throw new IllegalArgumentException("the model has K=" + spec.classes() + " classes but the data '" + data.name()
                    + "' has " + data.classes() + " " + data.classNames());
        }
        for (List<Sample> split : List.of(data.training(), data.validation())) {
            if (split instanceof MappedCases mc) { // checked when the cache was written: read the headers only
                int channels = mc.channels();
                for (int i = 0; i < mc.size(); i++) {
                    CachedCase c = mc.caseAt(i);
                    if (c.classes() > spec.classes()) {
                        throw new IllegalArgumentException("case file " + c.file() + " holds K=" + c.classes()
                                + " classes but the model has K=" + spec.classes());
                    }
                }
                if (!split.isEmpty() && channels != spec.inputChannels()) {
                    throw new IllegalArgumentException("the cached cases of '" + data.name() + "' have " + channels
                            + " image channel(s) but the model expects inputChannels=" + spec.inputChannels());
                }
                continue;
            }
            if (split == data.training()) for (Sample s : split) s.labels().requireClasses(spec.classes());
            for (Sample s : split) {
                if (s.channelCount() != spec.inputChannels()) {
                    throw new IllegalArgumentException("case " + s.id() + " of '" + data.name() + "' has " + s.channelCount()
                            + " image channel(s) but the model expects inputChannels=" + spec.inputChannels());
                }
            }
        }
        Path out = plan.outputDirectory();
        if (resume && out == null) throw new IllegalArgumentException("resuming needs the plan's output directory");

        TrainableNetwork network = engine.createForTraining(spec, plan.loss(), plan.optimizer(), plan.threads());
        try {
            network.initialize();
            List<EpochReport> history = new ArrayList<>();
            int startEpoch = 0;
            double bestDice = Double.NEGATIVE_INFINITY;
            int bestEpoch = -1;
            CollapseDetector detector = new CollapseDetector(collapse);
            GradientDiagnostics diagnostics = trainerOptions.diagnostics() ? new GradientDiagnostics(plan.loss(), spec.classes()) : null;
            StringBuilder diagnosticsCsv = new StringBuilder(GradientDiagnostics.csvHeader()).append('\n');
            if (resume && diagnostics != null && out != null && Files.exists(out.resolve(DIAGNOSTICS))) {
                diagnosticsCsv.setLength(0);
                diagnosticsCsv.append(Files.readString(out.resolve(DIAGNOSTICS)));
            }
            if (resume) {
                Checkpoints.Located found = Checkpoints.locateValid(out, Checkpoints.LAST).orElseThrow(() ->
                        new IllegalArgumentException("no intact checkpoint to resume from in " + Checkpoints.root(out) + Checkpoints.damage(out)));
                for (String w : found.warnings()) LOG.warn(w);
                Path ckpt = found.path();
                ModelSpec.UNet saved = ModelFiles.read(ckpt, engine.name());
                if (!saved.equals(spec)) {
                    throw new IllegalArgumentException("checkpoint " + ckpt + " holds " + saved + " but the plan asks for " + spec);
                }
                network.restore(ckpt);
                Checkpoints.State st = Checkpoints.readState(ckpt);
                startEpoch = st.epochsDone();
                bestDice = st.bestDice();
                bestEpoch = st.bestEpoch();
                history.addAll(Checkpoints.readHistory(ckpt));
                for (EpochReport h : history) detector.update(h);
                LOG.info("resuming {} from {} after {} epoch(s)", spec, ckpt, startEpoch);
            } else if (out != null) {
                Files.createDirectories(out);
            }
            long waited = 0;
            if (startEpoch < plan.epochs()) {
                BatchFactory factory = BatchFactory.forPlan(plan, data.training(), network.scales(), true);
                try (BatchPipeline pipeline = new BatchPipeline(factory, startEpoch, plan.epochs(), plan.iterationsPerEpoch(),
                        options.workers(), options.prefetch())) {
                    for (int epoch = startEpoch; epoch < plan.epochs(); epoch++) {
                        long t0 = System.nanoTime();
                        double lr = plan.optimizer().learningRateAt(epoch, plan.epochs());
                        double[] alphas = GradualAlphas.at(plan.loss(), epoch);
                        double lossSum = 0;
                        for (int step = 0; step < plan.iterationsPerEpoch(); step++) {
                            Batch batch = pipeline.next();
                            StepResult r = network.step(batch, lr, alphas);
                            if (!Double.isFinite(r.loss())) {
                                String where = out == null ? "no checkpoint (no output directory)"
                                        : Checkpoints.locate(out, Checkpoints.LAST).map(p -> "the last good checkpoint is " + p)
                                                .orElse("no checkpoint was written yet");
                                throw new TrainingDivergedException("training diverged: loss is " + r.loss() + " at epoch " + epoch
                                        + ", step " + step + " (learning rate " + lr + ", gradient norm " + r.gradientNorm() + "); " + where,
                                        epoch, step);
                            }
                            lossSum += r.loss();
                            listener.onStep(epoch, step, plan.iterationsPerEpoch(), r.loss());
                        }
                        boolean validate = !data.validation().isEmpty()
                                && ((epoch + 1) % plan.validateEvery() == 0 || epoch == plan.epochs() - 1);
                        List<Double> dice = List.of(), hd = List.of();
                        List<Long> predicted = List.of();
                        if (validate) {
                            Validation m = validate(network, data.validation(), spec.classes(), inference(plan));
                            dice = m.dice();
                            hd = m.hausdorffMm();
                            predicted = m.predictedVoxels();
                            if (diagnostics != null) {
                                diagnosticsCsv.append(diagnostics.csvRows(epoch, diagnostics.measure(network, data.validation(), epoch)));
                            }
                        }
                        EpochReport report = new EpochReport(epoch, lossSum / plan.iterationsPerEpoch(), lr, dice, hd,
                                (System.nanoTime() - t0) / 1e9, predicted);
                        history.add(report);
                        List<Integer> collapsed = detector.update(report);
                        for (int k : collapsed) LOG.warn(detector.message(k, data.classNames().get(k), epoch));
                        LOG.info("epoch {}/{}: loss {} lr {} {}", epoch + 1, plan.epochs(), report.trainLoss(), lr,
                                validate ? "dice " + dice + " hd " + hd : "");
                        if (out != null) {
                            double mean = validate ? EpochReport.meanForeground(dice) : Double.NaN;
                            boolean best = validate && !Double.isNaN(mean) && mean > bestDice;
                            if (best) { bestDice = mean; bestEpoch = epoch; }
                            Checkpoints.State state = new Checkpoints.State(epoch + 1, bestDice, bestEpoch);
                            Inference segmentation = inference(plan);
                            Checkpoints.Writer_ save = dir -> { network.save(dir); NetworkModel.writeInference(dir, segmentation); };
                            Checkpoints.write(out, Checkpoints.LAST, save, state, history, spec.classes());
                            if (best) Checkpoints.write(out, Checkpoints.BEST, save, state, history, spec.classes());
                            HistoryCsv.write(out.resolve("history.csv"), history, spec.classes(), collapse);
                            if (diagnostics != null) org.regionwise.core.io.AtomicFiles.writeString(out.resolve(DIAGNOSTICS), diagnosticsCsv.toString());
                        }
                        listener.onEpoch(report);
                        if (collapse.stop() && !collapsed.isEmpty()) {
                            List<String> what = new ArrayList<>();
                            for (int k : collapsed) what.add(detector.message(k, data.classNames().get(k), epoch));
                            throw new TrainingCollapsedException("training stopped on collapse: " + String.join("; ", what)
                                    + (out == null ? "" : "; the last checkpoint is " + Checkpoints.root(out).resolve(Checkpoints.LAST)),
                                    epoch, collapsed);
                        }
                    }
                    waited = pipeline.waitedNanos();
                }
            }
            return new Outcome(network, history, waited);
        } catch (IOException e) {
            network.close();
            throw new UncheckedIOException("training I/O failed in " + out, e);
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    /**
     * Rejects plans that cannot be trained, naming the reason: a model that is not a {@link ModelSpec.UNet}, a patch
     * size that is not a multiple of {@code 2^depth} or too small for the deepest supervised output, and whatever
     * {@link Engine#validate} rejects.
     *
     * @param engine the engine
     * @param plan the plan
     */
    public static void validate(Engine engine, TrainingPlan plan) {
        if (!(plan.model() instanceof ModelSpec.UNet spec)) {
            throw new IllegalArgumentException("the " + engine.displayName() + " backend trains ModelSpec.UNet models, got " + plan.model());
        }
        engine.validate(plan);
        for (int a = 0; a < spec.dimensions(); a++) {
            int multiple = spec.multiple(a);
            if (plan.patchSize() % multiple != 0) {
                throw new IllegalArgumentException("patch size " + plan.patchSize() + " must be a multiple of " + (spec.isotropic()
                        ? "2^depth = " + multiple + " (depth " + spec.depth() + ")"
                        : multiple + " along " + "xyz".charAt(a) + " (the product of the pool strides " + org.regionwise.core.backend.Pooling.format(spec.poolStrides()) + ")"));
            }
        }
        if (plan.patchSize() >> OutputScales.of(spec) - 1 < 1) {
            throw new IllegalArgumentException("patch size " + plan.patchSize() + " is too small for depth " + spec.depth());
        }
    }

    /**
     * How the trainer's validation (and a trained model, by default) predicts: whole images for a 2D network; for a
     * 3D network sliding windows of the training patch (nnU-Net's step 0.5), so memory is bounded by the patch.
     *
     * @param plan the plan
     * @return the inference
     */
    public static Inference inference(TrainingPlan plan) {
        return ((ModelSpec.UNet) plan.model()).dimensions() == 3 ? Inference.slidingWindow(plan.patchSize()) : Inference.WHOLE_IMAGE;
    }

    /**
     * Whether {@code outputDirectory} holds any checkpoint directory, intact or not: then {@link #run} with
     * {@code resume = true} continues from the first intact one, or names every damaged one when none is.
     *
     * @param outputDirectory the run directory
     * @return whether it holds a checkpoint
     */
    public static boolean hasCheckpoints(Path outputDirectory) {
        Path root = Checkpoints.root(outputDirectory);
        if (!Files.isDirectory(root)) return false;
        try (var s = Files.list(root)) {
            // a temporary directory of a write killed before its first rename is not a checkpoint
            return s.anyMatch(p -> Files.isDirectory(p) && !p.getFileName().toString().contains(".tmp-"));
        } catch (IOException e) {
            return true;   // let the resume name the problem
        }
    }

    /** The file of {@link GradientDiagnostics} rows in the run directory. */
    public static final String DIAGNOSTICS = "diagnostics.csv";

    /** Per-class validation Dice and HD (mm) means over the cases (NaN skipped) and predicted voxel counts (summed). */
    record Validation(List<Double> dice, List<Double> hausdorffMm, List<Long> predictedVoxels) {}

    static Validation validate(TrainableNetwork network, List<Sample> cases, int classes, Inference inference) {
        double[] dSum = new double[classes], hSum = new double[classes];
        int[] dN = new int[classes], hN = new int[classes];
        long[] predicted = new long[classes];
        for (Sample s : cases) {
            LabelImage pred = Predictor.predict(network, s.channels(), inference).argmax();
            for (int l : pred.data()) predicted[l]++;
            LabelImage ref = new LabelImage(pred.grid(), s.labels().data());
            for (int k = 0; k < classes; k++) {
                double d = Metrics.dice(pred, ref, k);
                if (!Double.isNaN(d)) { dSum[k] += d; dN[k]++; }
                double h = Metrics.hausdorff(pred, ref, k);
                if (!Double.isNaN(h)) { hSum[k] += h; hN[k]++; }
            }
        }
        List<Double> dice = new ArrayList<>(), hd = new ArrayList<>();
        List<Long> voxels = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            dice.add(dN[k] == 0 ? Double.NaN : dSum[k] / dN[k]);
            hd.add(hN[k] == 0 ? Double.NaN : hSum[k] / hN[k]);
            voxels.add(predicted[k]);
        }
        return new Validation(dice, hd, voxels);
    }
}
