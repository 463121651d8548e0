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
 */
public final class PartialResults implements Comparison.Progress {
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
        this.folder = reportDirectory.resolve("partial");
        this.delegate = delegate;
        for (Dataset d : datasets) classNames.put(d.name(), d.classNames());
    }

    /** The folder holding the partial files. */
    public Path folder() { return folder; }

    @Override public void runStarted(int index, int total, String dataset, String loss, long seed) {
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
        delegate.runFinished(r);
    }

    /** Removes the partial files (call after the full report is written). */
    public void finish() {
        try {
            Files.deleteIfExists(folder.resolve("runs.csv"));
            Files.deleteIfExists(folder.resolve("scores.csv"));
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder + ": " + e.getMessage(), e);
        }
    }
}
