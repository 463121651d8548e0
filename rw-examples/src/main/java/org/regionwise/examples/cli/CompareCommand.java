package org.regionwise.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.data.DatasetRegistry;
import org.regionwise.examples.experiment.Backends;
import org.regionwise.examples.experiment.Comparison;
import org.regionwise.examples.experiment.Experiment;
import org.regionwise.examples.experiment.MetricsScoring;
import org.regionwise.examples.experiment.TrainingSettings;
import org.regionwise.examples.losses.LossCatalog;
import org.regionwise.examples.report.PartialResults;
import org.regionwise.examples.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rw compare}: the paper's comparison of losses, as a report. */
@Command(name = "compare", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Compare losses: train every (dataset, loss, seed), score the test split, write a report.",
        description = {"Per-class "
                       + "Dice and Hausdorff distance (mm) on the test split, instability of the validation curves; report.md "
                       + "with CSV tables, validation-curve plots and prediction overlays. With no arguments: the three "
                       + "embedded synthetic datasets, every loss, one seed, a tiny U-Net; a few minutes on 2 cores."})
public final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Resolves {@code --backend} names; tests replace it with an instant backend. */
    java.util.function.BiFunction<String, Precision, org.regionwise.core.backend.TrainingBackend> backends = Backends::byName;

    @Mixin PrecisionOption precision = new PrecisionOption();


    @Option(names = "--datasets", paramLabel = "LIST", split = ",",
            description = "Datasets: synthetic-cardiac, synthetic-kidney, synthetic-lesions, colin27-brain, colin27-subcortical, "
                    + "nnunet:/path (default: the three synthetic ones).")
    List<String> datasets;

    @Option(names = "--losses", paramLabel = "LIST",
            description = "Comma-separated losses: rrw, ce, wce, focal, dice, gdl, boundary, boundary-dice, combinations a+b, "
                    + "gradual:a,b (default: the eight base losses).")
    String losses;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "Training seeds 1..N (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "tensorflow", description = "Training engine: tensorflow (TensorFlow Java 1.1.0) or pytorch (PyTorch 2.7.1 through DJL) (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = {"--out", "-o"}, paramLabel = "REPORT_DIR", defaultValue = "rw-report",
            description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--resume", paramLabel = "REPORT_DIR", description = "Continue an interrupted comparison in REPORT_DIR: the runs it "
            + "finished (kept in REPORT_DIR/partial/) are reused, the interrupted one continues from its last checkpoint, the rest are "
            + "trained; the comparison's options are read from REPORT_DIR/partial/compare.properties and may not be given again.")
    @org.jspecify.annotations.Nullable Path resume;

    @Option(names = "--cache", paramLabel = "DIR", description = "nnU-Net folders: train from memory-mapped case caches in "
            + "DIR/FOLDER_NAME (built or refreshed first, as 'rw preprocess' does), so that datasets larger than memory fit; "
            + "default: load them into the heap.")
    @org.jspecify.annotations.Nullable Path cache;

    @Mixin ProgressOptions progress = new ProgressOptions();

    @Mixin TrainingOptions training = new TrainingOptions();

    @Mixin DatasetOptions datasetOptions = new DatasetOptions();

    @Mixin ScoringOptions scoring = new ScoringOptions();

    /** The recorded options of a comparison, written when it starts and read by {@code --resume}. */
    static final String RECORD = "compare.properties";

    @Override public Integer call() throws java.io.IOException {
        if (resume != null) restoreRecordedOptions(resume);
        else if (Files.isRegularFile(out.resolve("partial").resolve(RECORD))) {
            throw new UserError("--out " + out + " holds an interrupted comparison: continue it with --resume " + out
                    + ", or delete " + out.resolve("partial") + " to start again");
        }
        List<String> dsNames = datasets == null || datasets.isEmpty() ? DatasetRegistry.syntheticNames() : datasets;
        List<String> lossNames = losses == null ? LossCatalog.names() : LossCatalog.splitList(losses);
        if (lossNames.isEmpty()) throw new IllegalArgumentException("--losses is empty; known: " + LossCatalog.known());
        for (String d : dsNames) DatasetRegistry.requireKnown(d);
        for (String l : lossNames) LossCatalog.parse(l);
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
        TrainingBackend b = backends.apply(backend, precision.value);
        TrainingSettings quick = TrainingSettings.quick();
        DatasetRegistry registry = datasetOptions.registry();
        int dims = training.dimensions(2);
        if (dims == 3) {
            for (String d : dsNames) DatasetRegistry.requireVolumes(d);
            registry = registry.withNnUnetVolumes(true);
            quick = new TrainingSettings(quick.epochs(), quick.iterationsPerEpoch(), 2, quick.patchSize(), quick.depth(), quick.baseFilters(),
                    quick.learningRate(), quick.deepSupervision(), quick.threads(), 3); // batch 2 in 3D, as nnU-Net
        }
        PrintWriter o = spec.commandLine().getOut();
        List<Dataset> data = new ArrayList<>();
        int minEdge = Integer.MAX_VALUE;
        for (String d : dsNames) {
            DatasetRegistry r = registry;
            if (cache != null && DatasetRegistry.isNnUnet(d)) {
                Path dir = CacheSummary.folderIn(cache, d);
                r = registry.withNnUnetCache(org.regionwise.examples.data.NnUnetCache.Settings.of(dir).withListener(new CacheSummary(o, dir, null)));
            }
            Dataset ds = datasetOptions.apply(r.load(d));
            data.add(ds);
            minEdge = Math.min(minEdge, TrainCommand.smallestEdge(ds.training()));
        }
        TrainingSettings settings = training.apply(quick, Math.min(minEdge, dims == 3 ? 64 : 128));
        if (settings.patchSize() > minEdge && dims == 2) {
            throw new IllegalArgumentException("--patch " + settings.patchSize() + " is larger than the smallest training image edge ("
                    + minEdge + " px) of the datasets");
        }
        List<Long> seedList = new ArrayList<>();
        for (long s = 1; s <= seeds; s++) seedList.add(s);
        int runs = data.size() * lossNames.size() * seeds;
        o.printf("rw compare: %d datasets x %d losses x %d seeds = %d runs of %d epochs x %d steps (backend %s)%n",
                data.size(), lossNames.size(), seeds, runs, settings.epochs(), settings.iterationsPerEpoch(), b.name());
        o.flush();
        if (resume == null) record(dsNames, lossNames, settings);
        else o.printf("resuming the comparison in %s: finished runs are reused, the interrupted one continues from its checkpoint%n", out);
        o.flush();
        Comparison comparison = new Comparison(new Experiment(b, new MetricsScoring()).segmenting(scoring.toRunFile()));
        Comparison.Result result;
        PartialResults partial;
        try (ProgressDisplay p = progress.open("compare", runs, settings.totalSteps(), System.err)) {
            partial = new PartialResults(out, data, p, resume != null);
            result = comparison.run(data, lossNames, seedList, settings, partial, partial);
        }
        Path report = new ReportWriter(new MetricsScoring()).write(result, out);
        partial.finish();
        long failed = result.runs().stream().filter(r -> r.failed()).count();
        o.printf("rw compare: %d runs in %s%s%n", runs, ProgressDisplay.duration(java.time.Duration.ofSeconds(Math.round(result.wallSeconds()))),
                failed == 0 ? "" : ", " + failed + " failed (listed in the report)");
        o.printf("report: %s%n", report.toAbsolutePath());
        o.flush();
        return 0;
    }

    /** Writes {@code partial/compare.properties}: every option that defines the comparison. */
    private void record(List<String> dsNames, List<String> lossNames, TrainingSettings settings) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("datasets", String.join("\n", dsNames));
        p.setProperty("losses", String.join("\n", lossNames));
        p.setProperty("seeds", Integer.toString(seeds));
        p.setProperty("backend", backend);
        p.setProperty("precision", precision.value.key());
        p.setProperty("data.size", Integer.toString(datasetOptions.size));
        p.setProperty("data.slice_axis", Integer.toString(datasetOptions.axis));
        p.setProperty("data.all_slices", Boolean.toString(datasetOptions.allSlices));
        p.setProperty("data.ct", Boolean.toString(datasetOptions.ct));
        p.setProperty("data.no_validation", Boolean.toString(datasetOptions.noValidation));
        if (cache != null) p.setProperty("cache", cache.toAbsolutePath().normalize().toString());
        if (scoring.slidingWindow) p.setProperty("scoring.sliding_window", "true");
        if (scoring.tta) p.setProperty("scoring.tta", "true");
        for (var e : settings.describe().entrySet()) p.setProperty("train." + e.getKey(), e.getValue());
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            p.store(w, "rw compare: the options of this comparison, for --resume");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        org.regionwise.core.io.AtomicFiles.writeString(out.resolve("partial").resolve(RECORD), w.toString());
    }

    /** Sets every option from {@code REPORT_DIR/partial/compare.properties}; refuses options given again. */
    private void restoreRecordedOptions(Path dir) throws java.io.IOException {
        Path f = dir.resolve("partial").resolve(RECORD);
        if (!Files.isRegularFile(f)) {
            throw new UserError("--resume " + dir + ": not an interrupted comparison (" + f + " is missing; a finished report keeps no partial/)");
        }
        java.util.Set<String> allowed = java.util.Set.of("--resume", "--progress", "--no-progress", "--debug");
        List<String> given = spec.commandLine().getParseResult().matchedOptions().stream().map(x -> x.longestName())
                .filter(n -> !allowed.contains(n)).distinct().toList();
        if (!given.isEmpty()) {
            throw new UserError("--resume " + dir + ": " + String.join(", ", given) + " cannot be given again: the comparison's options are recorded in " + f);
        }
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(f, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            datasets = List.of(req(p, f, "datasets").split("\n"));
            losses = String.join(",", req(p, f, "losses").split("\n"));
            seeds = Integer.parseInt(req(p, f, "seeds"));
            backend = req(p, f, "backend");
            precision.value = Precision.parse(p.getProperty("precision", "fp32"));   // absent in records of an earlier rw
            cache = p.getProperty("cache") == null ? null : Path.of(p.getProperty("cache"));
            datasetOptions.size = Integer.parseInt(req(p, f, "data.size"));
            datasetOptions.axis = Integer.parseInt(req(p, f, "data.slice_axis"));
            datasetOptions.allSlices = Boolean.parseBoolean(req(p, f, "data.all_slices"));
            datasetOptions.ct = Boolean.parseBoolean(req(p, f, "data.ct"));
            datasetOptions.noValidation = Boolean.parseBoolean(req(p, f, "data.no_validation"));
            scoring.slidingWindow = Boolean.parseBoolean(p.getProperty("scoring.sliding_window", "false"));
            scoring.tta = Boolean.parseBoolean(p.getProperty("scoring.tta", "false"));
            training = training.withDefaultsFrom(org.regionwise.examples.experiment.RunFile.Training.of(
                    TrainingSettings.fromDescription(k -> req(p, f, "train." + k))
                            .withDimensions(Integer.parseInt(p.getProperty("train.dimensions", "2").trim()))));
        } catch (NumberFormatException e) {
            throw new UserError(f + ": damaged (" + e.getMessage() + ")");
        }
        out = dir;
    }

    private static String req(java.util.Properties p, Path f, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new UserError(f + ": no '" + key + "'");
        return v;
    }
}
