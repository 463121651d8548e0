package org.regionwise.examples.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.core.backend.Sample;
import org.regionwise.core.backend.TrainingListener;
import org.regionwise.examples.data.Dataset;

/**
 * The paper's comparison: trains every (dataset, loss, seed) with the same settings and evaluates each model on the
 * dataset's test split. Runs are sequential (each run uses all the threads of the settings) in the order
 * dataset, loss, seed.
 */
public final class Comparison {

    /** Progress callbacks; every method has an empty default. */
    public interface Progress {
        /**
         * Run {@code index} of {@code total} starts.
         *
         * @param index the 0-based run
         * @param total the number of runs
         * @param dataset the dataset's name
         * @param loss the loss's name
         * @param seed the run's seed
         */
        default void runStarted(int index, int total, String dataset, String loss, long seed) {}
        /**
         * After each optimiser step.
         *
         * @param epoch the 0-based epoch
         * @param step the 0-based step within the epoch
         * @param stepsPerEpoch the number of steps per epoch
         * @param loss the step's training loss
         */
        default void step(int epoch, int step, int stepsPerEpoch, double loss) {}
        /**
         * After each epoch.
         *
         * @param report the epoch's figures
         */
        default void epoch(EpochReport report) {}
        /**
         * A run is trained and scored (or failed).
         *
         * @param result its result
         */
        default void runFinished(RunResult result) {}
    }

    /**
     * Where a comparison keeps its runs so that an interrupted one can go on ({@code rw compare --resume}): finished
     * runs to reuse, and a directory per run for the trainer's checkpoints.
     */
    public interface RunStore {
        /**
         * The finished run {@code index} kept from an interrupted comparison, or {@code null} to train it.
         *
         * @param index the 0-based run
         * @return the result, or {@code null}
         */
        default org.regionwise.examples.experiment.@org.jspecify.annotations.Nullable RunResult kept(int index) { return null; }

        /**
         * The directory for run {@code index}'s checkpoints (prepared), or {@code null} for none.
         *
         * @param index the 0-based run
         * @return the directory, or {@code null}
         */
        default java.nio.file.@org.jspecify.annotations.Nullable Path directory(int index) { return null; }

        /**
         * Whether run {@code index} continues from the checkpoint in its {@link #directory}.
         *
         * @param index the 0-based run
         * @return whether it resumes
         */
        default boolean resumes(int index) { return false; }

        /** Keeps nothing. */
        RunStore NONE = new RunStore() {};
    }

    /**
     * Everything the report needs.
     *
     * @param datasets    the datasets, in order
     * @param losses      loss names, in order
     * @param seeds       training seeds
     * @param settings    training settings shared by every run
     * @param backend     backend name
     * @param runs        one result per (dataset, loss, seed)
     * @param started     start time
     * @param wallSeconds wall time of the whole comparison
     */
    public record Result(List<Dataset> datasets, List<String> losses, List<Long> seeds, TrainingSettings settings,
                         String backend, List<RunResult> runs, Instant started, double wallSeconds) {
        /**
         * Copies the lists.
         *
         * @param datasets the datasets, in order
         * @param losses loss names, in order
         * @param seeds training seeds
         * @param settings training settings shared by every run
         * @param backend backend name
         * @param runs one result per (dataset, loss, seed)
         * @param started start time
         * @param wallSeconds wall time of the whole comparison
         */
        public Result {
            datasets = List.copyOf(datasets);
            losses = List.copyOf(losses);
            seeds = List.copyOf(seeds);
            runs = List.copyOf(runs);
        }

        /**
         * The runs of one dataset and loss, in seed order.
         *
         * @param dataset the dataset's name
         * @param loss the loss's name
         * @return the runs
         */
        public List<RunResult> runs(String dataset, String loss) {
            return runs.stream().filter(r -> r.dataset().equals(dataset) && r.loss().equals(loss)).toList();
        }
    }

    private final Experiment experiment;

    /**
     * A comparison that trains and scores each run with {@code experiment}.
     *
     * @param experiment the backend and scoring
     */
    public Comparison(Experiment experiment) { this.experiment = Objects.requireNonNull(experiment, "experiment"); }

    /**
     * The test cases whose predictions are drawn in the report: the first, and the one in the middle.
     *
     * @param d the dataset
     * @return the case ids
     */
    public static Set<String> overlayCases(Dataset d) {
        Set<String> ids = new LinkedHashSet<>();
        List<Sample> t = d.test();
        if (!t.isEmpty()) {
            ids.add(t.get(0).id());
            ids.add(t.get(t.size() / 2).id());
        }
        return ids;
    }

    /**
     * Runs the comparison without checkpoints: every dataset × loss × seed.
     *
     * @param datasets the datasets
     * @param losses the loss names
     * @param seeds the seeds
     * @param settings the training settings of every run
     * @param progress receives progress
     * @return the results
     */
    public Result run(List<Dataset> datasets, List<String> losses, List<Long> seeds, TrainingSettings settings,
                      Progress progress) {
        return run(datasets, losses, seeds, settings, progress, RunStore.NONE);
    }

    /**
     * Runs the comparison; runs that {@code store} kept are reused as they are (their callbacks still fire), the
     * others are trained with checkpoints in the store's directory (continued from it when the store says so).
     *
     * @param datasets the datasets
     * @param losses the loss names
     * @param seeds the seeds
     * @param settings the training settings of every run
     * @param progress receives progress
     * @param store keeps finished runs and checkpoints
     * @return the results
     */
    public Result run(List<Dataset> datasets, List<String> losses, List<Long> seeds, TrainingSettings settings,
                      Progress progress, RunStore store) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        int total = datasets.size() * losses.size() * seeds.size();
        int index = 0;
        List<RunResult> runs = new ArrayList<>();
        for (Dataset d : datasets) {
            Set<String> keep = overlayCases(d);
            for (String loss : losses) {
                for (long seed : seeds) {
                    int i = index++;
                    progress.runStarted(i, total, d.name(), loss, seed);
                    RunResult kept = store.kept(i);
                    if (kept != null) {
                        runs.add(kept);
                        progress.runFinished(kept);
                        continue;
                    }
                    TrainingListener l = new TrainingListener() {
                        @Override public void onStep(int epoch, int step, int stepsPerEpoch, double value) {
                            progress.step(epoch, step, stepsPerEpoch, value);
                        }
                        @Override public void onEpoch(EpochReport report) { progress.epoch(report); }
                    };
                    RunResult r = experiment.run(d, loss, settings, seed, l, keep, store.directory(i), store.resumes(i));
                    runs.add(r);
                    progress.runFinished(r);
                }
            }
        }
        return new Result(datasets, losses, seeds, settings, experiment.backend().name(), runs, started,
                (System.nanoTime() - t0) / 1e9);
    }
}
