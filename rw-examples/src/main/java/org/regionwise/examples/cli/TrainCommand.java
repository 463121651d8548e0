package org.regionwise.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainedModel;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.core.io.AtomicFiles;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.data.DatasetRegistry;
import org.regionwise.examples.experiment.Backends;
import org.regionwise.examples.experiment.CaseScore;
import org.regionwise.examples.experiment.Experiment;
import org.regionwise.examples.experiment.MetricsScoring;
import org.regionwise.examples.experiment.RunConfig;
import org.regionwise.examples.experiment.TrainingSettings;
import org.regionwise.examples.losses.LossCatalog;
import org.regionwise.examples.report.Csv;
import org.regionwise.examples.report.ReportWriter;
import org.regionwise.training.CollapseDetector;
import org.regionwise.training.CollapsePolicy;
import org.regionwise.training.EngineBackend;
import org.regionwise.training.Trainer;
import org.regionwise.training.TrainingCollapsedException;
import org.regionwise.training.TrainingDivergedException;
import org.regionwise.examples.report.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rw train}: trains one model and writes a run directory that {@code rw predict} uses. */
@Command(name = "train", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Train a 2D (or, --dims 3, a 3D) U-Net with a loss on a dataset and write a run directory for 'rw predict'.",
        description = {"The model is "
                       + "also scored on the dataset's test split. RUN_DIR gets run.yaml (everything that defines the run; "
                       + "--config replays it), plan.json (nnU-Net folders), checkpoints/ (last and best, with SHA-256 checksums; "
                       + "--resume continues from them), model/ (weights), config.properties, history.csv (loss and validation "
                       + "Dice per epoch) and test-scores.csv."})
