package org.regionwise.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.Precision;
import org.regionwise.core.backend.TrainingBackend;
import org.regionwise.core.io.FileTrees;
import org.regionwise.examples.data.DatasetRegistry;
import org.regionwise.examples.experiment.RunConfig;
import org.regionwise.examples.experiment.RunFile;
import org.regionwise.examples.experiment.TrainingSettings;
import org.regionwise.examples.losses.LossCatalog;
import org.regionwise.training.EngineBackend;
import picocli.CommandLine.ParseResult;

/**
 * What {@code rw train} runs, from its options, a run file ({@code --config}) or a recorded run ({@code --resume}):
 * options given on the command line win over the run file, the run file over the defaults; with {@code --resume}
 * the recorded run is the whole definition and an option that contradicts it is refused.
 *
 * @param out            the run directory
 * @param dataset        the dataset, canonical ({@code nnunet:} + absolute folder for nnU-Net data)
 * @param loss           the loss expression
 * @param seed           the seed
 * @param backend        the engine name
 * @param precision      the engine's arithmetic
 * @param datasetOptions how the dataset is read
 * @param training       training options (given or from the run file; unset ones take defaults or the plan)
 * @param recorded       the recorded settings of a resumed run, else {@code null}
 * @param resume         the run directory being resumed, else {@code null}
 * @param file           the run file read ({@code --config} or the resumed run's), else {@code null}
 */
