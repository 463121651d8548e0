package org.regionwise.examples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.examples.data.Dataset;
import org.regionwise.examples.experiment.CaseScore;
import org.regionwise.examples.experiment.Comparison;
import org.regionwise.examples.experiment.RunResult;

/**
 * Keeps a long comparison's finished runs on disk while it goes on: after every run, {@code REPORT_DIR/partial/}
 * {@code runs.csv} and {@code scores.csv} (same columns as the final report's files) are rewritten atomically with
 * every run finished so far, so a crash or a kill loses at most the run in progress. {@link #finish()} removes the
 * folder once the full report is written. Forwards every callback to a delegate (the progress bar).
 *
 * <p>For {@code rw compare --resume} it is also the comparison's {@link Comparison.RunStore}: every finished run is
 * archived in {@code partial/runs/<index>/} ({@link RunArchive}), the run in progress keeps its checkpoints in
 * {@code partial/current/} (with {@code run.index}), and a resumed comparison reuses the archived runs and continues
 * the interrupted one from its last checkpoint.
 */
public final class PartialResults implements Comparison.Progress, Comparison.RunStore {
    private final Comparison.Progress delegate;
    private final Path folder;
    private final Map<String, List<String>> classNames = new HashMap<>();
    private final Csv runs = ReportWriter.runsTable();
    private final Csv scores = ReportWriter.scoresTable();

    /**
     * @param reportDirectory the comparison's report folder; the partial files go to its {@code partial/} sub-folder
     * @param datasets        the compared datasets (for class names)
     * @param delegate        receives every callback too
     */
    public PartialResults(Path reportDirectory, List<? extends Dataset> datasets, Comparison.Progress delegate) {
        this(reportDirectory, datasets, delegate, false);
    }

    /**
     * As above; {@code resume}: reuse the runs archived by an interrupted comparison in the same folder.
     *
     * @param reportDirectory the report folder
     * @param datasets the datasets compared
     * @param delegate receives every callback too
     * @param resume whether to reuse archived runs
     */
    public PartialResults(Path reportDirectory, List<? extends Dataset> datasets, Comparison.Progress delegate, boolean resume) {
        this.folder = reportDirectory.resolve("partial");
        this.delegate = delegate;
        this.resume = resume;
        for (Dataset d : datasets) classNames.put(d.name(), d.classNames());
    }

    private final boolean resume;
    private int current = -1;

    private Path archive(int index) { return folder.resolve("runs").resolve(Integer.toString(index)); }

    private Path work() { return folder.resolve("current"); }

    @Override public org.regionwise.examples.experiment.@org.jspecify.annotations.Nullable RunResult kept(int index) {
        return resume && RunArchive.exists(archive(index)) ? RunArchive.read(archive(index)) : null;
    }

    @Override public boolean resumes(int index) {
        Path marker = work().resolve("run.index");
        try {
            return resume && Files.isRegularFile(marker) && Files.readString(marker).trim().equals(Integer.toString(index))
                    && org.regionwise.training.Trainer.hasCheckpoints(work());
        } catch (IOException e) {
            return false;
        }
    }

    @Override public Path directory(int index) {
        try {
            if (!resumes(index)) {
                if (Files.exists(work())) org.regionwise.core.io.FileTrees.delete(work());
                Files.createDirectories(work());
                Files.writeString(work().resolve("run.index"), Integer.toString(index));
            }
            return work();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder holding the partial files.
     *
     * @return the folder
     */
    public Path folder() { return folder; }

    @Override public void runStarted(int index, int total, String dataset, String loss, long seed) {
        current = index;
        delegate.runStarted(index, total, dataset, loss, seed);
    }

    @Override public void step(int epoch, int step, int stepsPerEpoch, double loss) { delegate.step(epoch, step, stepsPerEpoch, loss); }

    @Override public void epoch(org.regionwise.core.backend.EpochReport report) { delegate.epoch(report); }

    @Override public void runFinished(RunResult r) {
        ReportWriter.addRun(runs, r);
        List<String> names = classNames.getOrDefault(r.dataset(), List.of());
        for (CaseScore cs : r.scores()) {
            for (int c = 1; c < cs.dice().size(); c++) {
                scores.row(r.dataset(), r.loss(), r.seed(), cs.caseId(), c, c < names.size() ? names.get(c) : "",
                        cs.dice().get(c), cs.hausdorffMm().get(c));
            }
        }
        runs.write(folder.resolve("runs.csv"));
        scores.write(folder.resolve("scores.csv"));
        if (current >= 0 && !RunArchive.exists(archive(current))) {
            RunArchive.write(archive(current), r);
            try {
                if (Files.exists(work())) org.regionwise.core.io.FileTrees.delete(work());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + work() + ": " + e.getMessage(), e);
            }
        }
        delegate.runFinished(r);
    }

    /** Removes the partial files (call after the full report is written). */
    public void finish() {
        try {
            if (Files.exists(folder)) org.regionwise.core.io.FileTrees.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder + ": " + e.getMessage(), e);
        }
    }
}
