package org.regionwise.examples.cli;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.regionwise.examples.data.NnUnetCache;

/**
 * Progress over cases (preprocess, predict, evaluate) on stderr: a bar redrawn in place on a terminal, or for logs a
 * plain line ({@code [3/96] case_003 ...}) at most every 30 s and for the last case, or nothing. Thread-safe.
 */
final class CaseProgress implements NnUnetCache.Listener, AutoCloseable {
    private final String task;
    private final java.io.PrintWriter out;
    private ProgressDisplay.Mode mode;
    private final long start = System.nanoTime();
    private final boolean lastLine;
    private long lastLineNanos = System.nanoTime();
    private @Nullable ProgressBar bar;
    private int total;

    /** Lines go to {@code out} (the command's stderr); the bar, which needs a terminal, to {@code System.err}. */
    CaseProgress(String task, java.io.PrintWriter out, ProgressOptions options) { this(task, out, options, true); }

    /** With {@code lastLine} false, no line for the last case (the caller prints its own summary). */
    CaseProgress(String task, java.io.PrintWriter out, ProgressOptions options, boolean lastLine) {
        this.task = task;
        this.lastLine = lastLine;
        this.out = out;
        this.mode = options.resolved();
    }

    /** Starts counting {@code cases}. */
    synchronized void start(int cases) {
        total = cases;
        if (cases <= 1) mode = ProgressDisplay.Mode.NONE; // one file: the command's own output says it all
        if (mode == ProgressDisplay.Mode.BAR && bar == null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(cases).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
        }
    }

    /** Case number {@code done} of the total has finished; {@code what} says how. */
    synchronized void done(int done, String caseId, String what) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(caseId);
        } else if (mode == ProgressDisplay.Mode.LINES) {
            long now = System.nanoTime();
            boolean last = done >= total;
            if (last ? !lastLine : now - lastLineNanos < ProgressDisplay.LINE_INTERVAL_NANOS) return;
            lastLineNanos = now;
            double s = (System.nanoTime() - start) / 1e9;
            String eta = done < total ? String.format(Locale.ROOT, ", about %s left", ProgressDisplay.duration(java.time.Duration.ofSeconds(
                    Math.round(s / done * (total - done))))) : "";
            out.printf(Locale.ROOT, "%s [%d/%d] %s: %s (%.1f s%s)%n", task, done, total, caseId, what, s, eta);
            out.flush();
        }
    }

    @Override public void started(int cases, int workers) { start(cases); }

    @Override public void caseDone(String id, boolean reused, long bytes, int done, int total) {
        done(done, id, (reused ? "up to date, " : "written, ") + String.format(Locale.ROOT, "%.1f MB", bytes / 1e6));
    }

    @Override public void finished(NnUnetCache.Report report) { close(); }

    @Override public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
