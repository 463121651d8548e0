package org.regionwise.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.examples.experiment.Comparison;
import org.regionwise.examples.experiment.RunResult;

/**
 * One progress bar over every optimiser step of a whole command (all runs of a comparison), with the current run,
 * its latest loss and validation Dice, elapsed time and ETA. Prints to stderr so that stdout stays clean.
 */
final class ProgressDisplay implements Comparison.Progress, AutoCloseable {
    private final ProgressBar bar;
    private final long stepsPerRun;
    private int run;
    private String label = "";
    private double lastDice = Double.NaN;

    ProgressDisplay(String task, long runs, long stepsPerRun, PrintStream out) {
        this.stepsPerRun = stepsPerRun;
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(runs * stepsPerRun)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(120)
                .setConsumer(new ConsoleProgressBarConsumer(out)).setUnit(" steps", 1)
                .build();
    }

    @Override public void runStarted(int index, int total, String dataset, String loss, long seed) {
        run = index;
        lastDice = Double.NaN;
        String shortName = dataset.startsWith("synthetic-") ? dataset.substring("synthetic-".length()) : dataset;
        label = total > 1 ? String.format(Locale.ROOT, "%d/%d %s %s", index + 1, total, shortName, loss) : loss;
        bar.stepTo(run * stepsPerRun);
        bar.setExtraMessage(label);
    }

    @Override public void step(int epoch, int step, int stepsPerEpoch, double loss) {
        bar.stepTo(run * stepsPerRun + (long) epoch * stepsPerEpoch + step + 1);
        bar.setExtraMessage(String.format(Locale.ROOT, "%s e%d L=%.3f%s", label, epoch + 1, loss,
                Double.isNaN(lastDice) ? "" : String.format(Locale.ROOT, " Dice=%.2f", lastDice)));
    }

    @Override public void epoch(EpochReport report) {
        double s = 0;
        int n = 0;
        for (int k = 1; k < report.validationDice().size(); k++) {
            double v = report.validationDice().get(k);
            if (!Double.isNaN(v)) { s += v; n++; }
        }
        if (n > 0) lastDice = s / n;
    }

    @Override public void runFinished(RunResult result) {
        bar.stepTo((run + 1) * stepsPerRun);
    }

    @Override public void close() { bar.close(); }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
