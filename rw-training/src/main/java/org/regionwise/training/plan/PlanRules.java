package org.regionwise.training.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * nnU-Net-style rules (adapted to a 2D U-Net on a CPU) from a {@link DatasetFingerprint} and a time budget to the
 * training settings. Each planned value comes with the sentence that explains it.
 *
 * <ol>
 *   <li><b>Depth</b>: pool while the lowest feature map keeps at least 4 voxels per edge (nnU-Net's rule):
 *       {@code depth = clamp(floor(log2(edge / 4)), 2, 5)}, {@code edge = min(median in-plane size, 128)}.</li>
 *   <li><b>Patch</b>: the largest multiple of {@code 2^depth} not above that edge (the median image, capped at 128 px
 *       for a CPU).</li>
 *   <li><b>Batch</b>: about 32,768 patch voxels per step (8 patches of 64²), {@code clamp(round(32768 / patch²), 2, 16)}
 *       (nnU-Net's minimum batch is 2).</li>
 *   <li><b>Filters</b>: 16 in the first stage, doubling per stage up to 16x (nnU-Net uses 32 on a GPU).</li>
 *   <li><b>Steps</b>: {@code floor(0.8 budget / stepSeconds)}, where {@code stepSeconds} is measured on the machine with
 *       the planned network and batch (the other 20% are left to validation and checkpoints), in epochs of 50 steps,
 *       at least 2 epochs.</li>
 *   <li><b>Foreground oversampling</b>: the trainer's fixed 1/3 of every batch centred on a foreground voxel.</li>
 * </ol>
 * A 3D U-Net ({@link #shape(DatasetFingerprint, int) shape(f, 3)}) plans the same way from the smallest median edge of
 * the volumes, capped at {@value #MAX_EDGE_3D} voxels for a CPU, with nnU-Net's 3D batch of 2; its kernels and strides
 * follow the volumes' median spacing ({@code Pooling.forSpacing}).
 */
public final class PlanRules {
    /** Steps per epoch of a planned run. */
    public static final int STEPS_PER_EPOCH = 50;
    /** The share of the time budget spent on optimiser steps. */
    public static final double STEP_SHARE = 0.8;
    static final int MAX_EDGE = 128, BATCH_VOXELS = 32768, BASE_FILTERS = 16;
    /** The largest planned 3D patch edge on a CPU. */
    static final int MAX_EDGE_3D = 64;
    /** nnU-Net's 3D batch. */
    static final int BATCH_3D = 2;

    private PlanRules() {}

    /**
     * A planned run.
     *
     * @param patchSize   square patch edge, voxels
     * @param batchSize   patches per step
     * @param depth       U-Net poolings
     * @param baseFilters first-stage filters
     * @param epochs      epochs of {@link #iterationsPerEpoch} steps
     * @param iterationsPerEpoch steps per epoch
     * @param secondsPerStep measured (or given) seconds per optimiser step
     * @param budgetSeconds the time budget
     * @param reasons     one sentence per planned value
     */
    public record Plan(int patchSize, int batchSize, int depth, int baseFilters, int epochs, int iterationsPerEpoch,
                       double secondsPerStep, double budgetSeconds, List<String> reasons) {
        /**
         * Copies the reasons.
         *
         * @param patchSize square patch edge, voxels
         * @param batchSize patches per step
         * @param depth U-Net poolings
         * @param baseFilters first-stage filters
         * @param epochs epochs of {@link #iterationsPerEpoch} steps
         * @param iterationsPerEpoch steps per epoch
         * @param secondsPerStep measured (or given) seconds per optimiser step
         * @param budgetSeconds the time budget
         * @param reasons one sentence per planned value
         */
        public Plan { reasons = List.copyOf(reasons); }

        /**
         * The optimiser steps of the plan.
         *
         * @return epochs × iterations per epoch
         */
        public long totalSteps() { return (long) epochs * iterationsPerEpoch; }
    }

    /** The shape part of the plan (depth, patch, batch, filters), before the step time is known. */
    public record Shape(int patchSize, int batchSize, int depth, int baseFilters) {}

    /**
     * The network and patch shape for {@code f}: patch edge and depth from the median edge, batch from a voxel budget.
     *
     * @param f the fingerprint
     * @return the shape
     */
    public static Shape shape(DatasetFingerprint f) { return shape(f, 2); }

    /**
     * The network and patch shape of a 2D or 3D U-Net for {@code f}: in 3D the edge is the smallest median edge of
     * the volumes (at most {@value #MAX_EDGE_3D}) and the batch {@value #BATCH_3D}.
     *
     * @param f the fingerprint
     * @param dimensions 2 or 3
     * @return the shape
     */
    public static Shape shape(DatasetFingerprint f, int dimensions) {
        if (dimensions == 3) {
            int[] ms = f.medianShape();
            if (ms.length != 3) throw new IllegalArgumentException("a 3D plan needs 3D training volumes, the fingerprint has " + ms.length + " axes");
            int edge = Math.min(Math.min(ms[0], Math.min(ms[1], ms[2])), MAX_EDGE_3D);
            if (edge < 8) throw new IllegalArgumentException("the smallest median volume edge is " + edge + " voxels; a 3D plan needs at least 8");
            int depth = Math.max(2, Math.min(5, (int) Math.floor(Math.log(edge / 4.0) / Math.log(2))));
            int m = 1 << depth;
            return new Shape(Math.max(m, edge / m * m), BATCH_3D, depth, BASE_FILTERS);
        }
        int edge = Math.min(f.medianEdge(), MAX_EDGE);
        if (edge < 8) throw new IllegalArgumentException("the median training image edge is " + f.medianEdge() + " px; planning needs at least 8");
        int depth = Math.max(2, Math.min(5, (int) Math.floor(Math.log(edge / 4.0) / Math.log(2))));
        int m = 1 << depth;
        int patch = Math.max(m, edge / m * m);
        int batch = (int) Math.max(2, Math.min(16, Math.round((double) BATCH_VOXELS / ((double) patch * patch))));
        return new Shape(patch, batch, depth, BASE_FILTERS);
    }

    /**
     * The full plan for a budget of {@code budgetSeconds}; {@code stepSeconds} measures one optimiser step of a shape
     * (the caller times the real network; tests pass a formula).
     *
     * @param f the fingerprint
     * @param budgetSeconds the training time budget
     * @param stepSeconds measures one step of a shape
     * @return the plan
     */
    public static Plan plan(DatasetFingerprint f, double budgetSeconds, ToDoubleFunction<Shape> stepSeconds) {
        return plan(f, budgetSeconds, stepSeconds, 2);
    }

    /**
     * The full plan of a 2D or 3D U-Net for a budget of {@code budgetSeconds}.
     *
     * @param f the fingerprint
     * @param budgetSeconds the training time budget
     * @param stepSeconds measures one step of a shape
     * @param dimensions 2 or 3
     * @return the plan
     */
    public static Plan plan(DatasetFingerprint f, double budgetSeconds, ToDoubleFunction<Shape> stepSeconds, int dimensions) {
        if (!(budgetSeconds > 0)) throw new IllegalArgumentException("the time budget must be > 0 s, got " + budgetSeconds);
        Shape s = shape(f, dimensions);
        double t = stepSeconds.applyAsDouble(s);
        if (!(t > 0) || !Double.isFinite(t)) throw new IllegalStateException("measured step time must be > 0 s, got " + t);
        long steps = (long) Math.floor(STEP_SHARE * budgetSeconds / t);
        int epochs = (int) Math.max(2, Math.min(100_000, steps / STEPS_PER_EPOCH));
        List<String> why = new ArrayList<>();
        int median = dimensions == 3 ? java.util.Arrays.stream(f.medianShape()).min().orElseThrow() : f.medianEdge();
        int cap = dimensions == 3 ? MAX_EDGE_3D : MAX_EDGE;
        int edge = Math.min(median, cap);
        why.add(String.format(Locale.ROOT, "depth %d: pool while the lowest feature map keeps >= 4 px (median edge %d px, capped at %d)",
                s.depth(), median, cap));
        why.add(String.format(Locale.ROOT, "patch %d%s: the largest multiple of 2^%d not above %d px", s.patchSize(),
                dimensions == 3 ? " (cubic)" : "", s.depth(), edge));
        why.add(dimensions == 3 ? String.format(Locale.ROOT, "batch %d: nnU-Net's 3D batch", s.batchSize())
                : String.format(Locale.ROOT, "batch %d: about %d patch voxels per step, between 2 and 16", s.batchSize(), BATCH_VOXELS));
        why.add(String.format(Locale.ROOT, "base filters %d: the CPU default", s.baseFilters()));
        why.add(String.format(Locale.ROOT, "%d epochs x %d steps: %.0f%% of the %.0f s budget at %.3f s per step, measured here",
                epochs, STEPS_PER_EPOCH, 100 * STEP_SHARE, budgetSeconds, t));
        return new Plan(s.patchSize(), s.batchSize(), s.depth(), s.baseFilters(), epochs, STEPS_PER_EPOCH, t, budgetSeconds, why);
    }

    /**
     * Parses a duration such as {@code 10m}, {@code 90s}, {@code 1h30m} or {@code 600} (seconds).
     *
     * @param text the duration
     * @return seconds
     */
    public static double parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.matches("\\d+(\\.\\d+)?") && Double.parseDouble(s) > 0) return Double.parseDouble(s);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])").matcher(s);
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) break;
            double v = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) { case "h" -> 3600 * v; case "m" -> 60 * v; default -> v; };
            end = m.end();
        }
        if (end != s.length() || end == 0 || !(total > 0)) {
            throw new IllegalArgumentException("bad duration '" + text + "': write e.g. 10m, 90s, 1h30m or a number of seconds");
        }
        return total;
    }
}
