package org.regionwise.examples.report;

import org.regionwise.core.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.image.FloatImage;
import org.regionwise.core.image.LabelImage;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.experiment.CaseScore;
import org.regionwise.examples.experiment.Comparison;
import org.regionwise.examples.experiment.RunResult;
import org.regionwise.training.CollapseDetector;
import org.regionwise.training.CollapsePolicy;
import org.regionwise.examples.experiment.SliceWiseSegmentation;
import org.regionwise.examples.experiment.Scoring;
import org.regionwise.examples.experiment.TrainingSettings;

/**
 * Writes the comparison report into a directory:
 * <pre>
 * report.md                     tables, plots, overlays, and how everything was measured
 * summary.csv                   per dataset, loss and class: Dice and HD mean ± std (the report's tables)
 * scores.csv                    per dataset, loss, seed, test case and class: Dice and HD (mm)
 * instability.csv               per dataset, loss and seed: instability of the validation Dice curve
 * curves.csv                    per dataset, loss, seed and epoch: training loss and validation Dice per class
 * runs.csv                      per run: wall times, final training loss, failure, collapsed classes
 * plots/DATASET-validation-dice.png   validation Dice per epoch, one line per loss (mean over seeds)
 * plots/DATASET-train-loss.png        training loss per epoch, one line per loss (mean over seeds)
 * overlays/DATASET-CASE.png           a test image, its ground truth and every loss's prediction (first seed)
 * </pre>
 */
public final class ReportWriter {
    private final Scoring scoring;

    /**
     * A writer that describes instability with {@code scoring}.
     *
     * @param scoring the metrics
     */
    public ReportWriter(Scoring scoring) { this.scoring = Objects.requireNonNull(scoring, "scoring"); }

    /** Writes every file and returns the path of {@code report.md}. */
    /** The empty {@code scores.csv} table: one row per dataset, loss, seed, test case and foreground class. */
    static Csv scoresTable() { return new Csv("dataset", "loss", "seed", "case", "class", "class_name", "dice", "hd_mm"); }

    /** The empty {@code runs.csv} table: one row per run. */
    static Csv runsTable() {
        return new Csv("dataset", "loss", "seed", "train_seconds", "eval_seconds", "epochs", "final_train_loss", "failure", "collapsed");
    }

    /** Adds run {@code r}'s row to a {@link #runsTable()}. */
    static void addRun(Csv runs, RunResult r) {
        runs.row(r.dataset(), r.loss(), r.seed(), r.trainSeconds(), r.evalSeconds(), r.history().size(),
                r.history().isEmpty() ? Double.NaN : r.history().get(r.history().size() - 1).trainLoss(),
                r.failure() == null ? "" : r.failure(), collapsedText(r));
    }

    /**
     * The classes that {@link CollapseDetector} flags in the run's history under the automatic policy (validation after
     * every epoch), as {@code "2@e7;3@e9"} (class, 1-based epoch of the flag); empty when none.
     */
    static String collapsedText(RunResult r) {
        List<String> out = new java.util.ArrayList<>();
        for (var e : new java.util.TreeMap<>(collapsed(r)).entrySet()) out.add(e.getKey() + "@e" + (e.getValue() + 1));
        return String.join(";", out);
    }

    static java.util.Map<Integer, Integer> collapsed(RunResult r) {
        if (r.history().isEmpty()) return java.util.Map.of();
        return CollapseDetector.scan(r.history(), CollapsePolicy.auto().resolve(r.history().size(), 1));
    }