record RunSetup(Path out, String dataset, String loss, long seed, String backend, Precision precision, DatasetOptions datasetOptions,
                TrainingOptions training, @Nullable TrainingSettings recorded, @Nullable Path resume, @Nullable RunFile file,
                @Nullable String cache, boolean physicalSpacing, RunFile.Scoring scoring) {

    static RunSetup resolve(TrainCommand c, ParseResult pr) {
        if (c.resume != null && c.config != null) {
            throw new UserError("--resume and --config cannot be combined: a resumed run replays its own " + RunFile.FILE);
        }
        if (c.resume != null && c.overwrite) throw new UserError("--resume and --overwrite cannot be combined");
        RunFile f = null;
        if (c.resume != null) f = recordedRun(c.resume);
        else if (c.config != null) f = RunFile.read(c.config);

        if (c.resume != null) {
            List<String> bad = contradictions(c, pr, f);
            if (!bad.isEmpty()) {
                throw new UserError("--resume " + c.resume + ": " + String.join(", ", bad) + " contradict" + (bad.size() == 1 ? "s" : "")
                        + " the recorded run (" + f.source() + "); drop " + (bad.size() == 1 ? "it" : "them")
                        + ", or start a new run with --config " + f.source() + " --out NEW_DIR");
            }
        }
        Path out = c.resume != null ? c.resume : c.out;
        if (out == null) throw new UserError("missing --out RUN_DIR (the run directory to create)");

        String dataset = given(pr, "--dataset") || f == null || f.dataset() == null ? c.dataset : f.dataset();
        if (dataset == null) throw new UserError("missing --dataset NAME" + (c.config != null ? " (" + c.config + " has no 'dataset')" : ""));
        DatasetRegistry.requireKnown(dataset);
        dataset = canonical(dataset);
        String loss = given(pr, "--loss") || f == null || f.loss() == null ? c.loss : f.loss();
        long seed = given(pr, "--seed") || f == null || f.seed() == null ? c.seed : f.seed();
        String backend = given(pr, "--backend") || f == null || f.engine() == null ? c.backend : f.engine();
        Precision precision = given(pr, "--precision") || f == null || f.precision() == null ? c.precision.value : f.precision();

        DatasetOptions d = new DatasetOptions();
        RunFile.Data fd = f == null ? new RunFile.Data(null, null, null, null, null) : f.data();
        d.size = given(pr, "--size") || fd.size() == null ? c.datasetOptions.size : fd.size();
        d.axis = given(pr, "--slice-axis") || fd.sliceAxis() == null ? c.datasetOptions.axis : fd.sliceAxis();
        d.allSlices = given(pr, "--all-slices") || fd.allSlices() == null ? c.datasetOptions.allSlices : fd.allSlices();
        d.ct = given(pr, "--ct") || fd.ct() == null ? c.datasetOptions.ct : fd.ct();
        d.noValidation = given(pr, "--no-validation") || fd.validation() == null ? c.datasetOptions.noValidation : !fd.validation();

        TrainingOptions t = c.training.withDefaultsFrom(f == null ? null : f.training());
        TrainingSettings recorded = c.resume != null ? t.apply(TrainCommand.defaults(), t.patch) : null;
        // nnU-Net folders: the case cache's storage (float16 changes the network's inputs, so a resume keeps it)
        String cache = null;
        if (DatasetRegistry.isNnUnet(dataset)) {
            cache = c.noCache ? "none" : c.cacheFloat16 ? "float16" : fd.cache() != null ? fd.cache() : "float32";
        }
        boolean physical = c.physicalSpacing || Boolean.TRUE.equals(fd.physicalSpacing());
        RunFile.Scoring fs = f == null ? RunFile.Scoring.NONE : f.scoring();
        RunFile.Scoring given = c.scoring.toRunFile();
        RunFile.Scoring scoring = new RunFile.Scoring(given.slidingWindow() != null ? given.slidingWindow() : fs.slidingWindow(),
                given.step() != null ? given.step() : fs.step(), given.tta() != null ? given.tta() : fs.tta());
        return new RunSetup(out, dataset, loss, seed, backend, precision, d, t, recorded, c.resume, f, cache, physical, scoring);
    }

    /** The run file of a run directory to resume, complete, or a message saying why it cannot be resumed. */
    private static RunFile recordedRun(Path dir) {
        if (!Files.isDirectory(dir)) throw new UserError("--resume " + dir + ": no such run directory");
        Path file = dir.resolve(RunFile.FILE);
        if (!Files.isRegularFile(file)) {
            throw new UserError("--resume " + dir + " is not a run directory of rw train: " + file + " is missing"
                    + (Files.isRegularFile(dir.resolve(RunConfig.FILE)) ? " (the run was made by an rw without run files)" : ""));
        }
        RunFile f = RunFile.read(file);
        List<String> missing = new ArrayList<>();
        if (f.dataset() == null) missing.add("dataset");
        if (f.loss() == null) missing.add("loss");
        if (f.seed() == null) missing.add("seed");
        if (f.engine() == null) missing.add("engine");
        if (f.data().size() == null || f.data().sliceAxis() == null || f.data().allSlices() == null || f.data().ct() == null
                || f.data().validation() == null) missing.add("data");
        if (!f.training().complete()) missing.add("training");
        if (!missing.isEmpty()) {
            throw new UserError(file + ": incomplete run file (no complete " + String.join(", ", missing) + "); rw train writes complete ones");
        }
        return f;
    }

    /** Options given with {@code --resume} whose values differ from the recorded run, as "--option value (recorded: v)". */
    private static List<String> contradictions(TrainCommand c, ParseResult pr, RunFile f) {
        List<String> bad = new ArrayList<>();
        if (c.out != null && !same(c.out, c.resume)) bad.add("--out " + c.out + " (the run directory is " + c.resume + ")");
        if (given(pr, "--dataset") && c.dataset != null && !canonical(c.dataset).equals(f.dataset())) bad.add(was("--dataset", c.dataset, f.dataset()));
        if (given(pr, "--loss") && !lossId(c.loss).equals(lossId(f.loss()))) bad.add(was("--loss", c.loss, f.loss()));
        if (given(pr, "--seed") && c.seed != f.seed()) bad.add(was("--seed", c.seed, f.seed()));
        if (given(pr, "--backend") && !c.backend.equalsIgnoreCase(f.engine())) bad.add(was("--backend", c.backend, f.engine()));
        Precision recordedPrecision = f.precision() == null ? Precision.FP32 : f.precision();
        if (given(pr, "--precision") && c.precision.value != recordedPrecision) {
            bad.add(was("--precision", c.precision.value.key(), recordedPrecision.key()));
        }
        if (given(pr, "--size") && c.datasetOptions.size != f.data().size()) bad.add(was("--size", c.datasetOptions.size, f.data().size()));
        if (given(pr, "--slice-axis") && c.datasetOptions.axis != f.data().sliceAxis()) bad.add(was("--slice-axis", c.datasetOptions.axis, f.data().sliceAxis()));
        if (given(pr, "--all-slices") && !f.data().allSlices()) bad.add(was("--all-slices", true, false));
        if (given(pr, "--ct") && !f.data().ct()) bad.add(was("--ct", true, false));
        if (given(pr, "--no-validation") && f.data().validation()) bad.add("--no-validation (recorded: validation on)");
        String cache = f.data().cache() == null ? "float32" : f.data().cache();
        if (c.cacheFloat16 && !cache.equals("float16")) bad.add(was("--cache-float16", true, cache));
        if (c.noCache && cache.equals("float16")) bad.add(was("--no-cache", true, cache));
        if (c.physicalSpacing && !Boolean.TRUE.equals(f.data().physicalSpacing())) bad.add(was("--physical-spacing", true, false));
        if (c.scoring.slidingWindow && !Boolean.TRUE.equals(f.scoring().slidingWindow())) bad.add(was("--sliding-window", true, false));
        if (c.scoring.tta && !Boolean.TRUE.equals(f.scoring().tta())) bad.add(was("--tta", true, false));
        RunFile.Training r = f.training();
        TrainingOptions t = c.training;
        if (t.epochs != null && !t.epochs.equals(r.epochs())) bad.add(was("--epochs", t.epochs, r.epochs()));
        if (t.iterations != null && !t.iterations.equals(r.iterationsPerEpoch())) bad.add(was("--iterations", t.iterations, r.iterationsPerEpoch()));
        if (t.batch != null && !t.batch.equals(r.batch())) bad.add(was("--batch", t.batch, r.batch()));
        if (t.patch != null && !t.patch.equals(r.patch())) bad.add(was("--patch", t.patch, r.patch()));
        if (t.depth != null && !t.depth.equals(r.depth())) bad.add(was("--depth", t.depth, r.depth()));
        if (t.baseFilters != null && !t.baseFilters.equals(r.baseFilters())) bad.add(was("--base-filters", t.baseFilters, r.baseFilters()));
        if (t.lr != null && !t.lr.equals(r.learningRate())) bad.add(was("--lr", t.lr, r.learningRate()));
        if (t.deepSupervision && !Boolean.TRUE.equals(r.deepSupervision())) bad.add(was("--deep-supervision", true, false));
        if (t.threads != null && !t.threads.equals(r.threads())) bad.add(was("--threads", t.threads, r.threads()));
        int recordedDims = r.dimensions() == null ? 2 : r.dimensions();
        if (t.dims != null && t.dims != recordedDims) bad.add(was("--dims", t.dims, recordedDims));
        if (given(pr, "--time-budget")) bad.add("--time-budget (the plan is recorded)");
        if (given(pr, "--no-plan")) bad.add("--no-plan (the plan is recorded)");
        return bad;
    }

    private static String was(String option, Object given, @Nullable Object recorded) {
        return option + " " + given + " (recorded: " + recorded + ")";
    }

    private static String lossId(String expression) {
        try {
            return LossCatalog.parse(expression).id();
        } catch (IllegalArgumentException e) {
            return expression.trim();
        }
    }

    private static boolean given(ParseResult pr, String option) { return pr.hasMatchedOption(option); }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** {@code nnunet:} and the absolute folder for nnU-Net data (so a run file replays from anywhere), else the name. */
    static String canonical(String dataset) {
        String s = DatasetRegistry.canonical(dataset);
        if (s.toLowerCase(Locale.ROOT).startsWith("nnunet:")) {
            return "nnunet:" + Path.of(s.substring("nnunet:".length())).toAbsolutePath().normalize();
        }
        return s;
    }

    /** The run file of a new run. */
    static RunFile runFile(RunSetup r, TrainingSettings settings, TrainingBackend b) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("regionwise", RwVersionProvider.version());
        versions.put("java", System.getProperty("java.version"));
        versions.put("engine", b instanceof EngineBackend eb ? eb.engine().displayName() : b.name());
        DatasetOptions d = r.datasetOptions();
        return RunFile.of(r.dataset(), new RunFile.Data(d.size, d.axis, d.allSlices, d.ct, !d.noValidation, r.cache(), r.physicalSpacing()),
                r.loss(), r.seed(), b.name(), r.precision(), settings, versions, r.scoring());
    }

    /**
     * Checks that {@code out} can be a new run directory: absent, empty, or (with {@code overwrite}) an earlier run
     * directory, which is then emptied. Anything else is refused, so that no user folder is written into or deleted.
     */
    static void prepareOutput(Path out, boolean overwrite) throws IOException {
        if (!Files.exists(out)) return;
        if (!Files.isDirectory(out)) throw new UserError("--out " + out + " exists and is not a directory");
        try (var s = Files.list(out)) {
            if (s.findAny().isEmpty()) return;
        }
        boolean isRun = Files.isRegularFile(out.resolve(RunFile.FILE)) || Files.isRegularFile(out.resolve(RunConfig.FILE));
        if (!overwrite) {
            throw new UserError("--out " + out + " already exists and is not empty; "
                    + (isRun ? "use --resume " + out + " to continue that run or --overwrite to replace it" : "choose a new run directory"));
        }
        if (!isRun) {
            throw new UserError("--overwrite: " + out + " is not a run directory of rw train (no " + RunFile.FILE + " or "
                    + RunConfig.FILE + "); refusing to delete it");
        }
        try (var s = Files.list(out)) {
            for (Path p : s.toList()) FileTrees.delete(p);
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) FileTrees.delete(dir);
        } catch (IOException e) {
            // the original error matters more
        }
    }

    RunSetup {
        Objects.requireNonNull(out, "out");
    }
}
