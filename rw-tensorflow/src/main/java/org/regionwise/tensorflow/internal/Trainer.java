package org.regionwise.tensorflow.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.ModelSpec;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.backend.TrainingPlan;
import org.regionwise.core.image.LabelImage;
import org.regionwise.metrics.Metrics;
import org.regionwise.tensorflow.TrainingDivergedException;

/**
 * The training loop: {@code epochs x iterationsPerEpoch} Adam steps on batches from the {@link BatchPipeline}, the
 * poly learning rate and gradual-loss alphas fed per epoch, validation (per-class Dice and Hausdorff distance in mm
 * from rw-metrics, averaged over validation cases ignoring NaN) every {@code validateEvery} epochs and after the last,
 * {@code history.csv} and atomic checkpoints ({@code last}, {@code best} by mean foreground Dice) in the run's output
 * directory, and a {@link TrainingDivergedException} on a non-finite loss.
 */
public final class Trainer {
    private static final Logger LOG = LogManager.getLogger(Trainer.class);

    /** Pipeline settings: batch-building worker threads and prefetch depth (batches). */
    public record PipelineOptions(int workers, int prefetch) {
        public PipelineOptions {
            if (workers < 0) throw new IllegalArgumentException("pipeline workers must be >= 0, got " + workers);
            if (prefetch < 1) throw new IllegalArgumentException("prefetch must be >= 1, got " + prefetch);
        }

        /** Half the cores (at least 1) build batches, 2 batches per worker ahead plus 2. */
        public static PipelineOptions defaults() {
            int w = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            return new PipelineOptions(w, 2 * w + 2);
        }
    }

    /** The trained graph and its history; the caller owns the graph. */
    public record Outcome(ModelGraph graph, List<EpochReport> history, long batchWaitNanos) {}

    private Trainer() {}