    /**
     * Writes the report (markdown, CSV tables, plots, overlays) into {@code dir}.
     *
     * @param result the comparison
     * @param dir the report folder
     * @return the markdown file
     */
    public Path write(Comparison.Result result, Path dir) {
        try {
            Files.createDirectories(dir.resolve("plots"));
            Files.createDirectories(dir.resolve("overlays"));
            StringBuilder md = new StringBuilder();
            header(md, result);
            Csv summary = new Csv("dataset", "loss", "class", "class_name", "dice_mean", "dice_std", "dice_n",
                    "hd_mean_mm", "hd_std_mm", "hd_n", "hd_undefined", "dice_seed_std", "hd_seed_std_mm");
            Csv scores = scoresTable();
            Csv curves = new Csv("dataset", "loss", "seed", "epoch", "train_loss", "learning_rate", "val_dice_foreground",
                    "val_dice_per_class", "val_hd_per_class_mm", "seconds");
            Csv runs = runsTable();
            List<String> instabilityNames = instabilityNames(result);
            List<String> instHeader = new ArrayList<>(List.of("dataset", "loss", "seed"));
            instHeader.addAll(instabilityNames);
            Csv instability = new Csv(instHeader.toArray(String[]::new));

            for (RunResult r : result.runs()) {
                addRun(runs, r);
                for (EpochReport e : r.history()) {
                    curves.row(r.dataset(), r.loss(), r.seed(), e.epoch() + 1, e.trainLoss(), e.learningRate(),
                            e.meanForegroundDice(), join(e.validationDice()), join(e.validationHausdorffMm()), e.seconds());
                }
                if (!r.failed()) {
                    Map<String, Double> m = scoring.instability(r.validationDiceCurve());
                    List<Object> row = new ArrayList<>(List.of(r.dataset(), r.loss(), r.seed()));
                    for (String n : instabilityNames) row.add(m.getOrDefault(n, Double.NaN));
                    instability.row(row.toArray());
                }
            }

            for (Dataset d : result.datasets()) {
                datasetSection(md, result, d, summary, scores, instabilityNames, dir);
            }
            failures(md, result);
            collapses(md, result);
            files(md);

            summary.write(dir.resolve("summary.csv"));
            scores.write(dir.resolve("scores.csv"));
            curves.write(dir.resolve("curves.csv"));
            runs.write(dir.resolve("runs.csv"));
            instability.write(dir.resolve("instability.csv"));
            Path report = dir.resolve("report.md");
            AtomicFiles.writeString(report, md.toString());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<String> instabilityNames(Comparison.Result result) {
        TreeSet<String> names = new TreeSet<>();
        for (RunResult r : result.runs()) if (!r.failed()) names.addAll(scoring.instability(r.validationDiceCurve()).keySet());
        return List.copyOf(names);
    }

    private static void header(StringBuilder md, Comparison.Result result) {
        TrainingSettings s = result.settings();
        md.append("# Region-wise loss comparison\n\n");
        md.append("Generated by `rw compare` on ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(result.started()))
                .append(String.format(Locale.ROOT, "; wall time %s for %d runs.%n%n", duration(result.wallSeconds()), result.runs().size()));
        md.append("## How this was measured\n\n");
        md.append("- **Machine:** ").append(Machine.describe()).append("; backend `").append(result.backend()).append("`.\n");
        md.append("- **Runs:** every dataset × loss × seed; losses ").append(codeList(result.losses()))
                .append("; seeds ").append(result.seeds()).append(" (the seed sets the network weights and the patch sampling; "
                        + "the data itself is fixed).\n");
        md.append(String.format(Locale.ROOT, "- **Training:** %d epochs × %d steps, batch %d, %d×%d px patches; 2D U-Net depth %d, "
                        + "%d base filters (doubling per stage), instance normalisation%s; Adam lr %s with poly decay (power 0.9), "
                        + "L2 weight decay 3e-5, gradient-norm clip 12; validation after every epoch.%n",
                s.epochs(), s.iterationsPerEpoch(), s.batchSize(), s.patchSize(), s.patchSize(), s.depth(), s.baseFilters(),
                s.deepSupervision() ? ", deep supervision" : "", Csv.format(s.learningRate())));
        md.append(String.format(Locale.ROOT, "- **Budget:** %d optimiser steps per run; the paper trains 300 epochs × 250 steps = "
                + "75,000. At budgets this much shorter the tables rank how fast each loss learns rather than where it converges; "
                + "raise `--epochs`, `--iterations` and `--seeds` before drawing conclusions.%n", s.totalSteps()));
        md.append("- **Evaluation:** each model segments every test case (argmax of the softmax): a 2D image whole, a 3D "
                + "volume slice by slice along the training slice axis, scored in 3D with the volume's spacing (the paper's "
                + "unit). Per test case and foreground class: Dice = 2|P∩G| / (|P|+|G|) (undefined when the class is absent from both), "
                + "and the symmetric Hausdorff distance HD between the class surfaces in mm (medpy `hd` semantics, "
                + "undefined when the class is missing from the prediction or the ground truth). Tables give mean ± sample "
                + "standard deviation over all test cases of all seeds; undefined values are left out of the means and "
                + "counted in the HD tables (a model that misses a structure gets no HD, so also read that count).");
        if (result.seeds().size() > 1) md.append(" Values in brackets are the standard deviation of the per-seed means.");
        md.append("\n");
        md.append("- **Instability:** per run, the validation curve is the mean foreground Dice on the validation images after "
                + "every epoch. A drop episode is a maximal non-increasing stretch of the curve with at least one strict decrease, "
                + "its depth the fall from its start to its end: `drops` counts episodes deeper than 0.05 Dice, `max_drop` is the "
                + "deepest episode, `max_drawdown` the largest fall below the best value so far, `total_variation` the sum of "
                + "|change| between consecutive epochs (rw-metrics `TrainingCurveInstability`; the paper does not publish its "
                + "formula). Values are per run, averaged over seeds.");
        if (result.seeds().size() > 1) {
            md.append(" With several seeds, the last column is the standard deviation of the validation curve across seeds, "
                    + "averaged over the last 5 epochs (all epochs when there are fewer).");
        }
        md.append("\n\n");
    }

    private void datasetSection(StringBuilder md, Comparison.Result result, Dataset d, Csv summary, Csv scores,
                                List<String> instabilityNames, Path dir) throws IOException {
        List<String> classes = d.classNames();
        int k = classes.size();
        md.append("## ").append(d.name()).append("\n\n").append(d.description()).append("\n\n");
        long volumes = d.test().stream().filter(t -> !t.image().grid().is2D()).count();
        md.append(String.format(Locale.ROOT, "Splits: %d training, %d validation images, %d test %s.%n%n",
                d.training().size(), d.validation().size(), d.test().size(),
                volumes == 0 ? "images" : volumes == d.test().size() ? "volumes (scored in 3D)" : "cases (" + volumes + " 3D volumes)"));

        // per loss and class: pooled stats and per-seed means
        Map<String, Stats[]> dice = new LinkedHashMap<>(), hd = new LinkedHashMap<>();
        Map<String, double[]> diceSeedStd = new LinkedHashMap<>(), hdSeedStd = new LinkedHashMap<>();
        for (String loss : result.losses()) {
            List<RunResult> runs = result.runs(d.name(), loss);
            Stats[] ds = new Stats[k], hs = new Stats[k];
            double[] dss = new double[k], hss = new double[k];
            for (int c = 1; c < k; c++) {
                List<Double> dv = new ArrayList<>(), hv = new ArrayList<>(), dSeed = new ArrayList<>(), hSeed = new ArrayList<>();
                for (RunResult r : runs) {
                    List<Double> rd = new ArrayList<>(), rh = new ArrayList<>();
                    for (CaseScore cs : r.scores()) {
                        double dval = cs.dice().get(c), hval = cs.hausdorffMm().get(c);
                        dv.add(dval); hv.add(hval); rd.add(dval); rh.add(hval);
                        scores.row(d.name(), loss, r.seed(), cs.caseId(), c, classes.get(c), dval, hval);
                    }
                    if (!r.failed()) { dSeed.add(Stats.of(rd).mean()); hSeed.add(Stats.of(rh).mean()); }
                }
                ds[c] = Stats.of(dv);
                hs[c] = Stats.of(hv);
                dss[c] = Stats.of(dSeed).std();
                hss[c] = Stats.of(hSeed).std();
                summary.row(d.name(), loss, c, classes.get(c), ds[c].mean(), ds[c].std(), ds[c].count(),
                        hs[c].mean(), hs[c].std(), hs[c].count(), hs[c].nans(), dss[c], hss[c]);
            }
            dice.put(loss, ds); hd.put(loss, hs); diceSeedStd.put(loss, dss); hdSeedStd.put(loss, hss);
        }
        boolean seeds = result.seeds().size() > 1;
        md.append("### Dice (higher is better; best per class in bold)\n\n");
        table(md, result.losses(), classes, dice, diceSeedStd, true, seeds, false);
        md.append("### Hausdorff distance, mm (lower is better; best per class in bold)\n\n");
        table(md, result.losses(), classes, hd, hdSeedStd, false, seeds, true);

        md.append("### Instability of the validation Dice curve (mean over seeds)\n\n");
        if (instabilityNames.isEmpty()) {
            md.append("No successful run.\n\n");
        } else {
            boolean spread = result.seeds().size() > 1;
            md.append("| loss | ").append(String.join(" | ", instabilityNames)).append(" | final validation Dice |")
                    .append(spread ? " std across seeds (last ≤5 epochs) |" : "").append('\n');
            md.append("|---|").append("---|".repeat(instabilityNames.size() + 1 + (spread ? 1 : 0))).append('\n');
            for (String loss : result.losses()) {
                List<RunResult> runs = result.runs(d.name(), loss).stream().filter(r -> !r.failed()).toList();
                md.append("| ").append(loss);
                for (String n : instabilityNames) {
                    double[] v = runs.stream().mapToDouble(r -> scoring.instability(r.validationDiceCurve()).getOrDefault(n, Double.NaN)).toArray();
                    md.append(" | ").append(num(Stats.of(v).mean()));
                }
                double[] fin = runs.stream().mapToDouble(r -> { double[] c = r.validationDiceCurve(); return c.length == 0 ? Double.NaN : c[c.length - 1]; }).toArray();
                md.append(" | ").append(num(Stats.of(fin).mean())).append(" |");
                if (spread) {
                    double[][] curves = runs.stream().map(RunResult::validationDiceCurve).toArray(double[][]::new);
                    md.append(' ').append(num(scoring.spreadAcrossRuns(curves, 5))).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }

        String slug = slug(d.name());
        Map<String, CurvePlots.Series> valSeries = new LinkedHashMap<>(), lossSeries = new LinkedHashMap<>();
        for (String loss : result.losses()) {
            List<RunResult> runs = result.runs(d.name(), loss).stream().filter(r -> !r.failed()).toList();
            valSeries.put(loss, meanCurve(runs, true));
            lossSeries.put(loss, meanCurve(runs, false));
        }
        CurvePlots.write(dir.resolve("plots/" + slug + "-validation-dice.png"), d.name() + ": validation Dice (foreground mean)",
                "epoch", "Dice", valSeries);
        CurvePlots.write(dir.resolve("plots/" + slug + "-train-loss.png"), d.name() + ": training loss", "epoch", "loss", lossSeries);
        md.append("### Training curves\n\n");
        md.append("![validation Dice per epoch](plots/").append(slug).append("-validation-dice.png)\n\n");
        md.append("![training loss per epoch](plots/").append(slug).append("-train-loss.png)\n\n");

        md.append("### Predictions on test cases (first seed)\n\n");
        md.append("Columns: image, ground truth, then each loss. Colours: ");
        for (int c = 1; c < k; c++) {
            java.awt.Color col = Overlays.color(c);
            md.append(c > 1 ? ", " : "").append(classes.get(c)).append(String.format(Locale.ROOT, " #%02x%02x%02x", col.getRed(), col.getGreen(), col.getBlue()));
        }
        md.append(".\n\n");
        for (Sample s : d.test()) {
            // a 3D test volume is drawn at its slice (along the training slice axis) with the most ground truth
            boolean volume = !s.image().grid().is2D();
            int z = volume ? SliceWiseSegmentation.richestSlice(s.labels(), d.sliceAxis()) : -1;
            List<@Nullable LabelImage> layers = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            layers.add(null); titles.add("image");
            layers.add(volume ? s.labels().slice(d.sliceAxis(), z) : s.labels()); titles.add("ground truth");
            boolean any = false;
            for (String loss : result.losses()) {
                List<RunResult> runs = result.runs(d.name(), loss);
                LabelImage p = runs.isEmpty() ? null : runs.get(0).predictions().get(s.id());
                // Experiment keeps only that slice of a predicted volume
                if (p != null) { layers.add(p.grid().is2D() ? p : p.slice(d.sliceAxis(), z)); titles.add(loss); any = true; }
            }
            if (!any) continue;
            FloatImage image = volume ? s.image().slice(d.sliceAxis(), z) : s.image();
            int scale = Math.max(1, 192 / Math.max(image.grid().size(0), image.grid().size(1)));
            BufferedImage img = Overlays.row(image, layers, titles, scale);
            String caseName = s.id().substring(s.id().lastIndexOf('/') + 1)
                    + (volume ? String.format(Locale.ROOT, "-%c%03d", "xyz".charAt(d.sliceAxis()), z) : "");
            String name = "overlays/" + slug + "-" + slug(caseName) + ".png";
            AtomicFiles.write(dir.resolve(name), o -> ImageIO.write(img, "png", o));
            md.append("![").append(s.id()).append(volume ? String.format(Locale.ROOT, ", slice %c=%d", "xyz".charAt(d.sliceAxis()), z) : "")
                    .append("](").append(name).append(")\n\n");
        }
    }

    private static CurvePlots.Series meanCurve(List<RunResult> runs, boolean validation) {
        int epochs = runs.stream().mapToInt(r -> r.history().size()).max().orElse(0);
        double[] x = new double[epochs], y = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            x[e] = e + 1;
            List<Double> v = new ArrayList<>();
            for (RunResult r : runs) {
                if (e < r.history().size()) {
                    EpochReport rep = r.history().get(e);
                    v.add(validation ? (rep.validated() ? rep.meanForegroundDice() : Double.NaN) : rep.trainLoss());
                }
            }
            y[e] = Stats.of(v).mean();
        }
        return new CurvePlots.Series(x, y);
    }

    private static void table(StringBuilder md, List<String> losses, List<String> classes, Map<String, Stats[]> stats,
                              Map<String, double[]> seedStd, boolean higherBetter, boolean seeds, boolean countUndefined) {
        int k = classes.size();
        md.append("| loss |");
        for (int c = 1; c < k; c++) md.append(' ').append(classes.get(c)).append(" |");
        md.append(" mean |");
        if (countUndefined) md.append(" HD undefined |");
        md.append('\n').append("|---|").append("---|".repeat(k - 1)).append("---|");
        if (countUndefined) md.append("---|");
        md.append('\n');
        double[] best = new double[k];
        for (int c = 1; c < k; c++) {
            best[c] = Double.NaN;
            for (String l : losses) {
                double m = stats.get(l)[c].mean();
                if (Double.isNaN(m)) continue;
                if (Double.isNaN(best[c]) || (higherBetter ? m > best[c] : m < best[c])) best[c] = m;
            }
        }
        for (String l : losses) {
            Stats[] s = stats.get(l);
            md.append("| ").append(l).append(" |");
            double sum = 0;
            int n = 0, undefined = 0, total = 0;
            for (int c = 1; c < k; c++) {
                String cell = num(s[c].mean()) + " ± " + num(s[c].std());
                if (seeds) cell += " (" + num(seedStd.get(l)[c]) + ")";
                if (!Double.isNaN(s[c].mean()) && s[c].mean() == best[c]) cell = "**" + cell + "**";
                md.append(' ').append(cell).append(" |");
                if (!Double.isNaN(s[c].mean())) { sum += s[c].mean(); n++; }
                undefined += s[c].nans();
                total += s[c].nans() + s[c].count();
            }
            md.append(' ').append(num(n == 0 ? Double.NaN : sum / n)).append(" |");
            if (countUndefined) md.append(' ').append(undefined).append(" / ").append(total).append(" |");
            md.append('\n');
        }
        md.append('\n');
    }

    private static void failures(StringBuilder md, Comparison.Result result) {
        List<RunResult> failed = result.runs().stream().filter(RunResult::failed).toList();
        md.append("## Failed runs\n\n");
        if (failed.isEmpty()) {
            md.append("None: every run finished.\n\n");
            return;
        }
        md.append("These runs stopped before the end (e.g. the loss diverged); they are left out of every table above.\n\n");
        md.append("| dataset | loss | seed | reason |\n|---|---|---|---|\n");
        for (RunResult r : failed) {
            md.append("| ").append(r.dataset()).append(" | ").append(r.loss()).append(" | ").append(r.seed()).append(" | ")
                    .append(String.valueOf(r.failure()).replace('|', '/').replace('\n', ' ')).append(" |\n");
        }
        md.append('\n');
    }

    private static void collapses(StringBuilder md, Comparison.Result result) {
        List<RunResult> collapsed = result.runs().stream().filter(r -> !r.failed() && !collapsed(r).isEmpty()).toList();
        md.append("## Collapsed runs\n\n");
        if (collapsed.isEmpty()) {
            md.append("None: no run stopped predicting a foreground class on validation.\n\n");
            return;
        }
        md.append("These runs predicted a foreground class on no validation voxel for several validations in a row after the "
                + "warm-up (the collapse rule of rw-training's `CollapsePolicy.auto()`); their scores are in the tables above. "
                + "Try `gradual-rrw-dice` (the paper's Dice-then-RRW schedule) for them, or `gradual@0.1:dice,rrw` in a short run (see the README).\n\n");
        md.append("| dataset | loss | seed | collapsed classes (flagged at epoch) |\n|---|---|---|---|\n");
        for (RunResult r : collapsed) {
            Dataset d = result.datasets().stream().filter(x -> x.name().equals(r.dataset())).findFirst().orElse(null);
            List<String> what = new java.util.ArrayList<>();
            for (var e : new java.util.TreeMap<>(collapsed(r)).entrySet()) {
                String name = d == null ? "class " + e.getKey() : d.classNames().get(e.getKey());
                what.add(name + " (" + (e.getValue() + 1) + ")");
            }
            md.append("| ").append(r.dataset()).append(" | ").append(r.loss()).append(" | ").append(r.seed()).append(" | ")
                    .append(String.join(", ", what)).append(" |\n");
        }
        md.append('\n');
    }

    private static void files(StringBuilder md) {
        md.append("## Files\n\n");
        md.append("- [summary.csv](summary.csv): the tables above (per dataset, loss and class).\n");
        md.append("- [scores.csv](scores.csv): Dice and HD per dataset, loss, seed, test image and class.\n");
        md.append("- [instability.csv](instability.csv): instability measures per run.\n");
        md.append("- [curves.csv](curves.csv): training loss and validation Dice/HD per epoch and run.\n");
        md.append("- [runs.csv](runs.csv): wall time and outcome of each run.\n");
    }

    private static String join(List<Double> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) b.append(';');
            b.append(Csv.format(values.get(i)));
        }
        return b.toString();
    }

    /**
     * A number for tables: 3 decimals below 10, 2 below 100, 1 above; NaN as an en dash.
     *
     * @param v the number
     * @return the text
     */
    public static String num(double v) {
        if (Double.isNaN(v)) return "–";
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (Math.abs(v) >= 10) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String codeList(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) b.append(b.length() > 0 ? ", " : "").append('`').append(n).append('`');
        return b.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s / 60) % 60);
    }

    /**
     * A file-name-safe form of a name: {@code rrw+ce -> rrw_plus_ce}, {@code gradual:dice,rrw -> gradual-dice-rrw}.
     *
     * @param name a name
     * @return the slug
     */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace("+", "_plus_").replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    }
}