public final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Resolves {@code --backend} names; tests replace it with an instant backend. */
    java.util.function.BiFunction<String, Precision, org.regionwise.core.backend.TrainingBackend> backends = Backends::byName;

    @Mixin PrecisionOption precision = new PrecisionOption();


    @Option(names = "--dataset", paramLabel = "NAME",
            description = "synthetic-cardiac, synthetic-kidney, synthetic-lesions, colin27-brain, colin27-subcortical, or an nnU-Net "
                    + "raw folder: nnunet:/path or the folder (holding dataset.json) itself.")
    @org.jspecify.annotations.Nullable String dataset;

    @Option(names = "--loss", defaultValue = "rrw", paramLabel = "LOSS",
            description = "rrw, rrw-balanced, ce, wce, focal, dice, gdl, boundary, boundary-dice, ac, the paper's combinations "
                    + "rrw+dice, rrw+ce, gradual-rrw-dice, gradual-rrw-ce, or any a+b, gradual:a,b, gradual@STEP:a,b (default: "
                    + "${DEFAULT-VALUE}, the paper's RRW). On small structures plain rrw can collapse to background; "
                    + "gradual-rrw-dice (Dice first, RRW alone from epoch 100) learnt every structure on the tasks measured in "
                    + "rw-training's README.")
    String loss;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of weights and sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "tensorflow", description = "Training engine: tensorflow (TensorFlow Java 1.1.0) or pytorch (PyTorch 2.7.1 through DJL) (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = {"--out", "-o"}, paramLabel = "RUN_DIR", description = "Run directory to create (it must not exist or be empty; "
            + "see --overwrite).")
    @org.jspecify.annotations.Nullable Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in RUN_DIR from its last intact checkpoint "
            + "(after a crash or kill -9) with the configuration recorded in RUN_DIR/run.yaml; it ends with the same weights and "
            + "test-scores.csv as the uninterrupted run, bit for bit at the same --threads on the same machine and engine "
            + "version (another thread count, CPU or engine version changes the float rounding). Options that contradict the "
            + "recorded run are refused.")
    @org.jspecify.annotations.Nullable Path resume;

    @Option(names = "--config", paramLabel = "RUN_YAML", description = "Replay a run file (RUN_DIR/run.yaml of an earlier run, or "
            + "one written by hand): its dataset, loss, seed, engine and training settings; options given here override its values.")
    @org.jspecify.annotations.Nullable Path config;

    @Option(names = "--overwrite", description = "Replace an existing run directory (one holding run.yaml or config.properties).")
    boolean overwrite;

    @Option(names = "--stop-on-collapse", description = "End the run with exit code 3 when a foreground class is predicted nowhere on "
            + "validation for the collapse patience (after the warm-up); without it the collapse is logged and recorded in history.csv.")
    boolean stopOnCollapse;

    @Option(names = "--collapse-patience", paramLabel = "N", description = "Consecutive validations without a voxel of a present class "
            + "that count as a collapse (default: max(3, epochs/5)).")
    Integer collapsePatience;

    @Option(names = "--collapse-warmup", paramLabel = "E", description = "Epochs before collapse detection starts (default: epochs/5).")
    Integer collapseWarmup;

    @Option(names = "--diagnostics", description = "Write RUN_DIR/diagnostics.csv: per validation and class, the gradient norm of the loss "
            + "at the logits, the fraction of voxels whose own-class probability is below 0.01 and its mean (see rw-training's README).")
    boolean diagnostics;

    @Option(names = "--time-budget", paramLabel = "DURATION", defaultValue = "8m", description = "nnU-Net folders: the training "
            + "time the plan sizes the number of steps for, e.g. 8m, 90s, 1h (default: ${DEFAULT-VALUE}; with scoring the run ends in "
            + "about ten minutes on 2 cores). The plan (patch, batch, depth, filters, steps) comes from the dataset's fingerprint "
            + "and a step time measured here, is shown at start and written to RUN_DIR/plan.json; each value yields to its option.")
    String timeBudget;

    @Option(names = "--cache", paramLabel = "CACHE", description = "nnU-Net folders: train from the memory-mapped case cache in CACHE "
            + "(built or refreshed first, as 'rw preprocess' does; default: rw-cache/DATASET_FOLDER beside the run directory).")
    @org.jspecify.annotations.Nullable Path cache;

    @Option(names = "--no-cache", description = "nnU-Net folders: load every training slice into the heap instead of using the case cache.")
    boolean noCache;

    @Option(names = "--cache-float16", description = "Store the cache's intensities as half floats (half the space; inputs rounded, "
            + "so not bit-identical to --no-cache).")
    boolean cacheFloat16;

    @Option(names = "--physical-spacing", description = "The loss's maps measure distances in mm from each image's spacing "
            + "(default: in voxels, as the paper); matters for anisotropic slices and for unnormalised maps such as Boundary.")
    boolean physicalSpacing;

    @Option(names = "--no-plan", description = "nnU-Net folders: use rw train's fixed defaults instead of planning from the dataset.")
    boolean noPlan;

    @Mixin ProgressOptions progress = new ProgressOptions();

    /** Exit code of a run ended by {@code --stop-on-collapse}. */
    static final int COLLAPSED = 3;

    @Mixin TrainingOptions training = new TrainingOptions();

    @Mixin DatasetOptions datasetOptions = new DatasetOptions();

    @Mixin ScoringOptions scoring = new ScoringOptions();

    /** The cache of the nnU-Net folder {@code dataset}: {@code --cache}, or {@code rw-cache/FOLDER} beside the run directory. */
    private org.regionwise.examples.data.NnUnetCache.Settings cacheSettings(String dataset, Path out, CaseProgress progress, boolean float16) {
        Path dir = cache != null ? cache : CacheSummary.folderIn(out.toAbsolutePath().normalize().resolveSibling("rw-cache"), dataset);
        return org.regionwise.examples.data.NnUnetCache.Settings.of(dir)
                .withStorage(float16 ? org.regionwise.training.cache.CaseFile.Storage.FLOAT16 : org.regionwise.training.cache.CaseFile.Storage.FLOAT32)
                .withListener(new CacheSummary(spec.commandLine().getOut(), dir, progress));
    }

    /** Deletes the cache folder {@code dir} and its {@code rw-cache} parent when that is left empty. */
    private static void deleteCache(Path dir) {
        RunSetup.deleteQuietly(dir);
        Path parent = dir.getParent();
        if (parent != null && parent.getFileName().toString().equals("rw-cache") && Files.isDirectory(parent)) {
            try (var l = Files.list(parent)) {
                if (l.findAny().isEmpty()) Files.deleteIfExists(parent);
            } catch (java.io.IOException ignored) {
                // the original error matters more
            }
        }
    }

    /**
     * The smallest in-plane edge of the training images (read from the headers for cached slices); of whole volumes, the
     * smallest edge along any axis.
     */
    static int smallestEdge(List<Sample> training) {
        int edge = Integer.MAX_VALUE;
        if (training instanceof org.regionwise.training.cache.CachedVolumes cv) {
            for (int i = 0; i < cv.size(); i++) for (int n : cv.caseAt(i).shape()) edge = Math.min(edge, n);
            return edge;
        }
        if (training instanceof org.regionwise.training.cache.CachedSlices cs) {
            for (int i = 0; i < cs.size(); i++) {
                var g = cs.caseAt(i).sliceGrid(cs.axisAt(i));
                edge = Math.min(edge, Math.min(g.size(0), g.size(1)));
            }
            return edge;
        }
        if (!training.isEmpty() && training.get(0).image().grid().dimensions() == 3) {
            for (Sample s : training) for (int n : s.image().grid().sizes()) edge = Math.min(edge, n);
            return edge;
        }
        for (Sample s : training) edge = Math.min(edge, Math.min(s.image().grid().size(0), s.image().grid().size(1)));
        return edge;
    }

    /** Defaults of {@code rw train}: 30 epochs × 50 steps of batch 8, depth-4 U-Net with 16 base filters, lr 1e-3. */
    static TrainingSettings defaults() { return new TrainingSettings(30, 50, 8, 64, 4, 16, 1e-3, false, 0); }

    /**
     * Defaults of {@code rw train --dims 3}: 30 epochs × 50 steps of batch 2 (nnU-Net's 3D batch), patches of at most
     * 64³ voxels, a depth-4 U-Net with 16 base filters, lr 1e-3.
     */
    static TrainingSettings defaults3d() { return new TrainingSettings(30, 50, 2, 64, 4, 16, 1e-3, false, 0, 3); }

    @Override public Integer call() throws Exception {
        CollapsePolicy collapse = collapsePolicy();
        RunSetup run = RunSetup.resolve(this, spec.commandLine().getParseResult());
        Path out = run.out();
        String datasetName = run.dataset();
        String loss = run.loss();
        long seed = run.seed();
        LossSpec lossSpec = LossCatalog.parse(loss);
        if (run.physicalSpacing()) lossSpec = org.regionwise.core.loss.Losses.withDistanceUnits(lossSpec, org.regionwise.core.map.DistanceUnits.PHYSICAL);
        TrainingBackend b = backends.apply(run.backend(), run.precision());
        double budget = org.regionwise.training.plan.PlanRules.parseDuration(timeBudget);
        boolean created = !Files.exists(out);
        if (run.resume() == null) RunSetup.prepareOutput(out, overwrite);
        PrintWriter o = spec.commandLine().getOut();
        TrainingSettings settings;
        Dataset d;
        Path newCache = null;
        try {
            DatasetRegistry registry = run.datasetOptions().registry();
            int dims = run.recorded() != null ? run.recorded().dimensions() : run.training().dimensions(2);
            if (dims == 3 && diagnostics) {
                throw new UserError("--diagnostics measures 2D validation images; it is not available with --dims 3 yet");
            }
            if (dims == 3) {
                DatasetRegistry.requireVolumes(datasetName);
                registry = registry.withNnUnetVolumes(true);
            }
            try (CaseProgress p = new CaseProgress("preprocess", spec.commandLine().getErr(), progress, false)) {
                if (run.cache() != null && !run.cache().equals("none")) {
                    var cacheWith = cacheSettings(datasetName, out, p, run.cache().equals("float16"));
                    if (!Files.exists(cacheWith.directory())) newCache = cacheWith.directory();
                    registry = registry.withNnUnetCache(cacheWith);
                } else if (cache != null || cacheFloat16) {
                    throw new UserError((cache != null ? "--cache" : "--cache-float16") + (noCache ? " contradicts --no-cache" : " applies to nnU-Net folders only"));
                }
                d = run.datasetOptions().apply(registry.load(datasetName));
            }
            int edge = smallestEdge(d.training());
            if (run.recorded() != null) {
                settings = run.recorded();
            } else if (DatasetRegistry.isNnUnet(datasetName) && !noPlan) {
                Files.createDirectories(out);
                settings = Planning.plan(d, dims == 3 ? defaults3d() : defaults(), run.training(), budget,
                        b instanceof EngineBackend eb ? eb : null, lossSpec, seed, out, o);
            } else if (dims == 3) {
                settings = run.training().apply(defaults3d(), Math.min(edge, 64));
                o.printf("3D U-Net: rw train's 3D defaults where no option is given: patch %d³, batch %d, depth %d, "
                        + "%d base filters, %d epochs x %d steps%n", settings.patchSize(), settings.batchSize(), settings.depth(),
                        settings.baseFilters(), settings.epochs(), settings.iterationsPerEpoch());
            } else {
                settings = run.training().apply(defaults(), Math.min(edge, 128));
            }
            if (settings.patchSize() > edge && settings.dimensions() == 2) {
                throw new IllegalArgumentException("--patch " + settings.patchSize() + " is larger than the smallest training image edge ("
                        + edge + " px) of " + d.name());
            }
            // the file's model/optimizer sections must agree with its own training section; options given on the
            // command line override both, so they are not checked then
            if (run.file() != null && !training.anyGiven()) run.file().checkDerived(settings);
            if (run.resume() == null) {
                Files.createDirectories(out);
                RunSetup.runFile(run, settings, b).write(out);
                RunConfig.of(d, loss, seed, b.name(), settings).write(out);
            }
        } catch (Exception | Error e) {
            // nothing half-written: a run directory this command created is removed when the run cannot start
            if (created && run.resume() == null) RunSetup.deleteQuietly(out);
            if (newCache != null) deleteCache(newCache); // nor a cache it created (a killed preprocess keeps its cases)
            throw e;
        }
        String testUnit = d.test().stream().anyMatch(t -> !t.image().grid().is2D()) ? "test volumes" : "test images";
        if (d.validation().isEmpty()) o.println("validation: none (--no-validation, or too few training slices to hold one out); "
                + "no best checkpoint and no collapse detection");
        else if (d.description().contains("held-out slices")) o.println("validation: fewer than 5 training cases, so held-out slices of them "
                + "(every 5th training slice; neighbouring slices of the same volumes, so validation Dice reads optimistic)");
        o.printf("rw train: %s (%d training, %d validation %s, %d %s, %sclasses %s), loss %s, %d epochs x %d steps%n",
                d.name(), d.training().size(), d.validation().size(), settings.dimensions() == 3 ? "volumes" : "images", d.test().size(), testUnit,
                d.channels() > 1 ? d.channels() + " channels, " : "", d.classNames(), lossSpec.id(),
                settings.epochs(), settings.iterationsPerEpoch());
        // a run directory with damaged checkpoints only is refused by the resume (naming them), never silently restarted
        boolean resuming = run.resume() != null && Trainer.hasCheckpoints(out);
        if (run.resume() != null) {
            o.println(resuming ? "resuming " + out + " from its last intact checkpoint (run.yaml recorded the configuration)"
                    : "resuming " + out + ": no checkpoint was written yet, training from the start");
        }
        o.flush();
        long t0 = System.nanoTime();
        if (b instanceof EngineBackend eb) b = eb.withOptions(eb.options().withCollapse(collapse).withDiagnostics(diagnostics));
        TrainedModel model;
        try {
            model = train(b, settings, lossSpec, d, out, loss, seed, resuming);
        } catch (TrainingDivergedException e) {
            throw new UserError("training diverged: " + e.getMessage() + "; try a lower --lr", e);
        } catch (TrainingCollapsedException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("rw: " + e.getMessage());
            err.flush();
            return COLLAPSED;
        }
        try (TrainedModel trained = model) {
            TrainedModel m = Experiment.segmenting(trained, run.scoring(), settings.patchSize());
            double seconds = (System.nanoTime() - t0) / 1e9;
            m.save(out.resolve("model"));
            // the TensorFlow backend writes its own history.csv (per-class Dice and HD) into the run directory
            if (!Files.exists(out.resolve("history.csv"))) writeHistory(out.resolve("history.csv"), m.history());
            Experiment e = new Experiment(b, new MetricsScoring());
            List<CaseScore> scores = e.evaluate(m, d, Set.of(), new LinkedHashMap<>());
            Csv csv = new Csv("case", "class", "class_name", "dice", "hd_mm");
            for (CaseScore cs : scores) {
                for (int k = 1; k < d.classes(); k++) csv.row(cs.caseId(), k, d.classNames().get(k), cs.dice().get(k), cs.hausdorffMm().get(k));
            }
            AtomicFiles.writeString(out.resolve("test-scores.csv"), csv.text());
            if (scores.isEmpty()) {
                o.printf(Locale.ROOT, "trained in %.0f s; the dataset has no test split, nothing was scored (test-scores.csv has its header only)%n", seconds);
            } else {
                o.printf(Locale.ROOT, "trained in %.0f s; test split (%d %s), mean ± std over them:%n", seconds, scores.size(), testUnit);
                o.printf("  %-14s %-17s %s%n", "class", "Dice", "HD (mm)");
            }
            for (int k = 1; k < d.classes() && !scores.isEmpty(); k++) {
                int kk = k;
                Stats ds = Stats.of(scores.stream().mapToDouble(s -> s.dice().get(kk)).toArray());
                Stats hs = Stats.of(scores.stream().mapToDouble(s -> s.hausdorffMm().get(kk)).toArray());
                o.printf(Locale.ROOT, "  %-14s %-17s %s%s%n", d.classNames().get(k),
                        ReportWriter.num(ds.mean()) + " ± " + ReportWriter.num(ds.std()),
                        ReportWriter.num(hs.mean()) + " ± " + ReportWriter.num(hs.std()),
                        hs.nans() > 0 ? " (" + hs.nans() + " of " + (hs.nans() + hs.count()) + " undefined)" : "");
            }
            CollapsePolicy resolved = collapse.resolve(settings.epochs(), 1);
            CollapseDetector detector = new CollapseDetector(resolved);
            for (var h : m.history()) detector.update(h);
            for (var c : detector.flagged().entrySet()) {
                boolean still = detector.collapsedNow().contains(c.getKey());
                o.println("  warning: " + detector.message(c.getKey(), d.classNames().get(c.getKey()), c.getValue())
                        + (still ? "; still predicted nowhere at the end" : "; it was predicted again later"));
            }
            if (diagnostics) o.printf("gradient diagnostics: %s%n", out.resolve(Trainer.DIAGNOSTICS).toAbsolutePath());
            o.printf("run directory: %s%n", out.toAbsolutePath());
            o.flush();
        }
        return 0;
    }

    private CollapsePolicy collapsePolicy() {
        if (collapsePatience != null && collapsePatience < 1) throw new IllegalArgumentException("--collapse-patience must be >= 1, got " + collapsePatience);
        if (collapseWarmup != null && collapseWarmup < 0) throw new IllegalArgumentException("--collapse-warmup must be >= 0, got " + collapseWarmup);
        return new CollapsePolicy(collapseWarmup == null ? -1 : collapseWarmup, collapsePatience == null ? -1 : collapsePatience, stopOnCollapse);
    }

    private TrainedModel train(TrainingBackend b, TrainingSettings settings, LossSpec lossSpec, Dataset d, Path out, String loss,
                               long seed, boolean resuming) {
        TrainedModel model;
        try (ProgressDisplay p = progress.open("train", 1, settings.totalSteps(), System.err)) {
            p.runStarted(0, 1, d.name(), loss, seed);
            TrainingListener l = new TrainingListener() {
                @Override public void onStep(int epoch, int step, int stepsPerEpoch, double value) { p.step(epoch, step, stepsPerEpoch, value); }
                @Override public void onEpoch(EpochReport report) { p.epoch(report); }
            };
            var plan = settings.plan(lossSpec, d, seed, out);
            if (resuming) {
                if (!(b instanceof EngineBackend eb)) throw new UserError("the " + b.name() + " backend cannot resume a run");
                model = eb.resume(plan, d, l);
            } else {
                model = b.train(plan, d, l);
            }
        }
        return model;
    }

    /** history.csv: epoch (1-based), training loss, learning rate, mean foreground validation Dice, per-class Dice. */
    static void writeHistory(Path file, List<EpochReport> history) {
        Csv csv = new Csv("epoch", "train_loss", "learning_rate", "val_dice_foreground", "val_dice_per_class", "seconds");
        for (EpochReport e : history) {
            StringBuilder per = new StringBuilder();
            for (int k = 0; k < e.validationDice().size(); k++) {
                double v = e.validationDice().get(k);
                per.append(k > 0 ? ";" : "").append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v));
            }
            csv.row(e.epoch() + 1, e.trainLoss(), e.learningRate(), e.meanForegroundDice(), per.toString(), e.seconds());
        }
        AtomicFiles.writeString(file, csv.text());
    }
}
