package org.regionwise.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.regionwise.core.image.Grid;
import org.regionwise.core.image.LabelImage;
import org.regionwise.core.io.AtomicFiles;
import org.regionwise.core.io.Nifti;
import org.regionwise.metrics.Aggregation;
import org.regionwise.metrics.CaseEvaluation;
import org.regionwise.metrics.EmptyMaskPolicy;
import org.regionwise.metrics.EvaluationOptions;
import org.regionwise.metrics.Metric;
import org.regionwise.metrics.MetricSummary;
import org.regionwise.metrics.Metrics;
import org.regionwise.metrics.PercentileConvention;
import org.regionwise.metrics.report.ResultsCsv;
import org.regionwise.metrics.report.ResultsJson;
import org.regionwise.metrics.report.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rw evaluate}: per-class Dice, IoU, precision, recall, volume differences, HD, HD95, ASD, ASSD and surface
 * Dice of predictions against references (NIfTI), with spacing from the reference headers, and mean ± std per class.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Evaluate segmentations against references: Dice, HD, HD95, ASSD per class in mm.",
        description = {"Evaluate segmentations: per case and class Dice, HD, HD95, ASSD (table) or every metric (csv, json), "
                       + "then mean ± std per class over cases. Distances in mm from the reference header's spacing; surfaces "
                       + "and HD/HD95 as medpy (mask XOR erosion, connectivity 1, HD95 pooled over both directions). --pred "
                       + "and --ref are two NIfTI files, or two folders whose .nii/.nii.gz files are matched by name (nnU-Net "
                       + "style). Undefined values print as nan and are counted, never averaged as 0."},
        footer = {"",
                  "Empty masks: with --empty nan (default) a distance is NaN when the prediction or the reference is "
                  + "empty, and the summary counts it; inf and diagonal put +infinity or the image diagonal (mm) instead "
                  + "(marked *); skip leaves it out and counts it as skipped. Dice is NaN only when both masks are empty."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--pred", required = true, paramLabel = "P", description = "Prediction NIfTI file or folder.")
    Path pred;

    @Option(names = "--ref", required = true, paramLabel = "R", description = "Reference (ground-truth) NIfTI file or folder.")
    Path ref;

    @Option(names = "--classes", split = ",", paramLabel = "K",
            description = "Class labels to evaluate, e.g. 1,2,3 (default: every label > 0 found in any prediction or reference).")
    int @org.jspecify.annotations.Nullable [] classes;

    @Option(names = "--empty", defaultValue = "nan", paramLabel = "POLICY",
            description = "Distance when exactly one mask is empty: nan, inf, diagonal or skip (default: ${DEFAULT-VALUE}).")
    String empty;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the output to FILE (atomically) instead of standard output; with csv also FILE's .summary.csv.")
    @org.jspecify.annotations.Nullable Path out;

    @Option(names = "--hd95", defaultValue = "medpy", paramLabel = "CONVENTION",
            description = "medpy (95th percentile of both directions pooled) or monai (max of the two directed 95th percentiles) (default: ${DEFAULT-VALUE}).")
    String hd95;

    @Option(names = "--connectivity", defaultValue = "1", paramLabel = "C",
            description = "Surface neighbourhood: 1 = face neighbours (medpy default) up to 3 = full (default: ${DEFAULT-VALUE}).")
    int connectivity;

    @Option(names = "--nsd-tolerance", defaultValue = "1.0", paramLabel = "MM",
            description = "Tolerance of the normalised surface Dice, mm (default: ${DEFAULT-VALUE}).")
    double nsdTolerance;

    @Option(names = "--workers", paramLabel = "N",
            description = "Cases evaluated in parallel, each holding one case in memory (default: the processors).")
    @org.jspecify.annotations.Nullable Integer workers;

    @Option(names = "--resume", description = "With --out: keep the cases an interrupted run already finished (kept in FILE.partial/) "
            + "and evaluate only the others.")
    boolean resume;

    @picocli.CommandLine.Mixin ProgressOptions progress = new ProgressOptions();

    private record Case(String id, Path pred, Path ref) {}

    /** The folder that keeps each finished case's rows until the run completes: {@code FILE.partial}. */
    static Path partialDir(Path out) { return out.resolveSibling(out.getFileName() + ".partial"); }

    @Override
    public Integer call() {
        EvaluationOptions options = options();
        List<Case> cases = pairs();
        int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (w < 1) throw new UserError("--workers must be >= 1, got " + w);
        if (resume && out == null) throw new UserError("--resume needs --out FILE (finished cases are kept beside it)");
        Path partial = out == null ? null : partialDir(out);
        Map<String, CaseEvaluation> finished = new java.util.concurrent.ConcurrentHashMap<>();
        if (partial != null) {
            try {
                if (resume && Files.isDirectory(partial)) {
                    for (Case c : cases) {
                        Path f = partial.resolve(c.id() + ".csv");
                        if (!Files.isRegularFile(f)) continue;
                        List<CaseEvaluation> back = ResultsCsv.parseCases(Files.readString(f));
                        if (back.size() == 1 && back.get(0).caseId().equals(c.id())) finished.put(c.id(), back.get(0));
                    }
                } else if (Files.exists(partial)) {
                    org.regionwise.core.io.FileTrees.delete(partial);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + partial + ": " + e.getMessage(), e);
            }
        }
        int kept = finished.size();
        List<Case> todo = cases.stream().filter(c -> !finished.containsKey(c.id())).toList();
        int[] done = {kept};
        try (CaseProgress p = new CaseProgress("evaluate", spec.commandLine().getErr(), progress)) {
            p.start(cases.size());
            java.util.function.Consumer<Case> one = c -> {
                LabelImage r = Nifti.readLabels(c.ref());
                LabelImage pr = Nifti.readLabels(c.pred());
                checkGrids(c, pr.grid(), r.grid());
                int[] labels = classes != null ? classes : presentLabels(pr, r);
                CaseEvaluation e = labels.length == 0 ? new CaseEvaluation(c.id(), labels, Map.of(), Map.of())
                        : Metrics.evaluate(c.id(), pr, r, labels, options);
                finished.put(c.id(), e);
                if (partial != null && labels.length > 0) AtomicFiles.writeString(partial.resolve(c.id() + ".csv"), ResultsCsv.cases(List.of(e)));
                synchronized (done) {
                    done[0]++;
                    p.done(done[0], c.id(), labels.length + " label" + (labels.length == 1 ? "" : "s"));
                }
            };
            try {
                org.regionwise.examples.data.internal.ParallelCases.forEach(todo, w, "rw-evaluate", one);
            } catch (RuntimeException | Error e) {
                if (partial != null && Files.isDirectory(partial)) {
                    spec.commandLine().getErr().println("rw evaluate: the cases finished so far are kept in " + partial
                            + "; after fixing the problem, rerun with --resume to evaluate only the others");
                }
                throw e;
            }
        }
        List<CaseEvaluation> results = new ArrayList<>();
        TreeSet<Integer> seen = new TreeSet<>();
        for (Case c : cases) {
            results.add(finished.get(c.id()));
            for (int l : finished.get(c.id()).labels()) seen.add(l);
        }
        if (classes == null) {
            if (seen.isEmpty()) throw new UserError("no foreground label (> 0) in any prediction or reference; nothing to evaluate");
            results = completeClasses(results, seen.stream().mapToInt(Integer::intValue).toArray(), options);
        }
        List<MetricSummary> summary = Aggregation.summarize(results);
        emit(results, summary, options);
        if (kept > 0) spec.commandLine().getErr().println("rw evaluate: " + kept + " case(s) kept from the interrupted run in " + partial);
        if (partial != null) org.regionwise.examples.cli.RunSetup.deleteQuietly(partial);
        return 0;
    }

    private EvaluationOptions options() {
        EmptyMaskPolicy policy = switch (empty.toLowerCase(Locale.ROOT)) {
            case "nan" -> EmptyMaskPolicy.NAN;
            case "inf", "infinity" -> EmptyMaskPolicy.INFINITY;
            case "diagonal" -> EmptyMaskPolicy.DIAGONAL;
            case "skip" -> EmptyMaskPolicy.SKIP;
            default -> throw new UserError("--empty must be nan, inf, diagonal or skip, got '" + empty + "'");
        };
        PercentileConvention convention = switch (hd95.toLowerCase(Locale.ROOT)) {
            case "medpy" -> PercentileConvention.MEDPY_POOLED;
            case "monai" -> PercentileConvention.MONAI_MAX_OF_DIRECTED;
            default -> throw new UserError("--hd95 must be medpy or monai, got '" + hd95 + "'");
        };
        if (!List.of("table", "csv", "json").contains(format.toLowerCase(Locale.ROOT))) {
            throw new UserError("--format must be table, csv or json, got '" + format + "'");
        }
        if (classes != null) {
            if (classes.length == 0) throw new UserError("--classes is empty");
            for (int k : classes) if (k < 0) throw new UserError("--classes: label " + k + " is negative");
            if (java.util.Arrays.stream(classes).distinct().count() != classes.length) {
                throw new UserError("--classes lists a label twice: " + java.util.Arrays.toString(classes));
            }
        }
        return EvaluationOptions.defaults().withEmptyPolicy(policy).withPercentileConvention(convention)
                .withConnectivity(connectivity).withSurfaceDiceTolerance(nsdTolerance);
    }

    /** The (prediction, reference) pairs: two files, or two folders matched by file name. */
    private List<Case> pairs() {
        if (!Files.exists(pred)) throw new UserError("--pred " + pred + ": no such file or folder");
        if (!Files.exists(ref)) throw new UserError("--ref " + ref + ": no such file or folder");
        boolean pd = Files.isDirectory(pred);
        boolean rd = Files.isDirectory(ref);
        if (pd != rd) {
            throw new UserError("--pred and --ref must both be files or both be folders, but " + (pd ? pred : ref)
                    + " is a folder and " + (pd ? ref : pred) + " is a file");
        }
        if (!pd) return List.of(new Case(caseId(ref), pred, ref));
        Map<String, Path> refs = niftiFiles(ref);
        Map<String, Path> preds = niftiFiles(pred);
        if (refs.isEmpty()) throw new UserError("--ref folder " + ref + " holds no .nii or .nii.gz file");
        for (String name : refs.keySet()) {
            if (!preds.containsKey(name)) {
                throw new UserError("no prediction for reference " + refs.get(name) + ": " + pred.resolve(name) + " does not exist");
            }
        }
        for (String name : preds.keySet()) {
            if (!refs.containsKey(name)) {
                throw new UserError("no reference for prediction " + preds.get(name) + ": " + ref.resolve(name) + " does not exist");
            }
        }
        List<Case> out = new ArrayList<>();
        for (Map.Entry<String, Path> e : refs.entrySet()) out.add(new Case(caseId(e.getValue()), preds.get(e.getKey()), e.getValue()));
        return out;
    }

    private static Map<String, Path> niftiFiles(Path dir) {
        Map<String, Path> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String n = p.getFileName().toString();
                String lower = n.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".nii") || lower.endsWith(".nii.gz")) m.put(n, p);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return m;
    }

    /** The file name without {@code .nii} / {@code .nii.gz}. */
    static String caseId(Path file) {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".nii.gz")) return n.substring(0, n.length() - 7);
        if (lower.endsWith(".nii")) return n.substring(0, n.length() - 4);
        return n;
    }

    /** Same size, and spacing equal up to float32 rounding in the headers (relative 1e-5). */
    private static void checkGrids(Case c, Grid p, Grid r) {
        boolean same = p.sameShape(r);
        for (int a = 0; same && a < r.dimensions(); a++) {
            same = Math.abs(p.spacing(a) - r.spacing(a)) <= 1e-5 * Math.max(p.spacing(a), r.spacing(a));
        }
        if (!same) {
            throw new UserError("different grids in case " + c.id() + ": prediction " + c.pred() + " is " + p.describeSize()
                    + " @ " + p.describeSpacing() + " but reference " + c.ref() + " is " + r.describeSize() + " @ " + r.describeSpacing());
        }
    }

    private static int[] presentLabels(LabelImage p, LabelImage r) {
        TreeSet<Integer> s = new TreeSet<>(p.histogram().keySet());
        s.addAll(r.histogram().keySet());
        s.remove(0);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Gives every case every label found anywhere: a label absent from both masks of a case gets the results of two
     * empty masks (Dice NaN "both empty", distances undefined), computed on a one-voxel empty image, so that the
     * summary counts it as undefined instead of silently having fewer cases.
     */
    private static List<CaseEvaluation> completeClasses(List<CaseEvaluation> results, int[] all, EvaluationOptions o) {
        List<CaseEvaluation> out = new ArrayList<>();
        LabelImage nothing = LabelImage.zeros(Grid.of2D(1, 1));
        for (CaseEvaluation e : results) {
            TreeSet<Integer> have = new TreeSet<>();
            for (int l : e.labels()) have.add(l);
            int[] missing = java.util.Arrays.stream(all).filter(l -> !have.contains(l)).toArray();
            if (missing.length == 0) {
                out.add(e);
                continue;
            }
            CaseEvaluation absent = Metrics.evaluate(e.caseId(), nothing, nothing, missing, o.withConnectivity(1));
            Map<org.regionwise.metrics.MetricId, org.regionwise.metrics.MetricValue> values = new TreeMap<>(e.asMap());
            values.putAll(absent.asMap());
            Map<org.regionwise.metrics.MetricId, String> skipped = new TreeMap<>(e.skipped());
            skipped.putAll(absent.skipped());
            out.add(new CaseEvaluation(e.caseId(), all, values, skipped));
        }
        return out;
    }

    private void emit(List<CaseEvaluation> results, List<MetricSummary> summary, EvaluationOptions o) {
        String f = format.toLowerCase(Locale.ROOT);
        String text = switch (f) {
            case "csv" -> ResultsCsv.cases(results);
            case "json" -> ResultsJson.of(results, summary, o);
            default -> "# " + conventions(o) + "\n" + ResultsTable.of(results, summary, List.of(Metric.DICE,
                    Metric.HAUSDORFF, Metric.HAUSDORFF95, Metric.AVERAGE_SYMMETRIC_SURFACE_DISTANCE));
        };
        PrintWriter w = spec.commandLine().getOut();
        if (out == null) {
            w.print(text);
            if (f.equals("csv")) w.print("\n" + ResultsCsv.summary(summary));
        } else {
            AtomicFiles.writeString(out, text);
            w.println("wrote " + out);
            if (f.equals("csv")) {
                Path s = summaryPath(out);
                AtomicFiles.writeString(s, ResultsCsv.summary(summary));
                w.println("wrote " + s);
            }
        }
        w.flush();
    }

    static Path summaryPath(Path csv) {
        String n = csv.getFileName().toString();
        String stem = n.toLowerCase(Locale.ROOT).endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return csv.resolveSibling(stem + ".summary.csv");
    }

    private static String conventions(EvaluationOptions o) {
        return "spacing from the reference headers, distances in mm; surfaces as medpy (connectivity " + o.effectiveConnectivity()
                + "); HD95 " + (o.percentileConvention() == PercentileConvention.MEDPY_POOLED ? "medpy (pooled)" : "MONAI (max of directed)")
                + "; empty-mask policy " + o.emptyPolicy().name().toLowerCase(Locale.ROOT)
                + "; nan = undefined (counted, not averaged), * = set by the policy, skip = skipped; std is the sample std";
    }
}
