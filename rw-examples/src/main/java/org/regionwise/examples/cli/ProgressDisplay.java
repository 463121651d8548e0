package org.regionwise.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.regionwise.core.backend.EpochReport;
import org.regionwise.examples.experiment.Comparison;
import org.regionwise.examples.experiment.RunResult;

/**
 * Progress over every optimiser step of a whole command (all runs of a comparison): the current run, its latest loss
 * and mean foreground validation Dice, elapsed time and ETA. {@link Mode#BAR} redraws one progress bar in place (for a
 * terminal); {@link Mode#LINES} prints a plain line when a run starts or ends and at most every 30 s in between (for
 * logs and CI, where a redrawn bar becomes one endless line); {@link Mode#NONE} prints nothing. Writes to stderr so
 * that stdout stays clean.
 */
final class ProgressDisplay implements Comparison.Progress, AutoCloseable {

    /** How progress is shown. */
    enum Mode {
        /** {@link #BAR} on a terminal, {@link #LINES} otherwise. */
        AUTO,
        /** A progress bar redrawn in place. */
        BAR,
        /** Plain lines, at most one per {@link #LINE_INTERVAL_NANOS} between run boundaries. */
        LINES,
        /** Nothing. */
        NONE
    }

    /** Least time between two progress lines within a run, in nanoseconds (30 s). */
    static final long LINE_INTERVAL_NANOS = 30_000_000_000L;

    private final String task;
    private final long total;
    private final long stepsPerRun;
    private final PrintStream out;
    private final Mode mode;
    private final LongSupplier clock;
    private final long startNanos;
    private final @Nullable ProgressBar bar;
    private long done;
    private long lastLineNanos;
    private int run;
    private String label = "";
    private int epoch;
    private double lastLoss = Double.NaN;
    private double lastDice = Double.NaN;

    /**
     * @param mode  BAR, LINES or NONE (AUTO is resolved by {@link ProgressOptions})
     * @param clock nanosecond clock (tests pass a fake one)
     */
    ProgressDisplay(String task, long runs, long stepsPerRun, PrintStream out, Mode mode, LongSupplier clock) {
        if (mode == Mode.AUTO) throw new IllegalArgumentException("resolve Mode.AUTO before creating the display");
        this.task = task;
        this.total = runs * stepsPerRun;
        this.stepsPerRun = stepsPerRun;
        this.out = out;
        this.mode = mode;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastLineNanos = startNanos;
        this.bar = mode != Mode.BAR ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(120)
                .setConsumer(new ConsoleProgressBarConsumer(out)).setUnit(" steps", 1)
                .build();
    }

    @Override public void runStarted(int index, int totalRuns, String dataset, String loss, long seed) {
        run = index;
        lastLoss = Double.NaN;
        lastDice = Double.NaN;
        String shortName = dataset.startsWith("synthetic-") ? dataset.substring("synthetic-".length()) : dataset;
        label = totalRuns > 1 ? String.format(Locale.ROOT, "%d/%d %s %s", index + 1, totalRuns, shortName, loss) : loss;
        moveTo(run * stepsPerRun);
        if (bar != null) bar.setExtraMessage(label);
        if (mode == Mode.LINES) line("started");
    }

    @Override public void step(int epoch, int step, int stepsPerEpoch, double loss) {
        this.epoch = epoch;
        lastLoss = loss;
        moveTo(run * stepsPerRun + (long) epoch * stepsPerEpoch + step + 1);
        if (bar != null) bar.setExtraMessage(String.format(Locale.ROOT, "%s %s", label, state()));
        if (mode == Mode.LINES && clock.getAsLong() - lastLineNanos >= LINE_INTERVAL_NANOS) line("");
    }

    @Override public void epoch(EpochReport report) {
        if (report.validated()) lastDice = report.meanForegroundDice();
    }

    @Override public void runFinished(RunResult result) {
        moveTo((run + 1) * stepsPerRun);
        if (mode == Mode.LINES) line(result.failed() ? "failed" : "finished");
    }

    @Override public void close() {
        if (bar != null) bar.close();
        if (mode == Mode.LINES) {
            out.printf(Locale.ROOT, "%s: done %d/%d steps in %s%n", task, done, total, duration(Duration.ofNanos(clock.getAsLong() - startNanos)));
            out.flush();
        }
    }

    private void moveTo(long steps) {
        done = steps;
        if (bar != null) bar.stepTo(steps);
    }

    private String state() {
        return String.format(Locale.ROOT, "e%d L=%.3f%s", epoch + 1, lastLoss,
                Double.isNaN(lastDice) ? "" : String.format(Locale.ROOT, " Dice=%.2f", lastDice));
    }

    /** One plain progress line: task, percentage, steps, run, state, elapsed time and ETA. */
    private void line(String event) {
        long now = clock.getAsLong();
        lastLineNanos = now;
        Duration elapsed = Duration.ofNanos(now - startNanos);
        String eta = done == 0 ? "?" : duration(Duration.ofNanos((long) ((now - startNanos) * (double) (total - done) / done)));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %3d%% %d/%d steps | %s", task,
                total == 0 ? 100 : done * 100 / total, done, total, label));
        if (!event.isEmpty()) b.append(' ').append(event);
        if (!Double.isNaN(lastLoss)) b.append(" | ").append(state());
        b.append(String.format(Locale.ROOT, " | %s elapsed, ETA %s", duration(elapsed), eta));
        out.println(b);
        out.flush();
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
