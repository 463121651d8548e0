package org.regionwise.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.TrainingData;
import org.regionwise.core.io.AtomicFiles;
import org.regionwise.core.loss.LossSpec;
import org.regionwise.examples.experiment.TrainingSettings;
import org.regionwise.training.EngineBackend;
import org.regionwise.training.StepTimer;
import org.regionwise.training.plan.DatasetFingerprint;
import org.regionwise.training.plan.PlanRules;

/**
 * {@code rw train}'s plan for an nnU-Net folder: the dataset fingerprint, {@link PlanRules} with the step time
 * measured on this machine for the planned network, the user's options on top, and {@code RUN_DIR/plan.json}.
 */
final class Planning {
    private Planning() {}

    /**
     * The planned settings with every option the user gave applied over them; prints the plan and writes
     * {@code plan.json}.
     */
    static TrainingSettings plan(TrainingData d, TrainingSettings defaults, TrainingOptions given, double budgetSeconds,
                                 @Nullable EngineBackend backend, LossSpec loss, long seed, Path runDir, PrintWriter out) {
        DatasetFingerprint f = DatasetFingerprint.of(d);
        int dims = defaults.dimensions();
        PlanRules.Shape shape = PlanRules.shape(f, dims);
        TrainingSettings shaped = given.apply(new TrainingSettings(defaults.epochs(), PlanRules.STEPS_PER_EPOCH,
                shape.batchSize(), shape.patchSize(), shape.depth(), shape.baseFilters(), defaults.learningRate(),
                defaults.deepSupervision(), defaults.threads(), dims), shape.patchSize());
        // a backend that is not an engine (a test double) cannot be timed: it keeps rw train's default epochs
        boolean timeNeeded = given.epochs == null && backend != null;
        PlanRules.Plan p = PlanRules.plan(f, budgetSeconds, s -> timeNeeded
                // timed with CE whatever the loss, so that the plan does not depend on it (the loss is ~2% of a step)
                ? StepTimer.secondsPerStep(backend.engine(), shaped.plan(org.regionwise.core.loss.Losses.crossEntropy(), d, seed, null), d, 3, 9)
                : 1.0, dims);
        int epochs = given.epochs != null ? given.epochs
                : backend == null ? defaults.epochs() : (int) Math.max(2, p.totalSteps() / shaped.iterationsPerEpoch());
        TrainingSettings planned = new TrainingSettings(epochs, shaped.iterationsPerEpoch(),
                shaped.batchSize(), shaped.patchSize(), shaped.depth(), shaped.baseFilters(), shaped.learningRate(),
                shaped.deepSupervision(), shaped.threads(), dims);
        out.printf(Locale.ROOT, "plan%s (from the dataset fingerprint; every value can be overridden by its option, see plan.json):%n",
                dims == 3 ? " of a 3D U-Net" : "");
        out.printf(Locale.ROOT, "  fingerprint: %d training %s, median %s px, spacing %s mm, class frequencies %s%n",
                f.samples(), dims == 3 ? "volumes" : "images", java.util.Arrays.toString(f.medianShape()), fmt(f.medianSpacing()), fmt(f.classFrequencies()));
        out.printf(Locale.ROOT, "  patch %d%s, batch %d%s, depth %d%s, base filters %d%s, %d epochs x %d steps%s%n",
                planned.patchSize(), mark(given.patch), planned.batchSize(), mark(given.batch), planned.depth(), mark(given.depth),
                planned.baseFilters(), mark(given.baseFilters), planned.epochs(), planned.iterationsPerEpoch(),
                given.epochs != null || given.iterations != null ? " (given)"
                        : backend == null ? " (the backend cannot be timed: rw train's default epochs)"
                        : String.format(Locale.ROOT, " for a %s budget at %.3f s per step", duration(budgetSeconds), p.secondsPerStep()));
        out.flush();
        AtomicFiles.writeString(runDir.resolve("plan.json"), json(f, p, planned, given, budgetSeconds));
        return planned;
    }

    private static String mark(Object given) { return given == null ? "" : " (given)"; }

    static String duration(double s) {
        if (s >= 60 && s % 60 == 0) return (long) (s / 60) + "m";
        return String.format(Locale.ROOT, "%.0fs", s);
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4g", v[i]));
        return b.append(']').toString();
    }

    private static String arr(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) b.append(i > 0 ? ", " : "").append(Double.isFinite(v[i]) ? String.format(Locale.ROOT, "%.6g", v[i]) : "null");
        return b.append(']').toString();
    }

    private static String arr(long[] v) { return java.util.Arrays.toString(v); }

    private static String arr(int[] v) { return java.util.Arrays.toString(v); }

    private static String str(String s) { return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"'; }

    static String json(DatasetFingerprint f, PlanRules.Plan p, TrainingSettings planned, TrainingOptions given, double budget) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"fingerprint\": {\n");
        b.append("    \"training_samples\": ").append(f.samples()).append(",\n");
        b.append("    \"median_shape\": ").append(arr(f.medianShape())).append(",\n");
        b.append("    \"median_spacing_mm\": ").append(arr(f.medianSpacing())).append(",\n");
        b.append("    \"intensity_mean\": ").append(arr(f.intensityMean())).append(",\n");
        b.append("    \"intensity_std\": ").append(arr(f.intensityStd())).append(",\n");
        b.append("    \"intensity_p0.5\": ").append(arr(f.intensityP005())).append(",\n");
        b.append("    \"intensity_p99.5\": ").append(arr(f.intensityP995())).append(",\n");
        b.append("    \"class_voxels\": ").append(arr(f.classVoxels())).append(",\n");
        b.append("    \"class_frequencies\": ").append(arr(f.classFrequencies())).append("\n  },\n");
        b.append("  \"rules\": {\n");
        b.append("    \"time_budget_seconds\": ").append(String.format(Locale.ROOT, "%.1f", budget)).append(",\n");
        b.append("    \"seconds_per_step_measured\": ").append(given.epochs == null && p.secondsPerStep() != 1.0 ? String.format(Locale.ROOT, "%.6f", p.secondsPerStep()) : "null").append(",\n");
        b.append("    \"planned\": {\"patch\": ").append(p.patchSize()).append(", \"batch\": ").append(p.batchSize())
                .append(", \"depth\": ").append(p.depth()).append(", \"base_filters\": ").append(p.baseFilters())
                .append(", \"epochs\": ").append(p.epochs()).append(", \"iterations\": ").append(p.iterationsPerEpoch()).append("},\n");
        b.append("    \"why\": [");
        for (int i = 0; i < p.reasons().size(); i++) b.append(i > 0 ? ", " : "").append(str(p.reasons().get(i)));
        b.append("]\n  },\n");
        b.append("  \"used\": {\"patch\": ").append(planned.patchSize()).append(", \"batch\": ").append(planned.batchSize())
                .append(", \"depth\": ").append(planned.depth()).append(", \"base_filters\": ").append(planned.baseFilters())
                .append(", \"epochs\": ").append(planned.epochs()).append(", \"iterations\": ").append(planned.iterationsPerEpoch())
                .append(", \"learning_rate\": ").append(planned.learningRate()).append("}\n}\n");
        return b.toString();
    }
}