    /**
     * Trains from scratch, or resumes from {@code plan.outputDirectory()/checkpoints/last} when {@code resume} is true.
     */
    public static Outcome run(TrainingPlan plan, TrainingData data, TrainingListener listener, boolean resume, PipelineOptions options) {
        validate(plan);
        ModelSpec.UNet spec = (ModelSpec.UNet) plan.model();
        if (spec.classes() != data.classes()) {
            throw new IllegalArgumentException("the model has K=" + spec.classes() + " classes but the data '" + data.name()
                    + "' has " + data.classes() + " " + data.classNames());
        }
        for (Sample s : data.training()) s.labels().requireClasses(spec.classes());
        for (List<Sample> split : List.of(data.training(), data.validation())) {
            for (Sample s : split) {
                if (s.channelCount() != spec.inputChannels()) {
                    throw new IllegalArgumentException("case " + s.id() + " of '" + data.name() + "' has " + s.channelCount()
                            + " image channel(s) but the model expects inputChannels=" + spec.inputChannels());
                }
            }
        }
        Path out = plan.outputDirectory();
        if (resume && out == null) throw new IllegalArgumentException("resuming needs the plan's output directory");

        ModelGraph graph = ModelGraph.forTraining(spec, plan.loss(), plan.optimizer(), plan.threads());
        try {
            graph.initialize();
            List<EpochReport> history = new ArrayList<>();
            int startEpoch = 0;
            double bestDice = Double.NEGATIVE_INFINITY;
            int bestEpoch = -1;
            if (resume) {
                Path ckpt = Checkpoints.locate(out, Checkpoints.LAST).orElseThrow(() ->
                        new IllegalArgumentException("no checkpoint to resume from in " + Checkpoints.root(out)));
                ModelSpec.UNet saved = SpecFile.read(ckpt);
                if (!saved.equals(spec)) {
                    throw new IllegalArgumentException("checkpoint " + ckpt + " holds " + saved + " but the plan asks for " + spec);
                }
                graph.restore(Checkpoints.variablesPrefix(ckpt));
                Checkpoints.State st = Checkpoints.readState(ckpt);
                startEpoch = st.epochsDone();
                bestDice = st.bestDice();
                bestEpoch = st.bestEpoch();
                history.addAll(Checkpoints.readHistory(ckpt));
                LOG.info("resuming {} from {} after {} epoch(s)", spec, ckpt, startEpoch);
            } else if (out != null) {
                Files.createDirectories(out);
            }
            long waited = 0;
            if (startEpoch < plan.epochs()) {
                PatchSampler sampler = new PatchSampler(data.training(), plan.patchSize(), true);
                BatchFactory factory = new BatchFactory(sampler, plan.loss().maps(), plan.batchSize(), spec.classes(), graph.scales(), plan.seed());
                try (BatchPipeline pipeline = new BatchPipeline(factory, startEpoch, plan.epochs(), plan.iterationsPerEpoch(),
                        options.workers(), options.prefetch())) {
                    for (int epoch = startEpoch; epoch < plan.epochs(); epoch++) {
                        long t0 = System.nanoTime();
                        double lr = plan.optimizer().learningRateAt(epoch, plan.epochs());
                        double[] alphas = LossBuilder.alphas(plan.loss(), epoch);
                        double lossSum = 0;
                        for (int step = 0; step < plan.iterationsPerEpoch(); step++) {
                            Batch batch = pipeline.next();
                            ModelGraph.StepResult r = graph.step(batch, lr, alphas);
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
                        if (validate) {
                            List<List<Double>> m = validate(graph, data.validation(), spec.classes());
                            dice = m.get(0);
                            hd = m.get(1);
                        }
                        EpochReport report = new EpochReport(epoch, lossSum / plan.iterationsPerEpoch(), lr, dice, hd,
                                (System.nanoTime() - t0) / 1e9);
                        history.add(report);
                        LOG.info("epoch {}/{}: loss {} lr {} {}", epoch + 1, plan.epochs(), report.trainLoss(), lr,
                                validate ? "dice " + dice + " hd " + hd : "");
                        if (out != null) {
                            double mean = validate ? EpochReport.meanForeground(dice) : Double.NaN;
                            boolean best = validate && !Double.isNaN(mean) && mean > bestDice;
                            if (best) { bestDice = mean; bestEpoch = epoch; }
                            Checkpoints.State state = new Checkpoints.State(epoch + 1, bestDice, bestEpoch);
                            Checkpoints.write(out, Checkpoints.LAST, dir -> writeModel(graph, dir), state, history, spec.classes());
                            if (best) Checkpoints.write(out, Checkpoints.BEST, dir -> writeModel(graph, dir), state, history, spec.classes());
                            HistoryCsv.write(out.resolve("history.csv"), history, spec.classes());
                        }
                        listener.onEpoch(report);
                    }
                    waited = pipeline.waitedNanos();
                }
            }
            return new Outcome(graph, history, waited);
        } catch (IOException e) {
            graph.close();
            throw new UncheckedIOException("training I/O failed in " + out, e);
        } catch (RuntimeException | Error e) {
            graph.close();
            throw e;
        }
    }

    /** Rejects plans this backend cannot train, naming the reason (see {@code TrainingBackend.validate}). */
    public static void validate(TrainingPlan plan) {
        if (!(plan.model() instanceof ModelSpec.UNet spec)) {
            throw new IllegalArgumentException("the TensorFlow backend trains ModelSpec.UNet models, got " + plan.model());
        }
        if (spec.dimensions() != 2) {
            throw new IllegalArgumentException("the TensorFlow backend trains 2D U-Nets only (Conv3D has no gradient in TF Java 1.1.0); "
                    + "the plan asks for dimensions=" + spec.dimensions() + " (3D volumes are predicted slice by slice by a 2D model)");
        }
        int multiple = 1 << spec.depth();
        if (plan.patchSize() % multiple != 0) {
            throw new IllegalArgumentException("patch size " + plan.patchSize() + " must be a multiple of 2^depth = " + multiple
                    + " (depth " + spec.depth() + ")");
        }
        if (plan.patchSize() >> UNetBuilder.outputScales(spec) - 1 < 1) {
            throw new IllegalArgumentException("patch size " + plan.patchSize() + " is too small for depth " + spec.depth());
        }
    }

    static void writeModel(ModelGraph graph, Path dir) throws IOException {
        Files.createDirectories(dir.resolve(Checkpoints.VARIABLES));
        SpecFile.write(graph.spec(), dir);
        graph.save(Checkpoints.variablesPrefix(dir));
    }

    /** Per-class Dice and Hausdorff (mm) averaged over the validation cases, NaN values skipped. */
    static List<List<Double>> validate(ModelGraph graph, List<Sample> cases, int classes) {
        double[] dSum = new double[classes], hSum = new double[classes];
        int[] dN = new int[classes], hN = new int[classes];
        for (Sample s : cases) {
            LabelImage pred = Predictor.predict(graph, s.channels()).argmax();
            LabelImage ref = new LabelImage(pred.grid(), s.labels().data());
            for (int k = 0; k < classes; k++) {
                double d = Metrics.dice(pred, ref, k);
                if (!Double.isNaN(d)) { dSum[k] += d; dN[k]++; }
                double h = Metrics.hausdorff(pred, ref, k);
                if (!Double.isNaN(h)) { hSum[k] += h; hN[k]++; }
            }
        }
        List<Double> dice = new ArrayList<>(), hd = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            dice.add(dN[k] == 0 ? Double.NaN : dSum[k] / dN[k]);
            hd.add(hN[k] == 0 ? Double.NaN : hSum[k] / hN[k]);
        }
        return List.of(dice, hd);
    }

}
